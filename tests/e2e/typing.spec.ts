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
