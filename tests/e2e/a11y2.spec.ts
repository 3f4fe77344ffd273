// Accessible beyond what axe sees (issue 12, item 5): a skip link to the board, the toolbar as one
// Tab stop with arrow keys, reflow at 320 px, the language switch in the join dialog, and the
// presence avatars folding into "+N" when many are at the table.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { boardProtocols } from '../../client/src/sync/links.ts'
import { openProvider, separatePresence } from '../../client/src/sync/provider.ts'
import { BoardPageObject, expect, test, type CreatedBoard } from './fixtures.ts'

/** What lies past the right edge of the page: nothing, when the page reflows. */
async function pastTheEdge(page: Page): Promise<{ scrollWidth: number; past: string[] }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    past: [...document.querySelectorAll('body *')].flatMap((el) => {
      const rect = el.getBoundingClientRect()
      return rect.width > 0 && rect.right > innerWidth + 0.5
        ? [`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`]
        : []
    }),
  }))
}

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } })

  test('the start page, the board and the workshop overview reflow', async ({
    page,
    api,
    request,
  }) => {
    const fits = { scrollWidth: 320, past: [] }
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await pastTheEdge(page)).toEqual(fits)

    const board = await api.createBoard({ template: 'mdo' })
    const parent = new BoardPageObject(page)
    await page.goto(board.links.edit)
    await expect(page.getByTestId('join-dialog')).toBeVisible()
    expect(await pastTheEdge(page)).toEqual(fits)
    await parent.join('Bram', 'ouder', { panels: false })
    expect(await pastTheEdge(page)).toEqual(fits)
    await parent.showPanels()
    expect(await pastTheEdge(page)).toEqual(fits)

    const created = await request.post('/api/workshops', { data: { tables: 2, title: 'Noord' } })
    expect(created.status()).toBe(201)
    const workshop = (await created.json()) as { link: string }
    await page.goto(workshop.link)
    await expect(page.getByTestId('table-card')).toHaveCount(2)
    expect(await pastTheEdge(page)).toEqual(fits)
    expect(parent.errors).toEqual([])
  })
})

test('the first Tab stop on the board is "Naar het bord", which moves the focus to the canvas', async ({
  page,
  api,
}) => {
  const board = await api.createBoard({ template: 'mdo' })
  const a = new BoardPageObject(page)
  await a.open(board.links.edit, 'Bram', 'ouder', { panels: false })
  const canvas = page.locator('.board-canvas')
  const skip = page.getByRole('link', { name: 'Naar het bord' })
  // After joining the focus is on the canvas; back from there, the skip link is the first stop.
  await expect(canvas).toBeFocused()
  const focused = (locator: typeof skip) => locator.evaluate((el) => el === document.activeElement)
  for (let i = 0; i < 30 && !(await focused(skip)); i++) await page.keyboard.press('Shift+Tab')
  await expect(skip).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
  await page.keyboard.press('Tab')
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(canvas).toBeFocused()
  await expect(skip).not.toBeInViewport()
  // The board's link, token and all, is as it was.
  expect(page.url()).toMatch(/#t=[\w-]+$/)
  expect(a.errors).toEqual([])
})

test('the toolbar is one Tab stop; the arrow keys, Home and End move along it', async ({
  page,
  api,
}) => {
  const board = await api.createBoard({ template: 'mdo' })
  const a = new BoardPageObject(page)
  await a.open(board.links.edit, 'Bram', 'leerkracht', { panels: false })
  const toolbar = page.getByRole('toolbar', { name: 'Gereedschap' })
  await expect(toolbar).toBeVisible()
  const inToolbar = () =>
    page.evaluate(() => document.activeElement?.closest('[role=toolbar]') != null)
  // Tab from the canvas reaches the toolbar at the pressed tool, and the next Tab leaves it.
  for (let i = 0; i < 20 && !(await inToolbar()); i++) await page.keyboard.press('Tab')
  const select = toolbar.locator('button[aria-keyshortcuts="v"]')
  await expect(select).toBeFocused()
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1)
  await page.keyboard.press('Tab')
  expect(await inToolbar()).toBe(false)
  await page.keyboard.press('Shift+Tab')
  await expect(select).toBeFocused()

  await page.keyboard.press('ArrowRight')
  await expect(toolbar.locator('button[aria-keyshortcuts="h"]')).toBeFocused()
  await page.keyboard.press('End')
  const last = toolbar.getByRole('button', { name: 'Alles tonen' })
  await expect(last).toBeFocused()
  await page.keyboard.press('Home')
  await expect(select).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(last).toBeFocused()
  // Tab leaves and Shift+Tab comes back to where the arrows left off; Enter presses the button.
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  const sticky = toolbar.locator('button[aria-keyshortcuts="n"]')
  await expect(sticky).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(sticky).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(sticky).toHaveAttribute('aria-pressed', 'true')
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1)
  expect(a.errors).toEqual([])
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('the arrow keys reach the folded tools while the overflow is open', async ({
    page,
    api,
  }) => {
    const board = await api.createBoard({ template: 'mdo' })
    const a = new BoardPageObject(page)
    await a.open(board.links.edit, 'Bram', 'leerkracht', { panels: false })
    const toolbar = page.getByRole('toolbar', { name: 'Gereedschap' })
    const more = toolbar.getByRole('button', { name: 'Meer gereedschap' })
    const redo = toolbar.getByRole('button', { name: 'Opnieuw doen' })
    await toolbar.locator('button[aria-keyshortcuts="v"]').focus()
    await page.keyboard.press('End')
    await expect(more).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(more).toHaveAttribute('aria-expanded', 'true')
    await page.keyboard.press('ArrowRight')
    await expect(redo).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(more).toHaveAttribute('aria-expanded', 'false')
    await expect(more).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(toolbar.locator('button[aria-keyshortcuts="v"]')).toBeFocused()
    expect(a.errors).toEqual([])
  })
})

test('an outline row says its text once, and showing its buttons moves nothing', async ({
  page,
  api,
}) => {
  const board = await api.createBoard({ template: 'mdo' })
  const a = new BoardPageObject(page)
  await a.open(board.links.edit, 'Bram', 'leerkracht')
  await a.addStickyByDoubleClick('kind', 'Leest graag voor aan zijn kleine zusje', {
    x: 0,
    y: -0.4,
  })
  await a.addStickyByDoubleClick('kind', 'Fietst zelf naar school', { x: 0, y: 0.4 })
  const rows = a.outline.locator('li.outline-item')
  const first = rows.filter({ hasText: 'Leest graag' })
  const next = rows.filter({ hasText: 'Fietst zelf' })
  await expect(first).toHaveCount(1)
  await expect(next).toHaveCount(1)
  // The row after the first, in the same list: the one its buttons would push down.
  await expect(first.locator('xpath=following-sibling::li[1]')).toHaveText(/Fietst zelf/)
  await page.locator('.board-canvas').focus()
  await expect(a.outline.locator('.item-actions')).toHaveCount(0)
  const boxes = async () => ({
    row: await first.boundingBox(),
    text: await first.locator('.item-text').boundingBox(),
    next: await next.boundingBox(),
  })
  const before = await boxes()

  await first.focus()
  const remove = first.getByRole('button', { name: /verwijderen$/ })
  await expect(remove).toBeVisible()
  expect(await boxes()).toEqual(before)
  // The floating buttons are not clipped or covered: a press at the middle of one hits it.
  const hit = await remove.evaluate((button) => {
    const r = button.getBoundingClientRect()
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === button
  })
  expect(hit).toBe(true)
  // Named by its kind and text once, not by everything it holds (its buttons repeat the text).
  const name = 'Pluspunt: Leest graag voor aan zijn kleine zusje'
  await expect(first).toHaveAccessibleName(name)
  await expect(first).toHaveAccessibleDescription('Enter om te bewerken, Delete om te verwijderen')
  const cdp = await page.context().newCDPSession(page)
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { role?: { value: string }; name?: { value: string } }[]
  }
  const named = nodes.filter((node) => node.role?.value === 'listitem' && node.name?.value)
  expect(named.map((node) => node.name?.value)).toContain(name)
  expect(a.errors).toEqual([])
})

test('the join dialog has the language switch', async ({ page, api }) => {
  const board = await api.createBoard({ template: 'mdo' })
  const a = new BoardPageObject(page)
  await page.goto(board.links.edit)
  const dialog = page.getByTestId('join-dialog')
  await expect(dialog.getByRole('heading', { name: 'Welkom bij het overleg' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Switch to English' }).click()
  await expect(dialog.getByRole('heading', { name: 'Welcome to the meeting' })).toBeVisible()
  await expect(dialog.getByLabel('Your name')).toBeVisible()
  await a.join('Sam', 'ouder', { panels: false })
  await expect(page.getByRole('toolbar', { name: 'Tools' })).toBeVisible()
  expect(a.errors).toEqual([])
})

/** People at the table as the relay sees them: presence only, each on a socket of its own. */
function peersAt(baseURL: string, board: CreatedBoard, names: readonly string[]): () => void {
  const closers = names.map((name) => {
    const presence = separatePresence()
    presence.setLocalState({ user: { name, role: 'leerkracht', color: '#009e73' }, cursor: null })
    const doc = new Y.Doc()
    const provider = openProvider(`${baseURL.replace(/^http/, 'ws')}/ws`, board.id, doc, {
      protocols: boardProtocols(board.editToken),
      presence,
      shouldReconnect: () => false,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    })
    return () => {
      provider.destroy()
      presence.destroy()
      doc.destroy()
    }
  })
  return () => closers.forEach((close) => close())
}

test('more than four others fold into "+N"; the whole list shows on hover and focus', async ({
  page,
  api,
  baseURL,
}) => {
  const board = await api.createBoard({ template: 'mdo' })
  const a = new BoardPageObject(page)
  await a.open(board.links.edit, 'Anne', 'ib', { panels: false })
  const presence = page.getByRole('list', { name: 'Wie zijn er' }).first()
  const names = ['Bram', 'Cor', 'Dilan', 'Eva', 'Fenna', 'Gijs']
  const close = peersAt(baseURL!, board, names.slice(0, 4))
  try {
    // Four others: everyone has an avatar.
    await expect(presence.locator(':scope > li')).toHaveCount(5)
    await expect(presence.locator('.peers-more')).toHaveCount(0)
    const more = peersAt(baseURL!, board, names.slice(4))
    try {
      // Six others: Anne, three of them, and "+3".
      const toggle = presence.getByRole('button', { name: '+3 anderen, toon iedereen' })
      await expect(toggle).toBeVisible()
      await expect(presence.locator(':scope > li')).toHaveCount(5)
      const all = page.locator('.peers-all')
      await expect(all).toBeHidden()
      await toggle.hover()
      await expect(all).toBeVisible()
      for (const name of ['Anne (jij)', ...names]) await expect(all).toContainText(name)
      // Over the board, not clipped by the top bar: a point inside the list is the list's.
      const over = await all.evaluate((el) => {
        const r = el.getBoundingClientRect()
        return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2))
      })
      expect(over).toBe(true)
      await page.screenshot({ path: test.info().outputPath('presence.png') })
      await page.screenshot({
        path: 'test-results/presence.png',
        clip: { x: 0, y: 0, width: 600, height: 420 },
      })
      await page.mouse.move(600, 400)
      await expect(all).toBeHidden()
      await toggle.focus()
      await expect(all).toBeVisible()
      await page.locator('.board-canvas').focus()
      await expect(all).toBeHidden()
      // A press (touch) opens it to stay, Escape closes it again.
      await toggle.click()
      await expect(toggle).toHaveAttribute('aria-expanded', 'true')
      const { violations } = await new AxeBuilder({ page }).include('.topbar').analyze()
      const serious = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
      expect(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      ).toEqual([])
      await page.keyboard.press('Escape')
      await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    } finally {
      more()
    }
    await expect(presence.locator('.peers-more')).toHaveCount(0)
  } finally {
    close()
  }
  expect(a.errors).toEqual([])
})
