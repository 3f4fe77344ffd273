// Drag latency: from the pointer going down on a sticky to the end of the first canvas draw that
// shows it moved, for our board (a Konva layer "draw" event after the sticky's node moved) and for
// Excalidraw (the end of a static-canvas render after the rectangle's x or y changed). The
// pointer goes down and moves 40 px right and 24 px down in 4 steps at once, like a quick grab.
import type { Page } from 'playwright-core'

export const DRAG_DEFINITION =
  'drag latency = from the pointerdown event (its timeStamp) on the sticky nearest the middle ' +
  'of the view, at zoom 1 with the select tool, to the end of the first canvas draw that shows it ' +
  'moved (ours: a Konva layer "draw" event after its node moved; Excalidraw: the end of a render ' +
  'of its static canvas after the rectangle moved); page.mouse goes down and at once moves ' +
  '40 × 24 px in 4 steps; median of 5 drags on the last load'

const DRAGS = 5
const TIMEOUT_MS = 60_000

interface Grab {
  x: number
  y: number
}

/** Ours: finds the sticky and watches it; resolves `window.__benchDrag` with the latency. */
function watchOurSticky(): Grab | null {
  interface NodeLike {
    getClientRect(): { x: number; y: number; width: number; height: number }
    position(): { x: number; y: number }
  }
  interface StageLike {
    container(): HTMLElement
    find(selector: string): NodeLike[]
    getLayers(): { on(event: string, handler: () => void): void; off(event: string): void }[]
  }
  const stage = (window as unknown as { Konva: { stages: StageLike[] } }).Konva.stages[0]
  if (!stage) return null
  const frame = stage.container().getBoundingClientRect()
  const mid = { x: frame.width / 2, y: frame.height / 2 }
  // Wholly in view, and its middle not under a panel or button over the canvas.
  const inView = stage.find('.sticky').filter((node) => {
    const r = node.getClientRect()
    const top = document.elementFromPoint(frame.x + r.x + r.width / 2, frame.y + r.y + r.height / 2)
    return (
      r.x > 0 &&
      r.y > 0 &&
      r.x + r.width < frame.width &&
      r.y + r.height < frame.height &&
      top instanceof HTMLCanvasElement &&
      stage.container().contains(top)
    )
  })
  const distance = (node: NodeLike) => {
    const r = node.getClientRect()
    return Math.hypot(r.x + r.width / 2 - mid.x, r.y + r.height / 2 - mid.y)
  }
  const node = inView.sort((a, b) => distance(a) - distance(b))[0]
  if (!node) return null
  // Every mounted sticky is watched, by its position in the board: should the press land on
  // another one than meant, that one's move counts, and the camera's moves never do.
  const watched = stage.find('.sticky').map((each) => ({ node: each, start: each.position() }))
  const rect = node.getClientRect()
  const bench = window as unknown as { __benchDrag: Promise<number>; __benchDragSeen: unknown }
  const seen = { downAt: NaN, draws: 0, target: '', watched: watched.length }
  bench.__benchDragSeen = seen
  bench.__benchDrag = new Promise((resolve) => {
    let downAt: number | undefined
    addEventListener(
      'pointerdown',
      (event) => {
        downAt = seen.downAt = event.timeStamp
        seen.target = String(event.target)
      },
      { capture: true, once: true },
    )
    const moved = () =>
      watched.some(({ node: each, start }) => {
        const now = each.position()
        return now.x !== start.x || now.y !== start.y
      })
    for (const layer of stage.getLayers()) {
      layer.on('draw.bench', () => {
        seen.draws++
        if (downAt === undefined || !moved()) return
        for (const each of stage.getLayers()) each.off('draw.bench')
        resolve(performance.now() - downAt)
      })
    }
  })
  return { x: frame.x + rect.x + rect.width / 2, y: frame.y + rect.y + rect.height / 2 }
}

/** Excalidraw: the same, with its scene and the probe's end-of-render hook (peer.ts). */
function watchPeerSticky(): Grab | null {
  interface Element {
    id: string
    type: string
    x: number
    y: number
    width: number
    height: number
  }
  interface Api {
    getSceneElements(): readonly Element[]
    getAppState(): { scrollX: number; scrollY: number; zoom: { value: number } }
  }
  const bench = window as unknown as {
    __benchExcalidraw: Api
    __benchAfterPass?: () => void
    __benchDrag: Promise<number>
  }
  const api = bench.__benchExcalidraw
  const { scrollX, scrollY, zoom } = api.getAppState()
  const screen = (e: Element) => ({
    x: (e.x + e.width / 2 + scrollX) * zoom.value,
    y: (e.y + e.height / 2 + scrollY) * zoom.value,
  })
  const inView = api.getSceneElements().filter((e) => {
    const at = screen(e)
    const half = { w: (e.width * zoom.value) / 2, h: (e.height * zoom.value) / 2 }
    const top = document.elementFromPoint(at.x, at.y)
    return (
      e.type === 'rectangle' &&
      top instanceof HTMLCanvasElement &&
      at.x - half.w > 0 &&
      at.y - half.h > 0 &&
      at.x + half.w < innerWidth &&
      at.y + half.h < innerHeight
    )
  })
  const distance = (e: Element) => {
    const at = screen(e)
    return Math.hypot(at.x - innerWidth / 2, at.y - innerHeight / 2)
  }
  const target = inView.sort((a, b) => distance(a) - distance(b))[0]
  if (!target) return null
  const start = { x: target.x, y: target.y }
  bench.__benchDrag = new Promise((resolve) => {
    let downAt: number | undefined
    addEventListener('pointerdown', (event) => (downAt = event.timeStamp), {
      capture: true,
      once: true,
    })
    bench.__benchAfterPass = () => {
      const now = api.getSceneElements().find((e) => e.id === target.id)
      if (downAt === undefined || !now || (now.x === start.x && now.y === start.y)) return
      bench.__benchAfterPass = undefined
      resolve(performance.now() - downAt)
    }
  })
  return screen(target)
}

const settle = (page: Page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  )

/** The latency (ms) of each of DRAGS drags on the page, which shows its board at zoom 1. */
export async function dragLatency(page: Page, side: 'ours' | 'peer'): Promise<number[]> {
  const latencies: number[] = []
  for (let i = 0; i < DRAGS; i++) {
    const grab = await page.evaluate(side === 'ours' ? watchOurSticky : watchPeerSticky)
    if (!grab) throw new Error(`${side}: no sticky in view to drag`)
    await page.mouse.move(grab.x, grab.y)
    await page.mouse.down()
    await page.mouse.move(grab.x + 40, grab.y + 24, { steps: 4 })
    const latency = page.evaluate(
      () => (window as unknown as { __benchDrag: Promise<number> }).__benchDrag,
    )
    let timer: ReturnType<typeof setTimeout> | undefined
    const tooLate = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const seen = page.evaluate(() =>
          JSON.stringify((window as { __benchDragSeen?: unknown }).__benchDragSeen),
        )
        seen.then(
          (shown) => reject(new Error(`${side}: the sticky did not move: ${shown}`)),
          reject,
        )
      }, TIMEOUT_MS)
    })
    try {
      latencies.push(await Promise.race([latency, tooLate]))
    } finally {
      clearTimeout(timer)
    }
    await page.mouse.up()
    await settle(page)
  }
  return latencies
}
