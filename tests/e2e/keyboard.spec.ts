// The board by keyboard alone: Tab to the canvas, pick School by its number, add a point, type,
// Escape keeps it, and the outline lists it. Letters typed on a focused button change nothing,
// and a key pressed after tabbing through the outline deletes nothing it did not show.
import { BoardPageObject, expect, test } from './fixtures.ts'

test('a keyboard user adds a point to School and finds it in the outline', async ({
  page,
  api,
}) => {
  const board = await api.createBoard({ template: 'mdo' })
  const a = new BoardPageObject(page)
  await a.open(board.links.edit, 'Ilse (IB)', 'leerkracht')
  const canvas = page.locator('.board-canvas')
  // After joining, the focus is on the board; Tab away and back again to reach it.
  await expect(canvas).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(canvas).not.toBeFocused()
  for (let i = 0; i < 60 && !(await canvas.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab')
  }
  await expect(canvas).toBeFocused()

  const school = await a.circle('school')
  await page.keyboard.press('3')
  await expect.poll(() => page.evaluate(() => window.__mdoTest!.selection())).toEqual([school.id])
  await page.keyboard.press('n')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('text-editor')).toBeFocused()
  await page.keyboard.type('Werkt goed met een vaste plek')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('text-editor')).toBeHidden()

  const stickies = (await a.items()).filter((item) => item.type === 'sticky')
  expect(stickies).toHaveLength(1)
  expect(stickies[0]).toMatchObject({ text: 'Werkt goed met een vaste plek', parent: school.id })
  await expect(a.outline.locator(`li[data-item-id="${stickies[0]!.id}"] .item-text`)).toHaveText(
    'Werkt goed met een vaste plek',
  )
  // The tool went back to select after the one placement, as with the mouse.
  await expect(a.toolbar.locator('button[aria-keyshortcuts="v"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  expect(a.errors).toEqual([])
})

test('letters on a focused button and keys after the outline change nothing', async ({
  page,
  api,
}) => {
  const board = await api.createBoard({ template: 'mdo' })
  const a = new BoardPageObject(page)
  await a.open(board.links.edit, 'Bram', 'leerkracht')
  await a.addStickyByDoubleClick('kind', 'Blijft')
  const before = await a.boardJson()

  // A toolbar button has the focus: "n", "p" and Delete are not shortcuts there.
  const select = a.toolbar.locator('button[aria-keyshortcuts="v"]')
  await select.focus()
  for (const key of ['n', 'p', 'e', 'Delete', 'Backspace']) await page.keyboard.press(key)
  await expect(select).toHaveAttribute('aria-pressed', 'true')

  // Tab through the outline's rows (each one chooses its item while focused), then on past it.
  const row = a.outline.locator('li.outline-item').first()
  await row.focus()
  await page.keyboard.press('Backspace')
  const inOutline = () =>
    page.evaluate(() => document.activeElement?.closest('[data-testid=outline]') != null)
  for (let i = 0; i < 80 && (await inOutline()); i++) await page.keyboard.press('Tab')
  expect(await inOutline()).toBe(false)
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Delete')
  await expect.poll(() => page.evaluate(() => window.__mdoTest!.selection())).toEqual([])
  expect(await a.boardJson()).toBe(before)
  expect(a.errors).toEqual([])
})
