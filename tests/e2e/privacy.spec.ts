// A board session talks to its own server and nothing else: no fonts, scripts, analytics or
// images from another host, and every page comes with a Content-Security-Policy that says so.
import type { Page, Response } from '@playwright/test'
import { BoardPageObject, expect, test } from './fixtures.ts'

/** The origin a request goes to; a websocket counts as its http(s) twin. */
function originOf(url: string): string {
  const parsed = new URL(url)
  if (parsed.protocol === 'ws:') parsed.protocol = 'http:'
  if (parsed.protocol === 'wss:') parsed.protocol = 'https:'
  return parsed.origin
}

function expectCsp(response: Response | null) {
  const csp = response?.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("connect-src 'self'")
  expect(csp).toContain("frame-ancestors 'none'")
}

test('a board session requests only its own origin, under a CSP', async ({ browser, baseURL }) => {
  const own = originOf(baseURL ?? '')
  const requested: string[] = []
  const violations: string[] = []
  const record = (page: Page) => {
    page.on('request', (request) => requested.push(request.url()))
    page.on('websocket', (socket) => requested.push(socket.url()))
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text())
    })
  }
  const contexts = [await browser.newContext(), await browser.newContext()]
  try {
    // The facilitator: the landing page, a new board, the board itself, a sticky.
    const a = new BoardPageObject(await contexts[0]!.newPage())
    record(a.page)
    expectCsp(await a.page.goto('/'))
    await a.page.locator('main.landing form input:not([type])').fill('Privacy')
    await a.page.locator('main.landing form button[type=submit]').click()
    const editLink = await a.page
      .getByTestId('share-links')
      .locator('[data-role=edit] input')
      .inputValue()
    const boardPage = a.page.waitForResponse((res) => new URL(res.url()).pathname.startsWith('/b/'))
    await a.page.locator('main.landing a.button.primary').click()
    expectCsp(await boardPage)
    await a.join('Anne', 'ib')
    const sticky = await a.addStickyByDoubleClick('kind', 'Zoë leest graag')

    // A parent through the edit link, who sees the sticky.
    const b = new BoardPageObject(await contexts[1]!.newPage())
    record(b.page)
    await b.open(editLink, 'Bram', 'ouder')
    await expect
      .poll(async () => (await b.outlineItems()).find((row) => row.id === sticky)?.text)
      .toBe('Zoë leest graag')

    const checked = requested.filter((url) => !/^(data|blob):/.test(url))
    expect(checked.length).toBeGreaterThan(3)
    expect(checked.some((url) => url.startsWith('ws'))).toBe(true)
    expect(checked.filter((url) => originOf(url) !== own)).toEqual([])
    expect(violations).toEqual([])
  } finally {
    for (const context of contexts) await context.close()
  }
})
