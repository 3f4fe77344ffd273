// `npm run bench:render`: how the production client draws and pans boards of 1,000, 2,000 and
// 10,000 stickies in headless Chromium, and how much JavaScript it loads first. Expects
// `npm run build` and `npm run build:server` to have run; starts its own relay on a free port.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { chromium, type Page } from 'playwright-core'
import { freePort, startBuiltRelay } from '../../tests/e2e/relay.ts'
import { createBoard, fillBoard } from './fill.ts'
import {
  FIRST_DRAW_DEFINITION,
  FRAME_DEFINITION,
  frameTimesDuring,
  type FirstDraw,
  newBoardContext,
  openBoard,
  panFor,
  VIEWPORT,
} from './measure.ts'
import {
  boardTable,
  createMs,
  initialJs,
  median,
  panStats,
  targetTable,
  type BoardRow,
  type Target,
} from './report.ts'
import { selectHandTool, zoomToActualSize, zoomToFit } from './ui.ts'

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!(value > 0)) throw new Error(`${name} must be a positive number`)
  return value
}
const SIZES = (process.env.BENCH_STICKIES ?? '1000,2000,10000').split(',').map(Number)
const LOADS = number('BENCH_LOADS', 3)
const PAN_SECONDS = number('BENCH_PAN_SECONDS', 3)
const CLIENT_DIR = 'dist/client'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

async function panStatsOf(page: Page) {
  let movesPerSecond = 0
  const frames = await frameTimesDuring(page, async () => {
    movesPerSecond = await panFor(page, PAN_SECONDS * 1000)
  })
  return panStats(frames, movesPerSecond)
}

async function measureBoard(url: string, stickies: number): Promise<BoardRow> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
  try {
    const firstDraws: FirstDraw[] = []
    for (let load = 1; load <= LOADS; load++) {
      const context = await newBoardContext(browser)
      try {
        const { page, firstDraw } = await openBoard(context, url, stickies)
        firstDraws.push(firstDraw)
        console.error(
          `  ${stickies} stickies, load ${load}: first draw ${firstDraw.ms.toFixed(0)} ms, ` +
            `create + first draw ${createMs(firstDraw).toFixed(0)} ms ` +
            `(canvas ${firstDraw.canvasMs.toFixed(0)}, outline ${firstDraw.outlineMs.toFixed(0)})`,
        )
        // Panning is measured once, on the last load: the same page, first as opened, then fitted.
        if (load === LOADS) {
          await selectHandTool(page)
          await zoomToActualSize(page)
          const pan = await panStatsOf(page)
          await zoomToFit(page)
          const fitPan = await panStatsOf(page)
          console.error(
            `  ${stickies} stickies: pan median ${pan.medianMs.toFixed(1)} ms, ` +
              `fitted ${fitPan.medianMs.toFixed(1)} ms`,
          )
          return { stickies, firstDraws, pan, fitPan }
        }
      } finally {
        await context.close()
      }
    }
    throw new Error('BENCH_LOADS must be at least 1')
  } finally {
    await browser.close()
  }
}

function targetsOf(rows: BoardRow[], jsGzipBytes: number): Target[] {
  const targets: Target[] = []
  const row = (stickies: number) => rows.find((candidate) => candidate.stickies === stickies)
  const two = row(2000)
  if (two) {
    targets.push(
      {
        name: '2,000 stickies: first draw, from navigation start',
        value: median(two.firstDraws.map((draw) => draw.ms)),
        limit: 500,
        unit: 'ms',
      },
      {
        name: '2,000 stickies: create + first draw, from the app opening the board',
        value: median(two.firstDraws.map(createMs)),
        limit: 500,
        unit: 'ms',
      },
      {
        name: '2,000 stickies: pan median, 100 %',
        value: two.pan.medianMs,
        limit: 16.7,
        unit: 'ms',
      },
      {
        name: '2,000 stickies: pan median, zoomed to fit',
        value: two.fitPan.medianMs,
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
        value: ten.pan.medianMs,
        limit: 33,
        unit: 'ms',
      },
      {
        name: '10,000 stickies: pan median, zoomed to fit',
        value: ten.fitPan.medianMs,
        limit: 33,
        unit: 'ms',
      },
    )
  }
  targets.push({
    name: 'initial JS, gzipped',
    value: jsGzipBytes / 1024,
    limit: 300,
    unit: 'KB',
  })
  return targets
}

async function main() {
  for (const file of [`${CLIENT_DIR}/index.html`, 'dist/server/main.js']) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run npm run build && npm run build:server`)
  }
  const js = initialJs(CLIENT_DIR)
  const relay = await startBuiltRelay({ port: await freePort(), clientDir: CLIENT_DIR })
  const rows: BoardRow[] = []
  try {
    for (const stickies of SIZES) {
      const board = await createBoard(relay.url, `Render bench, ${stickies} stickies`)
      const started = Date.now()
      await fillBoard(relay.url, board, stickies)
      console.error(`  ${stickies} stickies on the relay in ${Date.now() - started} ms`)
      rows.push(await measureBoard(`${relay.url}${board.links.edit}`, stickies))
    }
  } finally {
    await relay.stop()
  }

  const lines = [
    '# Render benchmark',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; ` +
      'relay, filler and Chromium share it',
    `- browser: headless Chromium (${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}, --disable-gpu), ` +
      `viewport ${VIEWPORT.width}×${VIEWPORT.height}, deviceScaleFactor 1, production build (${CLIENT_DIR})`,
    '- boards: MDO template plus N stickies on a grid over and around the circles, added by a ' +
      'y-websocket client with shared/ addSticky; opened with the edit link',
    `- ${FIRST_DRAW_DEFINITION}; ${LOADS} loads per board`,
    `- ${FRAME_DEFINITION}`,
    `- initial JS = gzip (node:zlib, default level) of the JS files ${CLIENT_DIR}/index.html loads ` +
      `up front: ${js.files.map((file) => `${file.path} ${(file.gzipBytes / 1024).toFixed(1)} KB`).join(', ')}`,
    '',
    ...boardTable(rows),
    '',
    ...targetTable(targetsOf(rows, js.gzipBytes)),
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
