// A typical MDO board for the render bench: the template plus 150 items of a real meeting (90
// stickies in and around the circles, 30 arrows between them, 10 agreements, 20 ink strokes),
// and how long a page takes from navigation to interactive on it.
import type { BrowserContext, Page } from 'playwright-core'
import {
  addAgreement,
  addInk,
  addSticky,
  containsPoint,
  isContainer,
  ITEMS_MAP,
  linkItems,
  readBoard,
  STICKY_KIND_VALUES,
  STICKY_SIZE,
  type ItemId,
} from '../../shared/index.ts'
import { connect, type CreatedBoard, gridCentres, until } from './fill.ts'
import { openBoard } from './measure.ts'

export const MDO_STICKIES = 90
const ARROWS = 30
const AGREEMENTS = 10
const STROKES = 20
export const MDO_ITEMS = MDO_STICKIES + ARROWS + AGREEMENTS + STROKES

export const INTERACTIVE_DEFINITION =
  `MDO board = the MDO template plus ${MDO_ITEMS} items (${MDO_STICKIES} stickies, ${ARROWS} ` +
  `arrows, ${AGREEMENTS} agreements, ${STROKES} ink strokes); navigation → interactive = from ` +
  'navigation start to the later of the first draw (as above, every sticky) and the end of the ' +
  'last long task (PerformanceObserver "longtask", ≥ 50 ms) before the main thread was 500 ms ' +
  'without one, as Lighthouse counts time to interactive but with a 500 ms quiet window'

/** A wobbly stroke of 24 points, `[x, y, pressure, …]` relative to its start. */
function stroke(n: number): number[] {
  return Array.from({ length: 24 }, (_, i) => [i * 8, Math.sin((i + n) / 3) * 20, 0.5]).flat()
}

export async function fillMdoBoard(http: string, board: CreatedBoard): Promise<void> {
  const writer = connect(http, board.id, board.facilitatorToken)
  const reader = connect(http, board.id, board.viewToken)
  try {
    await until('the writer synced', () => writer.provider.synced, 15_000)
    const containers = readBoard(writer.doc).items.filter(isContainer).reverse()
    const agreements = containers.find((c) => c.type === 'box' && c.role === 'agreements')
    if (!agreements) throw new Error('the MDO template has no agreements box')
    const ownerAt = (x: number, y: number): ItemId | undefined =>
      containers.find((container) => containsPoint(container, x, y))?.id
    writer.doc.transact(() => {
      const stickies = gridCentres(MDO_STICKIES).map((centre, n) =>
        addSticky(writer.doc, {
          kind: STICKY_KIND_VALUES[n % STICKY_KIND_VALUES.length] ?? 'note',
          text: `Notitie ${n + 1}: Zoë leest graag en doet mee in de klas`,
          x: centre.x - STICKY_SIZE.w / 2,
          y: centre.y - STICKY_SIZE.h / 2,
          parent: ownerAt(centre.x, centre.y),
        }),
      )
      for (let n = 0; n < ARROWS; n++) {
        linkItems(writer.doc, stickies[n]!, stickies[(n * 7 + 3) % MDO_STICKIES]!, {
          label: n % 3 === 0 ? 'helpt' : '',
        })
      }
      for (let n = 0; n < AGREEMENTS; n++) {
        addAgreement(writer.doc, {
          parent: agreements.id,
          wat: `Afspraak ${n + 1}: dagelijks tien minuten samen lezen`,
          wie: 'mentor',
          wanneer: 'voor de herfstvakantie',
        })
      }
      for (let n = 0; n < STROKES; n++) {
        const at = gridCentres(STROKES)[n]!
        addInk(writer.doc, { x: at.x * 3, y: at.y * 3, points: stroke(n) })
      }
    })
    const expected = writer.doc.getMap(ITEMS_MAP).size
    await until(
      'the relay forwarded the MDO board',
      () => reader.provider.synced && reader.doc.getMap(ITEMS_MAP).size >= expected,
    )
  } finally {
    reader.destroy()
    writer.destroy()
  }
}

/** Before any page script: collects the page's long tasks in `window.__benchLongTasks`. */
function longTaskProbe(): void {
  const ends: number[] = []
  ;(window as unknown as { __benchLongTasks: number[] }).__benchLongTasks = ends
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) ends.push(entry.startTime + entry.duration)
  }).observe({ type: 'longtask', buffered: true })
}

const QUIET_MS = 500

/** Navigation → interactive (INTERACTIVE_DEFINITION) on the MDO board at `url`. */
export async function timeToInteractive(
  context: BrowserContext,
  url: string,
  prepare: (page: Page) => Promise<void>,
  timeoutMs: number,
): Promise<{ ms: number; firstDrawMs: number }> {
  const { page, firstDraw } = await openBoard(
    context,
    url,
    MDO_STICKIES,
    async (page) => {
      await prepare(page)
      await page.addInitScript(longTaskProbe)
    },
    timeoutMs,
  )
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { now, ends } = await page.evaluate(() => ({
      now: performance.now(),
      ends: (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks,
    }))
    const last = Math.max(firstDraw.ms, ...ends)
    if (now - last >= QUIET_MS) return { ms: last, firstDrawMs: firstDraw.ms }
    if (Date.now() > deadline) throw new Error('the MDO board never became quiet')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
