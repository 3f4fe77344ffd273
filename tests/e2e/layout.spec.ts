// The board is the screen: at a laptop, a phone and a digibord, for a participant and for the
// voorzitter, the canvas is what one sees. Sampling `elementFromPoint` on a 10 px grid counts the
// points where the board itself (not a bar, a chip or a panel over it) is hit; the page never
// scrolls; no visible control is smaller than 24 px, or 44 px on a touch screen. Each case keeps
// a screenshot in test-results/layout-*.png to look at.
import type { Page } from '@playwright/test'
import { BoardPageObject, canvasShare, expect, test } from './fixtures.ts'

interface Screen {
  name: string
  viewport: { width: number; height: number }
  touch: boolean
}

const SCREENS: Screen[] = [
  { name: 'laptop', viewport: { width: 1366, height: 768 }, touch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
  { name: 'digibord', viewport: { width: 1920, height: 1080 }, touch: true },
]

const PEOPLE = [
  { who: 'participant', link: 'edit', role: 'ouder', share: 0.85 },
  { who: 'voorzitter', link: 'facilitator', role: 'ib', share: 0.75 },
] as const

/** Every control on screen smaller than `min` CSS px on a side, described for the message. */
function smallControls(page: Page, min: number): Promise<string[]> {
  return page.evaluate((least) => {
    const controls = document.querySelectorAll<HTMLElement>('button, summary, select, input')
    return [...controls].flatMap((control) => {
      // A checkbox's target is its label as well.
      const box = (control.closest('label') ?? control).getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || !control.checkVisibility()) return []
      if (Math.min(box.width, box.height) >= least - 0.5) return []
      const name = control.getAttribute('aria-label') ?? control.textContent ?? ''
      return [`${control.tagName} "${name.trim()}" ${Math.round(box.width)}×${box.height}`]
    })
  }, min)
}

for (const screen of SCREENS) {
  for (const person of PEOPLE) {
    test(`${screen.name} ${screen.viewport.width}×${screen.viewport.height}, ${person.who}: the canvas is the screen`, async ({
      browser,
      api,
    }) => {
      const board = await api.createBoard({ title: 'MDO Zoë, groep 6' })
      const context = await browser.newContext({
        viewport: screen.viewport,
        isMobile: screen.touch && screen.viewport.width < 700,
        hasTouch: screen.touch,
      })
      try {
        const me = new BoardPageObject(await context.newPage())
        await me.open(board.links[person.link], 'Anne de Vries', person.role, { panels: false })
        const { page } = me
        await expect(page.locator('.board-canvas canvas').first()).toBeVisible()

        const share = await canvasShare(page)
        const name = `${screen.name}-${person.who}`
        console.log(`layout ${name}: canvas ${(share * 100).toFixed(1)} % of the screen`)
        await page.screenshot({ path: `test-results/layout-${name}.png` })
        expect(share).toBeGreaterThanOrEqual(person.share)

        const page_ = await page.evaluate(() => {
          const root = document.scrollingElement!
          return {
            height: root.scrollHeight,
            width: root.scrollWidth,
            innerHeight: window.innerHeight,
            innerWidth: window.innerWidth,
          }
        })
        expect(page_.height).toBeLessThanOrEqual(page_.innerHeight)
        expect(page_.width).toBeLessThanOrEqual(page_.innerWidth)

        expect(await smallControls(page, screen.touch ? 44 : 24)).toEqual([])
        expect(me.errors).toEqual([])
      } finally {
        await context.close()
      }
    })
  }
}
