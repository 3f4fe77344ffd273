// How the bench uses the board page like a person would: a returning participant (the app keeps
// their name per board in localStorage, so no join dialog), the hand tool, the zoom keys.
import type { Page } from 'playwright-core'

/** Runs before any page script: the join dialog's remembered answer for this board. */
function rememberParticipant(): void {
  const boardId = /^\/b\/([\w-]+)/.exec(location.pathname)?.[1]
  if (!boardId) return
  const user = { name: 'Bench', role: 'ouder', color: '#0072b2' }
  localStorage.setItem(`mdo-user-${boardId}`, JSON.stringify(user))
}

export async function asReturningParticipant(page: Page): Promise<void> {
  await page.addInitScript(rememberParticipant)
}

export async function selectHandTool(page: Page): Promise<void> {
  const hand = page.locator('[data-testid=toolbar] button[aria-keyshortcuts="h"]')
  await hand.click()
  await hand.waitFor()
  if ((await hand.getAttribute('aria-pressed')) !== 'true') throw new Error('no hand tool')
}

/** The stage's zoom, read from Konva's own global (konva registers window.Konva). */
function stageScale(page: Page): Promise<number> {
  return page.evaluate(() => {
    const konva = (window as unknown as { Konva?: { stages?: { scaleX(): number }[] } }).Konva
    return konva?.stages?.[0]?.scaleX() ?? Number.NaN
  })
}

/** "0" on the focused canvas: the whole board in view. */
export async function zoomToFit(page: Page): Promise<number> {
  await page.locator('.board-canvas').focus()
  await page.keyboard.press('0')
  return stageScale(page)
}

/** "+" on the focused canvas until the board is drawn at 100 % or more; returns the scale. */
export async function zoomToActualSize(page: Page): Promise<number> {
  await page.locator('.board-canvas').focus()
  for (let presses = 0; presses < 60; presses++) {
    const scale = await stageScale(page)
    if (!(scale < 1)) return scale
    await page.keyboard.press('+')
  }
  throw new Error('could not zoom in to 100 %')
}

/** The canvas on the page, in CSS pixels. */
export async function canvasBox(page: Page) {
  const box = await page.locator('.konvajs-content').boundingBox()
  if (!box) throw new Error('no canvas on the page')
  return box
}

/** The select tool, by its toolbar button. */
export async function selectSelectTool(page: Page): Promise<void> {
  const select = page.locator('[data-testid=toolbar] button[aria-keyshortcuts="v"]')
  await select.click()
  if ((await select.getAttribute('aria-pressed')) !== 'true') throw new Error('no select tool')
}
