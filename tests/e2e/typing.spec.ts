// Editing keeps every letter: typing at once after opening an editor, finishing by Escape, by
// "Klaar" or by a tap elsewhere, empty points removed, and the sticky tool placing one sticky.
import type { Page } from '@playwright/test'
import { BoardPageObject, expect, test, type BoardApi } from './fixtures.ts'

async function openBoard(page: Page, api: BoardApi, link: 'facilitator' | 'edit' = 'facilitator') {
  const board = await api.createBoard({ template: 'mdo' })
  const a = new BoardPageObject(page)
  await a.open(board.links[link], 'Anne de Vries', 'ib')
  return a
}

/** The stickies' texts, sorted, and the outline's rows that show "(leeg)". */
async function stickyTexts(a: BoardPageObject): Promise<string[]> {
  const items = await a.items()
  return items.flatMap((item) => (item.type === 'sticky' ? [item.text] : [])).sort()
}
const emptyRows = (a: BoardPageObject) => a.outline.locator('li .item-text.empty')

test('every letter typed at once after "+ Pluspunt" or a double click is kept', async ({
  page,
  api,
}) => {
  const a = await openBoard(page, api)
  await a.outline.getByRole('button', { name: 'Pluspunt toevoegen aan Kind/jongere' }).click()
  await page.keyboard.type('Vaste plek vooraan werkt')
  await page.keyboard.press('Enter')
  await a.outline.getByRole('button', { name: 'Vraag toevoegen aan Thuis' }).click()
  await page.keyboard.type('Hoe gaat het met slapen?')
  // Finished by clicking elsewhere on the page.
  await a.outline.locator('h2, h3').first().click()

  await a.pickTool('v')
  const inSchool = await a.inCircle('school')
  await page.mouse.dblclick(inSchool.x, inSchool.y)
  await page.keyboard.type('Werkt de koptelefoon?')
  // Escape keeps what was typed, as in the tools people know.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('text-editor')).toBeHidden()
  await expect
    .poll(() => stickyTexts(a))
    .toEqual(['Hoe gaat het met slapen?', 'Vaste plek vooraan werkt', 'Werkt de koptelefoon?'])
  expect(a.errors).toEqual([])
})

test('a point left empty is removed, never kept as "(leeg)"', async ({ page, api }) => {
  const a = await openBoard(page, api)
  // In the outline: Escape in a new, empty row.
  await a.outline.getByRole('button', { name: 'Pluspunt toevoegen aan Kind/jongere' }).click()
  await page.keyboard.press('Escape')
  // On the board: a double click, then Escape, and one finished with "Klaar" without text.
  await a.pickTool('v')
  const inThuis = await a.inCircle('thuis')
  await page.mouse.dblclick(inThuis.x, inThuis.y)
  await expect(page.getByTestId('text-editor')).toBeFocused()
  await page.keyboard.press('Escape')
  await page.mouse.dblclick(inThuis.x, inThuis.y)
  await page.getByRole('button', { name: 'Klaar' }).click()
  await expect(page.getByTestId('text-editor')).toBeHidden()
  await expect.poll(() => stickyTexts(a)).toEqual([])
  await expect(emptyRows(a)).toHaveCount(0)
})

test('the sticky tool places one sticky, then is the select tool again; Shift keeps it', async ({
  page,
  api,
}) => {
  const a = await openBoard(page, api)
  const stickyTool = a.toolbar.locator('button[aria-keyshortcuts="n"]')
  await a.pickTool('n')
  const inKind = await a.inCircle('kind', -0.3, 0)
  await page.mouse.click(inKind.x, inKind.y)
  await page.keyboard.type('Eén')
  // A click elsewhere finishes the sticky and places nothing more.
  const elsewhere = await a.inCircle('school')
  await page.mouse.click(elsewhere.x, elsewhere.y)
  await expect.poll(() => stickyTexts(a)).toEqual(['Eén'])
  await expect(stickyTool).toHaveAttribute('aria-pressed', 'false')

  // With Shift held the tool stays, for a row of stickies.
  await a.pickTool('n')
  await page.keyboard.down('Shift')
  await page.mouse.click(elsewhere.x, elsewhere.y)
  await page.keyboard.up('Shift')
  await page.keyboard.type('Twee')
  await page.keyboard.press('Control+Enter')
  await expect(stickyTool).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => stickyTexts(a)).toEqual(['Eén', 'Twee'])
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('tapping a circle finishes the open point: two points keep their own texts', async ({
    page,
    api,
  }) => {
    const a = await openBoard(page, api, 'edit')
    const thuis = await a.circle('thuis')
    await a.outline.getByRole('button', { name: 'Pluspunt toevoegen aan Thuis' }).tap()
    await page.keyboard.type('Samen koken lukt')
    const inKind = await a.inCircle('kind')
    await page.touchscreen.tap(inKind.x, inKind.y)
    await expect(page.getByTestId('text-editor')).toBeHidden()
    await a.outline.getByRole('button', { name: 'Vraag toevoegen aan Thuis' }).tap()
    await page.keyboard.type('Hoe gaat het met slapen?')
    await page.getByRole('button', { name: 'Klaar' }).tap()
    await expect
      .poll(() => stickyTexts(a))
      .toEqual(['Hoe gaat het met slapen?', 'Samen koken lukt'])
    const items = await a.items()
    for (const item of items) if (item.type === 'sticky') expect(item.parent).toBe(thuis.id)
    const rows = a.outline.locator(`[data-circle-id="${thuis.id}"] li .item-text`)
    await expect(rows).toHaveText(['Samen koken lukt', 'Hoe gaat het met slapen?'])
  })
})

test.describe('on a phone, the page still', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('a point typed in Thuis stays in Thuis when the page is swiped and the board below tapped', async ({
    page,
    api,
  }) => {
    const board = await api.createBoard({ template: 'mdo' })
    const a = new BoardPageObject(page)
    await a.open(board.links.edit, 'Bram', 'ouder', { panels: false })
    const thuis = await a.circle('thuis')
    await page.locator('button[aria-keyshortcuts="n"]').tap()
    const inThuis = await a.inCircle('thuis', 0, -0.2)
    await page.touchscreen.tap(inThuis.x, inThuis.y)
    await expect(page.getByTestId('text-editor')).toBeFocused()
    await page.keyboard.type('Samen koken lukt')

    // A scroll over the top bar and of the window: the board page does not move as a page.
    await page.mouse.move(60, 25)
    await page.mouse.wheel(0, 600)
    await page.evaluate(() => window.scrollBy(0, 290))
    expect(
      await page.evaluate(() => [window.scrollY, document.scrollingElement!.scrollTop]),
    ).toEqual([0, 0])

    // Tap the empty board just below Thuis: that finishes the point, where it was made.
    // Below Thuis and below the open editor and its Klaar button, which may cover the circle's foot.
    const foot = await a.toScreen({ x: thuis.x + thuis.w / 2, y: thuis.y + thuis.h })
    const editorFoot = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll('[data-testid=text-editor], .board-text-done')].map(
          (el) => el.getBoundingClientRect().bottom,
        ),
      ),
    )
    const below = { x: foot.x, y: Math.max(foot.y, editorFoot) + 30 }
    expect(
      await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('.board-canvas') != null,
        below,
      ),
    ).toBe(true)
    await page.touchscreen.tap(below.x, below.y)
    await expect(page.getByTestId('text-editor')).toBeHidden()

    const [point] = (await a.items()).filter((item) => item.type === 'sticky')
    expect(point).toMatchObject({ text: 'Samen koken lukt', parent: thuis.id })
    const centre = { x: point!.x + point!.w / 2, y: point!.y + point!.h / 2 }
    const r = thuis.w / 2
    expect(Math.hypot(centre.x - thuis.x - r, centre.y - thuis.y - r)).toBeLessThan(r)
    await a.showPanels()
    await expect(a.outline.locator(`[data-circle-id="${thuis.id}"] li .item-text`)).toHaveText([
      'Samen koken lukt',
    ])
    expect(a.errors).toEqual([])
  })
})
