// The render bench's peer: Excalidraw 0.18.1 on its own production page (bench/render/excalidraw,
// built into dist/bench/excalidraw), served on loopback with the relay's own static handler (the
// same gzip), its scenes the bench's stickies as rectangles with bound text.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { STICKY_KIND_VALUES, STICKY_SIZE } from '../../shared/index.ts'
import { createStatic } from '../../server/http/static.ts'
import { gridCentres } from './fill.ts'
import { type FirstDraw, waitForFirstDraw } from './measure.ts'

export const PEER_DIR = 'dist/bench/excalidraw'
export const PEER_NAME = 'Excalidraw 0.18.1'

export interface PeerServer {
  url: string
  stop(): Promise<void>
}

export async function startPeerServer(): Promise<PeerServer> {
  const serve = createStatic(PEER_DIR)
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    serve(req, res, path).catch((error: unknown) => {
      res.writeHead(500).end(String(error))
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((done) => server.close(() => done())),
  }
}

// One pastel per sticky kind, in the order of STICKY_KIND_VALUES, like our kinds' colours.
const FILLS = ['#d3f9d8', '#ffe3e3', '#e7f5ff', '#fff3bf', '#f3d9fa', '#fff9db', '#e6fcf5']

/**
 * Writes `scenes/<count>.excalidraw` into the peer's folder: the stickies of fill.ts (same grid,
 * size and text), made by Excalidraw's own convertToExcalidrawElements once its font has loaded,
 * so their text is measured and wrapped as Excalidraw itself would save it.
 */
export async function makeScene(browser: Browser, server: PeerServer, count: number) {
  const cells = gridCentres(count).map((centre, n) => ({
    x: centre.x - STICKY_SIZE.w / 2,
    y: centre.y - STICKY_SIZE.h / 2,
    w: STICKY_SIZE.w,
    h: STICKY_SIZE.h,
    text: `Notitie ${n + 1}: Zoë leest graag en doet mee in de klas`,
    color: FILLS[STICKY_KIND_VALUES.indexOf(STICKY_KIND_VALUES[n % STICKY_KIND_VALUES.length]!)]!,
  }))
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${server.url}/?make`)
    const json = await page.evaluate(async (all) => {
      type Maker = (cells: unknown[]) => Promise<string>
      await document.fonts.load('16px Excalifont', 'Notitie')
      return (window as unknown as { __benchMakeScene: Maker }).__benchMakeScene(all)
    }, cells)
    mkdirSync(join(PEER_DIR, 'scenes'), { recursive: true })
    writeFileSync(join(PEER_DIR, 'scenes', `${count}.excalidraw`), json)
  } finally {
    await context.close()
  }
  return `${server.url}/?scene=/scenes/${count}.excalidraw`
}

interface PeerBenchWindow {
  __benchFirstDraw: Promise<FirstDraw>
  __benchProgress: { scene: number; drawnPasses: number }
  /** Called at the end of every render of the static canvas (drag.ts watches with it). */
  __benchAfterPass?: () => void
}

/**
 * Before any page script: resolves `window.__benchFirstDraw` at the end of the first render of
 * Excalidraw's static canvas (class "excalidraw__canvas", not "interactive") that starts with all
 * `elements` in its scene and draws at least one of them (drawImage: Excalidraw draws each element
 * from its cached canvas). A render is synchronous, so it ends at the next microtask checkpoint.
 * `fontMs` is the end of the first such render after its font (Excalifont) finished loading.
 */
function peerFirstDrawProbe(elements: number): void {
  interface Api {
    getSceneElements(): readonly unknown[]
  }
  const bench = window as unknown as PeerBenchWindow & { __benchExcalidraw?: Api }
  const progress = { scene: 0, drawnPasses: 0 }
  bench.__benchProgress = progress
  let fontAt: number | undefined
  document.fonts.addEventListener('loadingdone', (event) => {
    if (event.fontfaces.some((face) => face.family.replace(/"/g, '') === 'Excalifont')) {
      fontAt ??= performance.now()
    }
  })
  let resolve: (draw: FirstDraw) => void = () => {}
  bench.__benchFirstDraw = new Promise((done) => (resolve = done))
  let firstAt: number | undefined
  let pass: { full: boolean; fontLoaded: boolean } | undefined
  const closePass = () => {
    const closed = pass
    pass = undefined
    bench.__benchAfterPass?.()
    if (!closed?.full) return
    progress.drawnPasses++
    const now = performance.now()
    firstAt ??= now
    if (closed.fontLoaded) {
      resolve({ ms: firstAt, canvasMs: firstAt, outlineMs: NaN, connectMs: NaN, fontMs: now })
    }
  }
  const wrapped = new WeakSet<object>()
  const getContext = HTMLCanvasElement.prototype.getContext
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: never[]) {
    const ctx = (getContext as (...a: never[]) => unknown).apply(this, args)
    const isStatic =
      this.classList.contains('excalidraw__canvas') && !this.classList.contains('interactive')
    if (isStatic && ctx instanceof CanvasRenderingContext2D && !wrapped.has(ctx)) {
      wrapped.add(ctx)
      const drawImage = ctx.drawImage
      ctx.drawImage = function (this: CanvasRenderingContext2D, ...image: never[]) {
        if (!pass) {
          progress.scene = bench.__benchExcalidraw?.getSceneElements().length ?? 0
          pass = { full: progress.scene >= elements, fontLoaded: fontAt !== undefined }
          queueMicrotask(closePass)
        }
        return (drawImage as (...a: never[]) => void).apply(this, image)
      } as typeof ctx.drawImage
    }
    return ctx
  } as typeof HTMLCanvasElement.prototype.getContext
}

export interface PeerOpened {
  page: Page
  firstDraw: FirstDraw
}

/** Opens the peer's scene of `stickies` (a rectangle and a text each) and waits as above. */
export async function openPeer(
  context: BrowserContext,
  url: string,
  stickies: number,
  prepare: (page: Page) => Promise<void>,
  timeoutMs: number,
): Promise<PeerOpened> {
  const page = await context.newPage()
  await prepare(page)
  await page.addInitScript(peerFirstDrawProbe, stickies * 2)
  await page.goto(url)
  return { page, firstDraw: await waitForFirstDraw(page, timeoutMs) }
}

/** Excalidraw's view: zoom 1 centred on the scene's centre, or every element in view. */
export async function setPeerView(page: Page, view: 'actual' | 'fit'): Promise<number> {
  return page.evaluate(async (which) => {
    interface Box {
      x: number
      y: number
      width: number
      height: number
    }
    interface Api {
      getSceneElements(): readonly Box[]
      updateScene(scene: { appState: Record<string, unknown> }): void
      getAppState(): { zoom: { value: number } }
    }
    const api = (window as unknown as { __benchExcalidraw: Api }).__benchExcalidraw
    const elements = api.getSceneElements()
    const minX = Math.min(...elements.map((e) => e.x))
    const minY = Math.min(...elements.map((e) => e.y))
    const maxX = Math.max(...elements.map((e) => e.x + e.width))
    const maxY = Math.max(...elements.map((e) => e.y + e.height))
    const fit = Math.min(innerWidth / (maxX - minX), innerHeight / (maxY - minY)) * 0.95
    const zoom = which === 'actual' ? 1 : Math.min(30, Math.max(0.1, fit))
    api.updateScene({
      appState: {
        zoom: { value: zoom },
        scrollX: innerWidth / 2 / zoom - (minX + maxX) / 2,
        scrollY: innerHeight / 2 / zoom - (minY + maxY) / 2,
      },
    })
    // React applies it in a later render; a throttled page takes a while.
    const deadline = performance.now() + 10_000
    while (Math.abs(api.getAppState().zoom.value - zoom) > 1e-6 && performance.now() < deadline) {
      await new Promise((done) => setTimeout(done, 20))
    }
    return api.getAppState().zoom.value
  }, view)
}

/** Excalidraw's hand or selection tool, through its API (its keys need its focus). */
export async function selectPeerTool(page: Page, tool: 'hand' | 'selection'): Promise<void> {
  const active = await page.evaluate(async (type) => {
    interface Api {
      setActiveTool(tool: { type: string }): void
      getAppState(): { activeTool: { type: string } }
    }
    const api = (window as unknown as { __benchExcalidraw: Api }).__benchExcalidraw
    api.setActiveTool({ type })
    // React applies the change in a later render; a throttled page takes a while.
    const deadline = performance.now() + 10_000
    while (api.getAppState().activeTool.type !== type && performance.now() < deadline) {
      await new Promise((done) => setTimeout(done, 20))
    }
    return api.getAppState().activeTool.type
  }, tool)
  if (active !== tool) throw new Error(`Excalidraw: expected the ${tool} tool, got ${active}`)
}
