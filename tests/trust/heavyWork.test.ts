// Heavy work does not hold up other boards: a 2,000-item board is exported as PDF, asked for as
// board.json and imported anew, in loops from another process (tests/trust/heavyLoad.ts), on a
// real relay while two y-websocket clients on another board exchange small edits. Their fan-out
// and the relay's event-loop delay are measured in this process, which is the relay's.
// Also: the limits per board and per address (429) and the queue bound (503) on these routes.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { addSticky } from '../../shared/index.ts'
import { exportBoardFile } from '../../shared/report/boardFile.ts'
import { readWorkConfig, type WorkConfig } from '../../server/work/config.ts'
import { seedMdoBoard } from '../unit/helpers/reportBoard.ts'
import {
  type Client,
  closedAfterEach,
  createBoard,
  type CreatedBoard,
  startRelay,
  synced,
} from '../integration/helpers.ts'
import type { HeavyLoad, HeavyLoadDone } from './heavyLoad.ts'

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

/** Each client adds a sticky in turn; the other notes how long it took to arrive. */
function exchangeEdits(a: Client, b: Client, everyMs: number) {
  const sentAt = new Map<string, number>()
  const fanOut: number[] = []
  for (const client of [a, b]) {
    client.doc.getMap('items').observe((event) => {
      if (!event.transaction.origin) return // the client's own edit, not one from the relay
      for (const key of event.keysChanged) {
        const at = sentAt.get(key)
        if (at !== undefined) fanOut.push(performance.now() - at)
      }
    })
  }
  let turn = 0
  const timer = setInterval(() => {
    const from = turn++ % 2 === 0 ? a : b
    const id = addSticky(from.doc, { kind: 'note', text: `ping ${turn}`, x: turn, y: 0 })
    sentAt.set(id, performance.now())
  }, everyMs)
  return { sent: () => sentAt.size, stop: () => clearInterval(timer), fanOut }
}

/** The heavy requests, from a process of their own (tests/trust/heavyLoad.ts). */
async function heavyLoad(load: HeavyLoad): Promise<HeavyLoadDone> {
  const script = fileURLToPath(new URL('./heavyLoad.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(load)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const [code] = (await once(child, 'exit')) as [number | null]
  if (code !== 0) throw new Error(`the heavy load ended with ${code}`)
  return JSON.parse(out) as HeavyLoadDone
}

const MEASURE_MS = 10_000

describe('exports, imports and board.json of a large board', () => {
  it(
    'keep every other board fast: fan-out p99 under 50 ms, event-loop delay p99 under 20 ms',
    { timeout: 90_000 },
    async () => {
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
      const a = open(r.ws, other.id, other.editToken)
      const b = open(r.ws, other.id, other.editToken)
      await Promise.all([synced(a), synced(b)])

      const load = heavyLoad({
        http: r.http,
        boardId: big.id,
        facilitatorToken: big.facilitatorToken,
        viewToken: big.viewToken,
        importBody,
        durationMs: MEASURE_MS,
      })
      // The load process starts (tsx) before it sends anything: measure once it has.
      await expect.poll(() => r.relay.metrics.workJobs, { timeout: 15_000 }).toBeGreaterThan(2)
      const delay = monitorEventLoopDelay({ resolution: 5 })
      delay.enable()
      const edits = exchangeEdits(a, b, 40)
      const done = await load
      edits.stop()
      delay.disable()
      await expect.poll(() => edits.fanOut.length).toBe(edits.sent())

      const fanOut = [...edits.fanOut].sort((x, y) => x - y)
      const ms = (ns: number) => ns / 1e6
      const rows = [
        ['fan-out, other board', percentile(fanOut, 50), percentile(fanOut, 99), fanOut.at(-1)!],
        ['event-loop delay', ms(delay.percentile(50)), ms(delay.percentile(99)), ms(delay.max)],
      ] as const
      console.log(
        [
          `heavy work on a 2,000-item board: ${done.pdfs} PDFs, ${done.imports} imports, ` +
            `${done.boardJsons} board.json; ${fanOut.length} edits on another board`,
          '| ms | p50 | p99 | max |',
          '| --- | ---: | ---: | ---: |',
          ...rows.map(
            ([name, ...values]) => `| ${name} | ${values.map((v) => v.toFixed(1)).join(' | ')} |`,
          ),
        ].join('\n'),
      )
      expect(done.unexpected).toEqual([])
      // The heavy work did run alongside.
      expect(Math.min(done.pdfs, done.imports, done.boardJsons)).toBeGreaterThanOrEqual(2)
      // Read as stored: the big board was never loaded into a room.
      expect(r.relay.rooms.isOpen(big.id)).toBe(false)
      expect(percentile(fanOut, 99)).toBeLessThan(50)
      expect(ms(delay.percentile(99))).toBeLessThan(20)
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
