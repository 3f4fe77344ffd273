// Adding a point is obvious: a phone's "Punt toevoegen" sheet adds a plus point with its text in
// Thuis in four taps plus typing; on a laptop the + of School, reached by Tab, adds a minus there
// with its editor focused; an empty circle says how; a viewer gets none of it.
import type { Locator } from '@playwright/test'
import { BoardPageObject, expect, test } from './fixtures.ts'

test('on a phone a parent adds a plus point in Thuis with its text in four taps', async ({
  browser,
  api,
}) => {
  const board = await api.createBoard({ title: 'MDO Zoë' })
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  })
  try {
    const me = new BoardPageObject(await context.newPage())
    await me.open(board.links.edit, 'Marieke', 'ouder', { panels: false })
    const { page } = me
    const thuis = await me.circle('thuis')
    let taps = 0
    const tap = async (target: Locator) => {
      await target.tap()
      taps += 1
    }

    await tap(page.getByRole('button', { name: 'Punt toevoegen', exact: true }))
    const sheet = page.getByRole('dialog', { name: 'Punt toevoegen' })
    await expect(sheet).toBeVisible()
    await tap(sheet.getByRole('button', { name: 'Thuis/opvoeding' }))
    await tap(sheet.getByRole('button', { name: 'Pluspunt' }))
    await expect(sheet.getByLabel('Tekst')).toBeFocused()
    await page.keyboard.type('Leest thuis elke avond voor')
    await page.screenshot({ path: 'test-results/addPoint-phone-sheet.png' })
    await tap(sheet.getByRole('button', { name: 'Toevoegen', exact: true }))
    await expect(sheet).toBeHidden()
    expect(taps).toBeLessThanOrEqual(4)
    console.log(`addPoint phone: ${taps} taps plus typing`)

    await expect
      .poll(async () =>
        (await me.items()).find(
          (item) => item.type === 'sticky' && item.text === 'Leest thuis elke avond voor',
        ),
      )
      .toMatchObject({ kind: 'plus', parent: thuis.id })
    // And the board shows it: its text is drawn, on the screen.
    await expect
      .poll(async () => {
        const drawn = await me.stageNodes('sticky-text')
        return drawn.some(
          (node) =>
            node.text === 'Leest thuis elke avond voor' &&
            node.x >= 0 &&
            node.x <= 390 &&
            node.y >= 0 &&
            node.y <= 844,
        )
      })
      .toBe(true)
    await page.screenshot({ path: 'test-results/addPoint-phone-after.png' })
    expect(me.errors).toEqual([])
  } finally {
    await context.close()
  }
})

test('on a laptop the + of School, by keyboard, adds a minus there and opens its editor', async ({
  browser,
  api,
}) => {
  const board = await api.createBoard({ title: 'MDO Zoë' })
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  try {
    const me = new BoardPageObject(await context.newPage())
    await me.open(board.links.edit, 'Ilse', 'leerkracht', { panels: false })
    const { page } = me
    const school = await me.circle('school')
    const canvas = page.locator('.board-canvas')
    await expect(canvas).toBeFocused()
    await page.screenshot({ path: 'test-results/addPoint-laptop.png' })

    const plus = page.getByRole('button', {
      name: 'Punt toevoegen aan School/onderwijs',
      exact: true,
    })
    for (let i = 0; i < 10 && !(await plus.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab')
    }
    await expect(plus).toBeFocused()
    const box = await plus.boundingBox()
    expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(24)
    await page.keyboard.press('Enter')
    const kinds = page.getByRole('group', { name: 'Soort punt voor School/onderwijs' })
    await expect(kinds.getByRole('button', { name: 'Pluspunt' })).toBeFocused()
    await page.screenshot({ path: 'test-results/addPoint-laptop-kinds.png' })
    await page.keyboard.press('ArrowDown')
    await expect(kinds.getByRole('button', { name: 'Minpunt' })).toBeFocused()
    const [id] = await me.newItemsDuring(() => page.keyboard.press('Enter'))
    const editor = page.getByTestId('text-editor')
    await expect(editor).toBeFocused()
    await page.keyboard.type('Moeite met plannen')
    await page.keyboard.press('Escape')
    await expect(editor).toBeHidden()
    expect(await me.item(id!)).toMatchObject({
      type: 'sticky',
      kind: 'minus',
      parent: school.id,
      text: 'Moeite met plannen',
    })
    // Escape in the kinds gives the focus back to the +.
    await plus.focus()
    await page.keyboard.press('Enter')
    await expect(kinds).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(kinds).toBeHidden()
    await expect(plus).toBeFocused()
    expect(me.errors).toEqual([])
  } finally {
    await context.close()
  }
})

test('an empty circle says how to add a point; a viewer sees no + and no hint', async ({
  browser,
  api,
}) => {
  const board = await api.createBoard({ title: 'MDO Zoë' })
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  try {
    const me = new BoardPageObject(await context.newPage())
    await me.open(board.links.edit, 'Ilse', 'leerkracht', { panels: false })
    const { page } = me
    const hints = page.locator('.add-hint', { hasText: 'dubbelklik of tik op +' })
    await expect(hints).toHaveCount(3)
    // One of them lies in the middle of Thuis.
    const thuis = await me.circle('thuis')
    const middle = await me.inCircle('thuis')
    const inThuis = async () => {
      for (const hint of await hints.all()) {
        const box = (await hint.boundingBox())!
        const cx = box.x + box.width / 2
        const cy = box.y + box.height / 2
        if (Math.hypot(cx - middle.x, cy - middle.y) < 40) return true
      }
      return false
    }
    expect(await inThuis()).toBe(true)
    // A point in Thuis: its hint goes, the others stay.
    await me.addStickyByDoubleClick('thuis', 'Gaat graag naar school')
    await expect(hints).toHaveCount(2)
    expect(await inThuis()).toBe(false)
    expect((await me.items()).some((item) => item.parent === thuis.id)).toBe(true)

    const other = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    const viewer = new BoardPageObject(await other.newPage())
    await viewer.open(board.links.view, 'Kim', 'anders', { panels: false })
    await expect(viewer.page.locator('.add-plus')).toHaveCount(0)
    await expect(viewer.page.locator('.add-hint')).toHaveCount(0)
    await expect(viewer.page.getByTestId('add-point')).toHaveCount(0)
    expect(me.errors).toEqual([])
    expect(viewer.errors).toEqual([])
    await other.close()
  } finally {
    await context.close()
  }
})

test('on a phone the text editor stays on screen when the keyboard takes the lower half', async ({
  browser,
  api,
}) => {
  const board = await api.createBoard({ title: 'MDO Zoë' })
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  })
  try {
    const me = new BoardPageObject(await context.newPage())
    await me.open(board.links.edit, 'Marieke', 'ouder', { panels: false })
    const { page } = me
    // A first point by the sheet; then the sticky tool and a tap low in Thuis open an editor.
    await page.getByRole('button', { name: 'Punt toevoegen', exact: true }).tap()
    const sheet = page.getByRole('dialog', { name: 'Punt toevoegen' })
    await sheet.getByRole('button', { name: 'Thuis/opvoeding' }).tap()
    await sheet.getByLabel('Tekst').fill('Eerste punt')
    await sheet.getByRole('button', { name: 'Toevoegen', exact: true }).tap()
    await expect(sheet).toBeHidden()
    await page.locator('button[aria-keyshortcuts="n"]').tap()
    const low = await me.inCircle('thuis', 0, 0.55)
    await page.touchscreen.tap(low.x, low.y)
    const editor = page.getByTestId('text-editor')
    await expect(editor).toBeFocused()

    // The keyboard opens: the visible part of the page is the upper half now.
    await page.setViewportSize({ width: 390, height: 420 })
    const done = page.getByRole('button', { name: 'Klaar' })
    const inside = async () => {
      const seen = await page.evaluate(() => {
        const vv = window.visualViewport!
        return { top: vv.offsetTop, bottom: vv.offsetTop + vv.height, right: vv.width }
      })
      return [await editor.boundingBox(), await done.boundingBox()].every(
        (box) =>
          box !== null &&
          box.y >= seen.top &&
          box.y + box.height <= seen.bottom &&
          box.x >= 0 &&
          box.x + box.width <= seen.right,
      )
    }
    await expect.poll(inside).toBe(true)
    await page.screenshot({ path: 'test-results/addPoint-phone-keyboard.png' })
    await page.keyboard.type('Slaapt hij genoeg?')
    await done.tap()
    await expect(editor).toBeHidden()
    expect(
      (await me.items()).find((item) => item.type === 'sticky' && item.text !== 'Eerste punt'),
    ).toMatchObject({ text: 'Slaapt hij genoeg?' })
    expect(me.errors).toEqual([])
  } finally {
    await context.close()
  }
})
