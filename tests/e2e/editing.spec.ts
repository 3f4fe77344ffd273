// Editing on the board: copy and paste (through the system clipboard, and without it), the
// selection bar, the "kies de 3 belangrijkste" badge, circles added during the meeting, the
// outline's rows, and the columns of a workshop sheet.
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { BoardPageObject, expect, test, type BoardApi } from './fixtures.ts'

const NOTE = 'Zoë helpt anderen graag met rekenen'

async function openBoard(page: Page, api: BoardApi, template = 'mdo') {
  const board = await api.createBoard({ template })
  const a = new BoardPageObject(page)
  await a.open(board.links.facilitator, 'Anne de Vries', 'ib')
  return a
}

/** The outline rows whose text is `text`. */
async function rowsWithText(a: BoardPageObject, text: string) {
  return (await a.outlineItems()).filter((row) => row.text === text)
}

const selection = (a: BoardPageObject) => a.page.evaluate(() => window.__mdoTest!.selection())

async function screenshot(a: BoardPageObject, name: string) {
  mkdirSync('test-results', { recursive: true })
  await a.page.screenshot({ path: `test-results/${name}.png` })
}

test('copy and paste a sticky through the system clipboard; garbage gets a message', async ({
  page,
  api,
  baseURL,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  const a = await openBoard(page, api)
  const id = await a.addStickyByDoubleClick('kind', NOTE)
  await expect.poll(() => selection(a)).toEqual([id])

  await page.keyboard.press('Control+c')
  await expect(page.getByTestId('notice')).toHaveText(/1 onderdeel gekopieerd/)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('mdo-board-clipboard')
  await page.keyboard.press('Control+v')
  await expect.poll(async () => (await rowsWithText(a, NOTE)).length).toBe(2)
  const kind = await a.circle('kind')
  const [copy] = (await selection(a)).filter((selected) => selected !== id)
  const original = await a.item(id)
  expect(await a.item(copy ?? '')).toMatchObject({
    type: 'sticky',
    kind: 'plus',
    text: NOTE,
    parent: kind.id,
    x: (original?.x ?? 0) + 40,
    y: (original?.y ?? 0) + 40,
  })

  // Ctrl+D duplicates the selection (the copy) without touching the clipboard.
  await page.keyboard.press('Control+d')
  await expect.poll(async () => (await rowsWithText(a, NOTE)).length).toBe(3)

  // Text from anywhere else is not a board: a friendly message, nothing added, nothing thrown.
  await page.evaluate(() => navigator.clipboard.writeText('Boodschappenlijst: melk, brood'))
  const before = await a.boardJson()
  await page.locator('.board-canvas').focus()
  await page.keyboard.press('Control+v')
  await expect(page.getByTestId('notice')).toHaveText(/Op het klembord staat niets van een bord/)
  expect(await a.boardJson()).toBe(before)
  expect(a.errors).toEqual([])
})

test('copy and paste still work when the browser keeps the clipboard to itself', async ({
  page,
  api,
}) => {
  const a = await openBoard(page, api)
  await a.addStickyByDoubleClick('school', NOTE)
  await page.keyboard.press('Control+x')
  await expect.poll(async () => (await rowsWithText(a, NOTE)).length).toBe(0)
  await page.keyboard.press('Control+v')
  await expect.poll(async () => (await rowsWithText(a, NOTE)).length).toBe(1)
  expect(a.errors).toEqual([])
})

test('the selection bar changes a sticky’s kind and colour', async ({ page, api }) => {
  const a = await openBoard(page, api)
  const id = await a.addStickyByDoubleClick('thuis', NOTE)
  const bar = page.getByRole('group', { name: 'Geselecteerde post-its' })
  await expect(bar).toBeVisible()

  await bar.getByRole('button', { name: 'Minpunt' }).click()
  const thuis = await a.circle('thuis')
  const minGroup = a.outline
    .locator(`[data-circle-id="${thuis.id}"] .kind-group`)
    .filter({ has: page.getByRole('heading', { name: 'Minpunt' }) })
  await expect(minGroup.locator(`li[data-item-id="${id}"]`)).toBeVisible()
  await expect(bar.getByRole('button', { name: 'Minpunt' })).toHaveAttribute('aria-pressed', 'true')

  // By keyboard: the colour menu opens from its button and closes after a choice.
  const colour = bar.getByRole('button', { name: /^Kleur/ })
  await colour.focus()
  await page.keyboard.press('Enter')
  await bar.getByRole('button', { name: 'Roze', exact: true }).click()
  await expect.poll(() => a.item(id)).toMatchObject({ kind: 'minus', color: '#fcc2d7' })
  await expect(colour).toBeFocused()
  await expect(colour).toHaveText(/Roze/)
  await screenshot(a, 'selection-bar')

  await bar.getByRole('button', { name: 'Verwijderen' }).click()
  await expect.poll(() => a.item(id)).toBeUndefined()
  await expect(bar).toBeHidden()
  expect(a.errors).toEqual([])
})

test('a fourth plus marker in Kind asks the table to pick the three most important', async ({
  page,
  api,
}) => {
  const a = await openBoard(page, api)
  const addPlus = a.outline.getByRole('button', { name: 'Pluspunt toevoegen aan Kind/jongere' })
  const kind = await a.circle('kind')
  const badges = async () => (await a.stageNodes('too-many-text')).map((node) => node.text)
  // Each with its text: a point left empty is removed.
  const add = async (n: number) => {
    await addPlus.click()
    await page.keyboard.type(`Sterk punt ${n}`)
    await page.keyboard.press('Enter')
  }
  for (let n = 1; n <= 3; n++) await add(n)
  await expect
    .poll(async () => (await a.items()).filter((i) => i.parent === kind.id).length)
    .toBe(3)
  expect(await badges()).toEqual([])

  await add(4)
  await expect.poll(badges).toEqual(['4 + · kies de 3 belangrijkste'])
  const [badge] = await a.stageNodes('too-many')
  // On the Kind circle, across its foot.
  expect(badge?.board.x).toBeGreaterThan(kind.x)
  expect(badge?.board.y).toBeGreaterThan(kind.y + kind.h / 2)
  expect(badge?.board.y).toBeLessThan(kind.y + kind.h)

  await page.locator('.board-canvas').focus()
  await page.keyboard.press('Escape')
  await screenshot(a, 'too-many-badge')
  expect(a.errors).toEqual([])
})

test('an outline row shows its buttons while it holds the focus; Enter edits, the button deletes', async ({
  page,
  api,
}) => {
  const a = await openBoard(page, api)
  const addPlus = a.outline.getByRole('button', { name: 'Pluspunt toevoegen aan Kind/jongere' })
  await addPlus.click()
  await page.keyboard.type('Eerste')
  await page.keyboard.press('Escape')
  await addPlus.click()
  await page.keyboard.type('Tweede')
  await page.keyboard.press('Escape')
  const kind = await a.circle('kind')
  const rows = a.outline.locator(`[data-circle-id="${kind.id}"] li.outline-item`)
  await expect(rows).toHaveCount(2)
  // Escape left the focus on the new row: it alone shows buttons.
  await expect(a.outline.locator('.item-actions')).toHaveCount(1)
  await expect(page.locator('.item-actions')).toHaveCount(1)

  await rows.first().focus()
  await expect(a.outline.locator('.item-actions')).toHaveCount(1)
  await expect(rows.first().getByRole('button', { name: 'Bewerken' })).toBeVisible()
  await expect(rows.nth(1).getByRole('button')).toHaveCount(0)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Speelt met Daan')
  await page.keyboard.press('Enter')
  await expect(rows.first()).toBeFocused()
  await expect(rows.first().locator('.item-text')).toHaveText('Speelt met Daan')

  // Tab goes through the row's own buttons and on to the next row, which then shows its own.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(rows.first().getByRole('combobox', { name: /^Verplaats .* naar$/ })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(rows.first().getByRole('button', { name: /verwijderen$/ })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(rows.nth(1)).toBeFocused()
  await expect(rows.first().getByRole('button')).toHaveCount(0)
  await rows
    .nth(1)
    .getByRole('button', { name: /verwijderen$/ })
    .click()
  await expect(rows).toHaveCount(1)
  expect(a.errors).toEqual([])
})

test('circles added during the meeting: Zorg in the middle, one with a name of our own', async ({
  page,
  api,
}) => {
  const a = await openBoard(page, api)
  const menuButton = a.toolbar.getByRole('button', { name: 'Cirkel toevoegen' })
  await menuButton.click()
  const menu = page.getByRole('group', { name: 'Welke cirkel?' })
  await menu.getByRole('button', { name: /Zorg\/jeugdhulp/ }).click()
  await expect(menu).toBeHidden()
  await expect
    .poll(async () => (await a.items()).some((i) => i.type === 'circle' && i.role === 'zorg'))
    .toBe(true)
  const circle = await a.circle('zorg')
  await expect(a.outline.locator(`[data-circle-id="${circle.id}"] h3`)).toHaveText('Zorg/jeugdhulp')
  // In the middle of the three, smaller than they are.
  const three = await Promise.all((['kind', 'school', 'thuis'] as const).map((r) => a.circle(r)))
  const middle = three.reduce((sum, c) => sum + c.y + c.h / 2, 0) / 3
  expect(Math.abs(circle.x + circle.w / 2)).toBeLessThan(1)
  expect(Math.abs(circle.y + circle.h / 2 - middle)).toBeLessThan(1)
  expect(circle.w).toBeLessThan(three[0]!.w)

  await menuButton.click()
  await menu.getByLabel('Eigen naam').fill('Opa en oma')
  await page.keyboard.press('Enter')
  await expect(
    a.outline.locator('.outline-circle h3').filter({ hasText: 'Opa en oma' }),
  ).toBeVisible()
  await expect(page.getByTestId('notice')).toHaveText('Cirkel toegevoegd: Opa en oma')
  expect(a.errors).toEqual([])
})

test('a double-click in a column of tips–tops–interessant adds a sticky of that column’s kind', async ({
  page,
  api,
}) => {
  const a = await openBoard(page, api, 'tips-tops-interessant')
  await a.pickTool('v')
  const columns = (await a.items()).filter((item) => item.type === 'box' && item.role === 'column')
  for (const [label, kind] of [
    ['Tips', 'tip'],
    ['Interessant', 'interesting'],
  ] as const) {
    const column = columns.find((item) => item.type === 'box' && item.label === label)
    if (!column) throw new Error(`no column ${label}`)
    // Below the column's hint text, which a double-click would edit instead.
    const point = await a.toScreen({ x: column.x + column.w / 2, y: column.y + column.h * 0.7 })
    const [id] = await a.newItemsDuring(() => a.page.mouse.dblclick(point.x, point.y))
    await page.keyboard.type(`${label} van Anne`)
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => a.item(id!)).toMatchObject({ kind, parent: column.id })
  }
  expect(a.errors).toEqual([])
})

test('every shape the toolbar offers is drawn by dragging, and lands on the board', async ({
  page,
  api,
}) => {
  const a = await openBoard(page, api, 'blank')
  const shapes = [
    ['Rechthoek', 'rect'],
    ['Ovaal', 'ellipse'],
    ['Driehoek', 'triangle'],
    ['Lijn', 'line'],
    ['Pijl', 'arrow'],
  ] as const
  const box = await page.locator('.board-canvas').boundingBox()
  if (!box) throw new Error('no canvas')
  for (const [i, [name, shape]] of shapes.entries()) {
    await a.toolbar.getByRole('button', { name, exact: true }).click()
    // Side by side across the canvas, each on empty board (a blank board's view shows no items).
    const from = { x: box.x + 30 + i * 140, y: box.y + box.height * 0.7 }
    const to = { x: from.x + 100, y: from.y + 60 }
    const [id] = await a.newItemsDuring(() => a.drag([from, to]))
    await expect.poll(() => a.item(id!)).toMatchObject({ type: 'shape', shape })
  }
  expect(a.errors).toEqual([])
})
