// The top bar's menu: "Alleen het bord" leaves the canvas and the tools, and one button brings
// the rest back; the help opens as a dialog at its heading and gives the focus back on Escape.
// On a touch screen, holding a toolbar button shows its tooltip and does not press it.
import { BoardPageObject, canvasShare, expect, test } from './fixtures.ts'

test('the board alone, and the help, from the menu', async ({ page, api }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const board = await api.createBoard({ title: 'MDO Sem' })
  const me = new BoardPageObject(page)
  await me.open(board.links.facilitator, 'Ilse (IB)', 'ib')
  await expect(page.locator('.side')).toBeVisible()
  const before = await canvasShare(page)

  const menu = page.getByTestId('board-menu')
  await menu.click()
  await page.getByRole('button', { name: 'Alleen het bord' }).click()
  await expect(page.locator('.topbar')).toBeHidden()
  await expect(page.getByTestId('stepbar')).toBeHidden()
  await expect(page.locator('.side')).toBeHidden()
  await expect(me.toolbar).toBeVisible()
  const bare = await canvasShare(page)
  console.log(`board alone: canvas ${(before * 100).toFixed(1)} % → ${(bare * 100).toFixed(1)} %`)
  await page.screenshot({ path: 'test-results/board-alone-laptop.png' })
  expect(bare).toBeGreaterThan(0.95)

  await page.getByRole('button', { name: 'Alles weer tonen' }).click()
  await expect(page.locator('.topbar')).toBeVisible()
  await expect(page.getByTestId('stepbar')).toBeVisible()
  await expect(page.locator('.side')).toBeVisible()

  await menu.click()
  await page.getByRole('button', { name: 'Hulp' }).click()
  const help = page.getByRole('dialog', { name: 'Zo werkt het bord' })
  await expect(help).toBeVisible()
  await expect(help.getByRole('heading', { name: 'Zo werkt het bord' })).toBeFocused()
  await expect(help).toContainText('Verplaats naar…')
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  await expect(menu).toBeFocused()
  expect(me.errors).toEqual([])
})

test('holding a toolbar button with a finger shows what it does, and does not press it', async ({
  browser,
  api,
}) => {
  const board = await api.createBoard({ title: 'MDO Sem' })
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  })
  try {
    const page = await context.newPage()
    const me = new BoardPageObject(page)
    await me.open(board.links.edit, 'Anne', 'ouder', { panels: false })
    const hand = me.toolbar.getByRole('button', { name: 'Verschuiven' })
    await expect(hand).toHaveAttribute('aria-pressed', 'false')
    const box = (await hand.boundingBox())!
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    const cdp = await context.newCDPSession(page)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] })
    const tip = page.getByTestId('touch-tip')
    await expect(tip).toBeVisible()
    await expect(tip).toHaveText((await hand.getAttribute('title'))!)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await page.screenshot({ path: 'test-results/touch-tip-phone.png' })
    await expect(tip).toBeHidden()
    await expect(hand).toHaveAttribute('aria-pressed', 'false')

    // A short tap still picks the tool.
    await hand.tap()
    await expect(hand).toHaveAttribute('aria-pressed', 'true')
    expect(me.errors).toEqual([])
  } finally {
    await context.close()
  }
})
