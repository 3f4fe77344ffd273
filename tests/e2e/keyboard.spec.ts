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
  await a.open(board.links.edit, 'Ilse (IB)', 'leerkracht', { panels: false })
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
  await a.showPanels()
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

test('on tips–tops a keyboard user adds a top and moves it to Tips', async ({ page, api }) => {
  const board = await api.createBoard({ template: 'tips-tops-interessant' })
  const a = new BoardPageObject(page)
  await a.open(board.links.edit, 'Kim', 'leerkracht', { panels: false })
  const columns = (await a.items()).flatMap((item) =>
    item.type === 'box' && item.stickyKind ? [item] : [],
  )
  const tops = columns.find((box) => box.stickyKind === 'top')!
  const tips = columns.find((box) => box.stickyKind === 'tip')!
  await expect(page.locator('.board-canvas')).toBeFocused()
  await page.keyboard.press('1')
  await expect.poll(() => page.evaluate(() => window.__mdoTest!.selection())).toEqual([tops.id])
  await page.keyboard.press('n')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Duidelijke agenda')
  await page.keyboard.press('Escape')
  const [sticky] = (await a.items()).filter((item) => item.type === 'sticky')
  expect(sticky).toMatchObject({ kind: 'top', parent: tops.id, text: 'Duidelijke agenda' })

  await a.showPanels()
  // In the outline: Tab to the row, then to its "Verplaats naar…" and pick Tips with the arrows.
  const row = a.outline.locator(`li[data-item-id="${sticky!.id}"]`)
  await row.focus()
  const moveTo = row.getByRole('combobox', { name: /Verplaats .* naar/ })
  for (let i = 0; i < 6 && !(await moveTo.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab')
  }
  await expect(moveTo).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect
    .poll(async () => (await a.item(sticky!.id)) as unknown)
    .toMatchObject({ parent: tips.id, kind: 'tip' })
  expect(a.errors).toEqual([])
})

test('a dialog keeps the focus inside, and gives it back on Escape', async ({ page, api }) => {
  const board = await api.createBoard({ template: 'mdo' })
  const chair = new BoardPageObject(page)
  await chair.open(board.links.facilitator, 'Anne', 'ib')
  for (const name of ['Delen', 'Exporteren']) {
    const opener = page.getByRole('button', { name, exact: true })
    await opener.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('heading').first()).toBeFocused()
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab')
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(opener).toBeFocused()
  }
  expect(chair.errors).toEqual([])
})

test('what another person adds is said in the live region', async ({ page, api, browser }) => {
  const board = await api.createBoard({ template: 'mdo' })
  const a = new BoardPageObject(page)
  await a.open(board.links.edit, 'Anne', 'ib')
  const other = await browser.newContext()
  try {
    const b = new BoardPageObject(await other.newPage())
    await b.open(board.links.edit, 'Bram', 'ouder')
    await b.addStickyByDoubleClick('thuis', 'Slaapt slecht')
    await expect(page.getByTestId('announcer')).toHaveText('Nieuw punt in Thuis/opvoeding')
    // What Anne adds herself is not said to her.
    await a.addStickyByDoubleClick('kind', 'Leest graag')
    await expect(b.page.getByTestId('announcer')).toHaveText('Nieuw punt in Kind/jongere')
    await expect(page.getByTestId('announcer')).toHaveText('Nieuw punt in Thuis/opvoeding')
  } finally {
    await other.close()
  }
})
