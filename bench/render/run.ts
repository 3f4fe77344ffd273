// `npm run bench:render`: how the production client draws, pans and drags boards of 1,000, 2,000
// and 10,000 stickies in headless Chromium beside Excalidraw (its own production page, same
// stickies, loads alternating), as fast as the machine goes and with the CPU throttled 4×; how a
// typical MDO board becomes interactive; how much JavaScript each loads first. Expects the builds
// (`npm run build`, `npm run build:server`, the peer page's); starts its own relay and peer server.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import type { Browser, Page } from 'playwright-core'
import { freePort, startBuiltRelay } from '../../tests/e2e/relay.ts'
import { CHROMIUM, launchBench, newBenchContext, outsideRequests, throttled } from './browser.ts'
import {
  comparedTable,
  comparedTargets,
  interactiveTable,
  type ComparedRow,
  type Interactive,
  type SideRun,
} from './compare.ts'
import { dragLatency, DRAG_DEFINITION } from './drag.ts'
import { createBoard, fillBoard } from './fill.ts'
import { fillMdoBoard, INTERACTIVE_DEFINITION, timeToInteractive } from './mdoBoard.ts'
import {
  type Box,
  FIRST_DRAW_DEFINITION,
  FRAME_DEFINITION,
  frameTimesDuring,
  type FirstDraw,
  openBoard,
  panFor,
  VIEWPORT,
} from './measure.ts'
import {
  makeScene,
  openPeer,
  PEER_DIR,
  PEER_NAME,
  selectPeerTool,
  setPeerView,
  startPeerServer,
} from './peer.ts'
import {
  createMs,
  initialJs,
  type InitialJs,
  median,
  panStats,
  targetTable,
  type Target,
} from './report.ts'
import { canvasBox, selectHandTool, selectSelectTool, zoomToActualSize, zoomToFit } from './ui.ts'

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!(value > 0)) throw new Error(`${name} must be a positive number`)
  return value
}
const SIZES = (process.env.BENCH_STICKIES ?? '1000,2000,10000').split(',').map(Number)
const RATES = (process.env.BENCH_CPU_RATES ?? '1,4').split(',').map(Number)
const LOADS = number('BENCH_LOADS', 3)
const PAN_SECONDS = number('BENCH_PAN_SECONDS', 3)
const CLIENT_DIR = 'dist/client'
const LOAD_BEFORE = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ')

async function panStatsOf(page: Page, box: Box) {
  let movesPerSecond = 0
  const frames = await frameTimesDuring(page, async () => {
    movesPerSecond = await panFor(page, PAN_SECONDS * 1000, box)
  })
  return panStats(frames, movesPerSecond)
}

// Excalidraw's first draw waits for its font: 10,000 stickies at 4× take minutes on a busy machine.
const timeoutAt = (rate: number) => 150_000 * rate

/** Pans at 100 % and fitted, then drags at 100 %: on the last load of a side. */
async function ourInteraction(page: Page): Promise<Omit<SideRun, 'firstDraws'>> {
  await selectHandTool(page)
  await zoomToActualSize(page)
  const box = await canvasBox(page)
  const pan = await panStatsOf(page, box)
  const fitZoom = await zoomToFit(page)
  const fitPan = await panStatsOf(page, box)
  await zoomToFit(page)
  await zoomToActualSize(page)
  await selectSelectTool(page)
  return { pan, fitPan, fitZoom, drags: await dragLatency(page, 'ours') }
}

async function peerInteraction(page: Page): Promise<Omit<SideRun, 'firstDraws'>> {
  await selectPeerTool(page, 'hand')
  await setPeerView(page, 'actual')
  const box = { x: 0, y: 0, ...VIEWPORT }
  const pan = await panStatsOf(page, box)
  const fitZoom = await setPeerView(page, 'fit')
  const fitPan = await panStatsOf(page, box)
  await setPeerView(page, 'actual')
  await selectPeerTool(page, 'selection')
  return { pan, fitPan, fitZoom, drags: await dragLatency(page, 'peer') }
}

/** LOADS loads of each side, alternating ours, the peer's, ours…; the last ones interacted with. */
async function compare(
  browser: Browser,
  stickies: number,
  rate: number,
  ourUrl: string,
  peerUrl: string,
): Promise<ComparedRow> {
  const prepare = throttled(rate)
  const sides = {
    ours: {
      firstDraws: [] as FirstDraw[],
      rest: undefined as Omit<SideRun, 'firstDraws'> | undefined,
    },
    peer: {
      firstDraws: [] as FirstDraw[],
      rest: undefined as Omit<SideRun, 'firstDraws'> | undefined,
    },
  }
  for (let load = 1; load <= LOADS; load++) {
    for (const side of ['ours', 'peer'] as const) {
      const context = await newBenchContext(browser)
      try {
        const { page, firstDraw } =
          side === 'ours'
            ? await openBoard(context, ourUrl, stickies, prepare, timeoutAt(rate))
            : await openPeer(context, peerUrl, stickies, prepare, timeoutAt(rate))
        sides[side].firstDraws.push(firstDraw)
        console.error(
          `  ${stickies} stickies, ${rate}× CPU, ${side} load ${load}: first draw ${firstDraw.ms.toFixed(0)} ms` +
            (firstDraw.fontMs === undefined
              ? ''
              : `, in its font ${firstDraw.fontMs.toFixed(0)} ms`),
        )
        if (load === LOADS) {
          sides[side].rest = await (side === 'ours' ? ourInteraction(page) : peerInteraction(page))
          const rest = sides[side].rest
          console.error(
            `  ${stickies} stickies, ${rate}× CPU, ${side}: pan median ${rest.pan.medianMs.toFixed(1)} ms, ` +
              `fitted ${rest.fitPan.medianMs.toFixed(1)} ms, drag ${median(rest.drags).toFixed(0)} ms`,
          )
        }
      } finally {
        await context.close()
      }
    }
  }
  const side = (which: 'ours' | 'peer'): SideRun => {
    const { firstDraws, rest } = sides[which]
    if (!rest) throw new Error('BENCH_LOADS must be at least 1')
    return { firstDraws, ...rest }
  }
  return { stickies, rate, ours: side('ours'), peer: side('peer') }
}

async function interactive(browser: Browser, url: string, rate: number): Promise<Interactive> {
  const loads: Interactive['loads'] = []
  for (let load = 1; load <= LOADS; load++) {
    const context = await newBenchContext(browser)
    try {
      const result = await timeToInteractive(context, url, throttled(rate), timeoutAt(rate))
      console.error(
        `  MDO board, ${rate}× CPU, load ${load}: interactive ${result.ms.toFixed(0)} ms`,
      )
      loads.push(result)
    } finally {
      await context.close()
    }
  }
  return { rate, loads }
}

function legacyTargets(rows: readonly ComparedRow[], jsGzipBytes: number): Target[] {
  const targets: Target[] = []
  const row = (stickies: number) => rows.find((r) => r.stickies === stickies && r.rate === 1)
  const two = row(2000)
  if (two) {
    targets.push(
      {
        name: '2,000 stickies: create + first draw, from the app opening the board',
        value: median(two.ours.firstDraws.map(createMs)),
        limit: 500,
        unit: 'ms',
      },
      {
        name: '2,000 stickies: pan median, 100 %',
        value: two.ours.pan.medianMs,
        limit: 16.7,
        unit: 'ms',
      },
      {
        name: '2,000 stickies: pan median, fit',
        value: two.ours.fitPan.medianMs,
        limit: 16.7,
        unit: 'ms',
      },
    )
  }
  const ten = row(10000)
  if (ten) {
    targets.push(
      {
        name: '10,000 stickies: pan median, 100 %',
        value: ten.ours.pan.medianMs,
        limit: 33,
        unit: 'ms',
      },
      {
        name: '10,000 stickies: pan median, fit',
        value: ten.ours.fitPan.medianMs,
        limit: 33,
        unit: 'ms',
      },
    )
  }
  targets.push({
    name: 'our initial JS, gzipped',
    value: jsGzipBytes / 1024,
    limit: 250,
    unit: 'KB',
  })
  return targets
}

const jsList = (js: InitialJs) =>
  js.files.map((file) => `${file.path} ${(file.gzipBytes / 1024).toFixed(1)} KB`).join(', ')

async function main() {
  for (const file of [
    `${CLIENT_DIR}/index.html`,
    'dist/server/main.js',
    `${PEER_DIR}/index.html`,
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run bench:render`)
  }
  const js = initialJs(CLIENT_DIR)
  const peerJs = initialJs(PEER_DIR)
  const relay = await startBuiltRelay({ port: await freePort(), clientDir: CLIENT_DIR })
  const peer = await startPeerServer()
  const browser = await launchBench()
  const rows: ComparedRow[] = []
  const runs: Interactive[] = []
  try {
    for (const stickies of SIZES) {
      const board = await createBoard(relay.url, `Render bench, ${stickies} stickies`)
      const started = Date.now()
      await fillBoard(relay.url, board, stickies)
      const peerUrl = await makeScene(browser, peer, stickies)
      console.error(
        `  ${stickies} stickies on the relay and in a scene in ${Date.now() - started} ms`,
      )
      for (const rate of RATES) {
        rows.push(
          await compare(browser, stickies, rate, `${relay.url}${board.links.edit}`, peerUrl),
        )
      }
    }
    const mdo = await createBoard(relay.url, 'Render bench, MDO board')
    await fillMdoBoard(relay.url, mdo)
    for (const rate of RATES)
      runs.push(await interactive(browser, `${relay.url}${mdo.links.edit}`, rate))
  } finally {
    await browser.close()
    await peer.stop()
    await relay.stop()
  }
  if (outsideRequests.length > 0) {
    throw new Error(
      `the pages asked other hosts (blocked): ${[...new Set(outsideRequests)].join(', ')}`,
    )
  }

  const table = (rate: number) =>
    comparedTable(
      rows.filter((row) => row.rate === rate),
      PEER_NAME,
    )
  const lines = [
    '# Render benchmark: our board and Excalidraw, same run',
    '',
    `- date: ${new Date().toISOString()}; load average before the run ${LOAD_BEFORE}, after ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
    `- machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; ` +
      'relay, filler, peer server and Chromium share it',
    `- browser: headless Chromium (${CHROMIUM}, --disable-gpu), viewport ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      'deviceScaleFactor 1, fresh context per load (empty caches); every host but loopback is ' +
      `blocked, and requests to one counted: ${outsideRequests.length}`,
    `- ours: production build (${CLIENT_DIR}), the MDO template plus N stickies on a grid over and ` +
      'around the circles, added by a y-websocket client with shared/ addSticky; opened with the edit link',
    `- ${PEER_NAME}: its own production page (${PEER_DIR}, bench/render/excalidraw), full window; the ` +
      'same N stickies (same grid, size and text) as rectangles with bound text made by its ' +
      'convertToExcalidrawElements, saved as a scene and opened through initialData, zoomed to fit ' +
      '(its zoom stops at 0.1); its fonts from the same loopback server',
    `- loads alternate ours, ${PEER_NAME}, ours…; ${LOADS} loads per side, size and CPU rate; pans and drags on the last`,
    `- ours: ${FIRST_DRAW_DEFINITION}`,
    `- ${PEER_NAME}: first draw = from navigation start to the end of the first render of its static ` +
      'canvas that starts with all N rectangles and N texts in its scene (getSceneElements) and ' +
      'draws them; "in its font" = the first such render after Excalifont finished loading',
    `- ${FRAME_DEFINITION}; ${PEER_NAME} with its hand tool, 100 % and fit set through its API (centred on the scene)`,
    `- ${DRAG_DEFINITION}`,
    `- ${INTERACTIVE_DEFINITION}`,
    `- throttled: Chromium's CPU slowed ${RATES.filter((r) => r > 1).join(', ')}× (CDP Emulation.setCPUThrottlingRate) before navigation`,
    '- initial JS = gzip (node:zlib, default level) of the JS files index.html loads up front; ' +
      `ours ${(js.gzipBytes / 1024).toFixed(1)} KB (${jsList(js)}), ${PEER_NAME} ` +
      `${(peerJs.gzipBytes / 1024).toFixed(1)} KB (${jsList(peerJs)})`,
    '',
    '## As fast as the machine goes',
    '',
    ...table(1),
    '',
    ...RATES.filter((rate) => rate > 1).flatMap((rate) => [
      `## CPU throttled ${rate}× (a school laptop)`,
      '',
      ...table(rate),
      '',
    ]),
    '## Initial JS, gzipped',
    '',
    `| ours | ${PEER_NAME} |`,
    '| ---: | ---: |',
    `| ${(js.gzipBytes / 1024).toFixed(1)} KB | ${(peerJs.gzipBytes / 1024).toFixed(1)} KB |`,
    '',
    '## MDO board, navigation → interactive (ours)',
    '',
    ...interactiveTable(runs),
    '',
    '## Targets',
    '',
    ...targetTable([
      ...comparedTargets(rows, runs, PEER_NAME),
      ...legacyTargets(rows, js.gzipBytes),
    ]),
    '',
  ]
  console.log(lines.join('\n'))
  const dir = new URL('../results/', import.meta.url)
  mkdirSync(dir, { recursive: true })
  const file = new URL(`render-${new Date().toISOString().replace(/[:.]/g, '-')}.md`, dir)
  writeFileSync(file, lines.join('\n'))
  console.log(`written to ${file.pathname}`)
}

await main()
