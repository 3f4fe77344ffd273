// The render bench's Chromium: headless, no GPU, and cut off from every host but loopback (a
// proxy that does not exist for everything else), with each request to another host counted so
// that a run which tried one fails. Optionally a school laptop's CPU: Chromium throttled 4×.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/chromium.ts'
import { VIEWPORT } from './measure.ts'

export const CHROMIUM = CHROMIUM_PATH

const ARGS = [
  ...CHROMIUM_ARGS,
  // Port 9 (discard) has no proxy: any request that is not to loopback fails at once.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<loopback>',
]

export const launchBench = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ARGS })

const LOOPBACK = /^(wss?|https?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//

/** Every request to another host any page of the bench made (the run fails if there is one). */
export const outsideRequests: string[] = []

export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
  // tsx (esbuild, keepNames) wraps named functions in __name(); the functions this bench sends
  // to the page carry those calls along, so the page needs a no-op __name too.
  await context.addInitScript('globalThis.__name = (target) => target')
  context.on('request', (request) => {
    const url = request.url()
    if (/^(https?|wss?):/.test(url) && !LOOPBACK.test(url)) outsideRequests.push(url)
  })
  context.on('page', (page) =>
    page.on('websocket', (socket) => {
      if (!LOOPBACK.test(socket.url())) outsideRequests.push(socket.url())
    }),
  )
  return context
}

/** Before navigation: the page's CPU throttled `rate` times (1 = as fast as the machine). */
export function throttled(rate: number) {
  return async (page: Page): Promise<void> => {
    if (rate === 1) return
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  }
}
