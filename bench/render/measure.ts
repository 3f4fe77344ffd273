// What the render bench measures in the browser. It runs the production build, which has no e2e
// hook; it reads what any page exposes: the DOM outline, Konva's own global (window.Konva, which
// the konva package registers itself) for draw events, and frame times from its own rAF loop.
import type { BrowserContext, Page } from 'playwright-core'
import { asReturningParticipant } from './ui.ts'

export const VIEWPORT = { width: 1280, height: 720 }
const FIRST_DRAW_TIMEOUT_MS = 60_000

export const FIRST_DRAW_DEFINITION =
  'first draw = from navigation start (performance.timeOrigin) to the later of (1) the end of the ' +
  'first Konva layer draw (the layer "draw" event) after which that layer draws every sticky of ' +
  'the board, as its own node or in a batch shape (the board opens zoomed to fit, so all of them ' +
  'are in view) and (2) the ' +
  'first animation frame in which the DOM outline lists every sticky; a returning participant ' +
  '(name remembered, no join dialog), fresh browser context per load (empty IndexedDB, no HTTP ' +
  'or code cache). create + first draw = the same end, counted from the user timing mark ' +
  'mdo:connect, set when the app (its JavaScript loaded and running) opens the board: what ' +
  'reading the board, building its index, creating the canvas nodes and outline rows and ' +
  'drawing them take, without downloading and starting the app'

export const FRAME_DEFINITION =
  'pan frame ms = difference between consecutive requestAnimationFrame timestamps while ' +
  'page.mouse drags the board with the hand tool for 3 s, always in the same direction (so the ' +
  'view travels across the board and newly visible items get mounted), 60 moves per drag; ' +
  '"100 %" = after pressing + on the canvas until the zoom is at least 1, "fit" = after pressing 0'

/** What this bench keeps on the page's window (types only: the page gets plain JS). */
interface BenchWindow {
  __benchFirstDraw: Promise<FirstDraw>
  __benchProgress: unknown
  __benchFrames: number[]
  __benchStop: boolean
}

/** Before any page script: resolves `window.__benchFirstDraw` as FIRST_DRAW_DEFINITION says. */
function firstDrawProbe(stickies: number): void {
  interface NodeLike {
    getAttr(name: string): unknown
  }
  interface LayerLike {
    on(event: string, handler: () => void): void
    find(selector: string): NodeLike[]
  }
  interface StageLike {
    getLayers(): LayerLike[]
  }
  const konva = () => (window as unknown as { Konva?: { stages?: StageLike[] } }).Konva
  const progress = { canvas: 0, outline: 0 }
  const bench = window as unknown as BenchWindow
  bench.__benchProgress = progress
  // A sticky is drawn by its own group (name "sticky"), or, zoomed far out, as one rectangle of
  // a batch shape ("sticky-batch", its stickies in the attribute of that name; StickyBatch.tsx).
  const drawnIn = (layer: LayerLike) =>
    layer.find('.sticky').length +
    layer
      .find('.sticky-batch')
      .reduce((sum, batch) => sum + ((batch.getAttr('stickies') as unknown[]) ?? []).length, 0)
  bench.__benchFirstDraw = new Promise<FirstDraw>((resolve) => {
    let canvasAt: number | undefined
    let outlineAt: number | undefined
    let watched: StageLike | undefined
    const tick = () => {
      const stage = konva()?.stages?.[0]
      if (stage && stage !== watched) {
        watched = stage
        for (const layer of stage.getLayers()) {
          layer.on('draw', () => {
            if (canvasAt !== undefined) return
            progress.canvas = Math.max(progress.canvas, drawnIn(layer))
            if (progress.canvas >= stickies) canvasAt = performance.now()
          })
        }
      }
      progress.outline = document.querySelectorAll(
        '[data-testid=outline] li[data-item-id^="sticky:"]',
      ).length
      if (outlineAt === undefined && progress.outline >= stickies) outlineAt = performance.now()
      if (canvasAt !== undefined && outlineAt !== undefined) {
        const connect = performance.getEntriesByName('mdo:connect')[0]?.startTime ?? Number.NaN
        resolve({
          ms: Math.max(canvasAt, outlineAt),
          canvasMs: canvasAt,
          outlineMs: outlineAt,
          connectMs: connect,
        })
      } else {
        requestAnimationFrame(tick)
      }
    }
    requestAnimationFrame(tick)
  })
}

export interface FirstDraw {
  ms: number
  /** When the canvas had drawn every sticky, and when the outline listed them all. */
  canvasMs: number
  outlineMs: number
  /** When the app opened the board (mark mdo:connect): the start of create + first draw. */
  connectMs: number
  /** The peer only: its first full draw after its own font had loaded. */
  fontMs?: number
}

export interface OpenedBoard {
  page: Page
  firstDraw: FirstDraw
}

/** Opens a board link in the context and waits for its first full draw. */
export async function openBoard(
  context: BrowserContext,
  url: string,
  stickies: number,
  prepare: (page: Page) => Promise<void> = async () => {},
  timeoutMs = FIRST_DRAW_TIMEOUT_MS,
): Promise<OpenedBoard> {
  const page = await context.newPage()
  await prepare(page)
  await asReturningParticipant(page)
  await page.addInitScript(firstDrawProbe, stickies)
  await page.goto(url)
  return { page, firstDraw: await waitForFirstDraw(page, timeoutMs) }
}

/** `window.__benchFirstDraw` of a page's probe; a page that never draws everything fails. */
export async function waitForFirstDraw(page: Page, timeoutMs: number): Promise<FirstDraw> {
  const firstDraw = page.evaluate(() => (window as unknown as BenchWindow).__benchFirstDraw)
  let timer: ReturnType<typeof setTimeout> | undefined
  const tooLate = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seen = page.evaluate(() =>
        JSON.stringify((window as unknown as BenchWindow).__benchProgress),
      )
      seen.then((shown) => reject(new Error(`no full draw in ${timeoutMs} ms: ${shown}`)), reject)
    }, timeoutMs)
  })
  try {
    return await Promise.race([firstDraw, tooLate])
  } finally {
    clearTimeout(timer)
  }
}

/** Frame times (ms) while `drive` runs, from a rAF loop in the page. */
export async function frameTimesDuring(page: Page, drive: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const state = window as unknown as BenchWindow
    state.__benchFrames = []
    state.__benchStop = false
    const loop = (time: number) => {
      state.__benchFrames.push(time)
      if (!state.__benchStop) requestAnimationFrame(loop)
    }
    requestAnimationFrame(loop)
  })
  await drive()
  const stamps = await page.evaluate(() => {
    const state = window as unknown as BenchWindow
    state.__benchStop = true
    return state.__benchFrames
  })
  return stamps.slice(1).map((stamp, i) => stamp - (stamps[i] ?? stamp))
}

const STEPS_PER_DRAG = 60

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** Drags the board leftwards and up, drag after drag, for `ms`; returns the moves per second. */
export async function panFor(page: Page, ms: number, box: Box): Promise<number> {
  const from = { x: box.x + box.width * 0.8, y: box.y + box.height * 0.7 }
  const to = { x: box.x + box.width * 0.2, y: box.y + box.height * 0.3 }
  const start = Date.now()
  const end = start + ms
  let moves = 0
  while (Date.now() < end) {
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: STEPS_PER_DRAG })
    await page.mouse.up()
    moves += STEPS_PER_DRAG
  }
  return moves / ((Date.now() - start) / 1000)
}
