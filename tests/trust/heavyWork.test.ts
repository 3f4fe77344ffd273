// Heavy work does not hold up other boards: a 2,000-item board is exported as PDF, asked for as
// board.json and imported anew, in loops, on a real relay while two y-websocket clients on another
// board exchange small edits; both from processes of their own (tests/trust/heavyLoad.ts). The
// clients measure the fan-out; the relay's event-loop delay is measured in this process, its own.
// Also: the limits per board and per address (429) and the queue bound (503) on these routes.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import { constants, setPriority } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { exportBoardFile } from '../../shared/report/boardFile.ts'
import { readWorkConfig, type WorkConfig } from '../../server/work/config.ts'
import { seedMdoBoard } from '../unit/helpers/reportBoard.ts'
import {
  closedAfterEach,
  createBoard,
  type CreatedBoard,
  startRelay,
  synced,
} from '../integration/helpers.ts'
import type { EditsDone, HeavyDone, Load } from './heavyLoad.ts'

const { relays, open } = closedAfterEach()

async function relay(work: Partial<WorkConfig> = {}) {
  const running = await startRelay(undefined, { work: { ...readWorkConfig({}), ...work } })
  relays.push(running)
  return running
}

const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } })
const post = (http: string, body: string) => fetch(`${http}/api/boards`, { method: 'POST', body })
const exportPdf = (http: string, board: { id: string; facilitatorToken: string }) =>
  fetch(`${http}/api/boards/${board.id}/export.pdf`, auth(board.facilitatorToken))
const boardJson = (http: string, board: { id: string }, token: string) =>
  fetch(`${http}/api/boards/${board.id}/board.json`, auth(token))

/** A board file of `items` extra stickies, as the body of a POST /api/boards. */
function boardFileBody(items = 0): string {
  const { doc } = seedMdoBoard(items)
  try {
    return JSON.stringify({ board: exportBoardFile(doc, Date.now()) })
  } finally {
    doc.destroy()
  }
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/**
 * One of the loads of tests/trust/heavyLoad.ts in a process of its own. `started` resolves once it
 * is under way (tsx takes a while to start it); `finish` closes its stdin (the heavy loops stop).
 */
function spawnLoad<Done>(load: Load) {
  const script = fileURLToPath(new URL('./heavyLoad.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(load)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  // The heavy requests stand in for browsers elsewhere: on this machine they yield to the relay.
  if (load.mode === 'heavy' && child.pid) setPriority(child.pid, constants.priority.PRIORITY_LOW)
  let out = ''
  const started = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.startsWith('started\n')) resolve()
    }),
  )
  const done = once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`the ${load.mode} load ended with ${String(code)}`)
    return JSON.parse(out.slice('started\n'.length)) as Done
  })
  return { started, done, finish: () => child.stdin.end() }
}

interface Measured {
  /** Edit to arrival at the other client, ms, sorted. */
  fanOut: number[]
  /** This process's event loop (the relay's) meanwhile, ms. */
  delay: { p50: number; p99: number; max: number }
}

/** Edits on another board for `durationMs`, from their own process; the event loop's delay here. */
async function measure(ws: string, board: CreatedBoard, durationMs: number): Promise<Measured> {
  const edits = spawnLoad<EditsDone>({
    mode: 'edits',
    ws,
    boardId: board.id,
    editToken: board.editToken,
    durationMs,
  })
  await edits.started
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const { fanOut, lost } = await edits.done
  delay.disable()
  expect(lost).toBe(0)
  const ms = (ns: number) => ns / 1e6
  return {
    fanOut,
    delay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
  }
}

const BASELINE_MS = 5_000
const MEASURE_MS = 10_000

describe('exports, imports and board.json of a large board', () => {
  it(
    'keep every other board fast: fan-out p99 under 50 ms, event-loop delay p99 under 20 ms',
    { timeout: 150_000 },
    async (ctx) => {
      // No limits here: each loop is as hard as one link can push, one request at a time.
      const r = await relay({ perAddressPerMinute: 0, perBoardPerMinute: 0 })
      const importBody = join(r.dataDir, 'board-file.json')
      writeFileSync(importBody, boardFileBody(2_000))
      const made = await post(r.http, readFileSync(importBody, 'utf8'))
      expect(made.status).toBe(201)
      const big = (await made.json()) as CreatedBoard
      // Once of each before measuring, so the worker thread has started and loaded the font.
      expect((await exportPdf(r.http, big)).status).toBe(200)
      expect((await boardJson(r.http, big, big.viewToken)).status).toBe(200)
      const other = await createBoard(r.http, 'blank')

      // The same edits without heavy work first: what this machine costs by itself.
      const quiet = await measure(r.ws, other, BASELINE_MS)
      const load = spawnLoad<HeavyDone>({
        mode: 'heavy',
        http: r.http,
        boardId: big.id,
        facilitatorToken: big.facilitatorToken,
        viewToken: big.viewToken,
        importBody,
      })
      await load.started
      const heavy = await measure(r.ws, other, MEASURE_MS)
      load.finish()
      const { pdfs, imports, boardJsons, unexpected } = await load.done

      const row = (name: string, values: number[]) =>
        `| ${name} | ${values.map((value) => value.toFixed(1)).join(' | ')} |`
      const rows = (when: string, { fanOut, delay }: Measured) => [
        row(`fan-out, other board, ${when}`, [
          percentile(fanOut, 50),
          percentile(fanOut, 99),
          fanOut.at(-1)!,
        ]),
        row(`event-loop delay, ${when}`, [delay.p50, delay.p99, delay.max]),
      ]
      console.log(
        [
          `heavy work on a 2,000-item board: ${pdfs} PDFs, ${imports} imports, ` +
            `${boardJsons} board.json while ${heavy.fanOut.length} edits on another board ` +
            `(${MEASURE_MS / 1000} s); before it, ${quiet.fanOut.length} edits without heavy work. ` +
            `The event loop's delay is the time between ticks of a 5 ms timer: 5 ms is no delay.`,
          '| ms | p50 | p99 | max |',
          '| --- | ---: | ---: | ---: |',
          ...rows('without', quiet),
          ...rows('during', heavy),
        ].join('\n'),
      )
      expect(unexpected).toEqual([])
      // The heavy work did run alongside.
      expect(Math.min(pdfs, imports, boardJsons)).toBeGreaterThanOrEqual(1)
      // Read as stored: the big board was never loaded into a room.
      expect(r.relay.rooms.isOpen(big.id)).toBe(false)
      // Even on a busy machine: no stall as long as decoding the big board on the event loop.
      expect(heavy.delay.max).toBeLessThan(1_000)
      // A machine whose event loop lags with no heavy work at all (p99 at 10 ms or more of a 5 ms
      // timer) says more about itself than about the relay: there bounds missed are not judged.
      const within = percentile(heavy.fanOut, 99) < 50 && heavy.delay.p99 < 20
      if (!within && quiet.delay.p99 >= 10) {
        const why = `machine too busy: event-loop p99 ${quiet.delay.p99.toFixed(1)} ms at rest`
        console.log(`${why}; the bounds are not judged`)
        ctx.skip(why)
      }
      expect(percentile(heavy.fanOut, 99)).toBeLessThan(50)
      expect(heavy.delay.p99).toBeLessThan(20)
    },
  )
})

describe('limits on heavy work', () => {
  it('answers 429 with Retry-After past the budget of a board, then of an address', async () => {
    const r = await relay({ perBoardPerMinute: 2, perAddressPerMinute: 4 })
    const one = await createBoard(r.http, 'blank')
    const two = await createBoard(r.http, 'blank')
    // A state already made costs nothing: a burst of page loads (that then connect) is one job.
    await synced(open(r.ws, one.id, one.viewToken))
    const loads = Array.from({ length: 5 }, () => boardJson(r.http, one, one.viewToken))
    for (const json of await Promise.all(loads)) expect(json.status).toBe(200)
    expect(r.relay.metrics.workJobs).toBe(1)
    expect((await exportPdf(r.http, one)).status).toBe(200)
    const byBoard = await exportPdf(r.http, one)
    expect(byBoard.status).toBe(429)
    expect(Number(byBoard.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(((await byBoard.json()) as { error: string }).error).toMatch(/too many exports/)

    // The address has used three of its four (the board JSON, two PDFs; a refusal takes none).
    expect((await exportPdf(r.http, two)).status).toBe(200)
    const file = boardFileBody()
    expect((await post(r.http, file)).status).toBe(201)
    const byAddress = await post(r.http, file)
    expect(byAddress.status).toBe(429)
    expect(Number(byAddress.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // Board two has a job left, but not this address.
    expect((await exportPdf(r.http, two)).status).toBe(429)
  })

  it('makes one board.json for pages that ask at once for a board no one has open', async () => {
    const r = await relay({ perBoardPerMinute: 1, perAddressPerMinute: 0 })
    const board = await createBoard(r.http, 'mdo')
    const loads = Array.from({ length: 5 }, () => boardJson(r.http, board, board.viewToken))
    for (const json of await Promise.all(loads)) expect(json.status).toBe(200)
    expect(r.relay.metrics.workJobs).toBe(1)
    expect(r.relay.metrics.roomsOpen).toBe(0)
    // The next one is a new job, past this board's budget.
    expect((await boardJson(r.http, board, board.viewToken)).status).toBe(429)
  })

  it('refuses at once with 503 and Retry-After when the queue is full, and serves the rest', async () => {
    const r = await relay({
      threads: 1,
      maxQueued: 1,
      perAddressPerMinute: 0,
      perBoardPerMinute: 0,
    })
    const boards = await Promise.all(Array.from({ length: 8 }, () => createBoard(r.http, 'mdo')))
    const answers = await Promise.all(boards.map((board) => exportPdf(r.http, board)))
    const statuses = answers.map((res) => res.status)
    const refused = answers.filter((res) => res.status === 503)
    // One running and one waiting at a time: a flood waits in no unbounded line.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2)
    expect(refused.length).toBeGreaterThanOrEqual(1)
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true)
    for (const res of refused) {
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(((await res.json()) as { error: string }).error).toMatch(/busy/)
    }
    expect(r.relay.metrics.workRefused).toBe(refused.length)
    // Afterwards the pool serves again.
    expect((await exportPdf(r.http, boards[0]!)).status).toBe(200)
  })
})
