// The two loads of tests/trust/heavyWork.test.ts, each run as a process of its own, so that nothing
// but the relay runs on the relay's event loop and a stall of it delays edits already sent:
// - heavy: one loop each of PDF exports, imports and board.json requests of one board, until its
//   stdin closes;
// - edits: two y-websocket clients on another board add a sticky in turn, and note how long each
//   took to reach the other.
// Each prints "started" on a line of its own when it begins, then what it did as JSON.
// `node --import tsx tests/trust/heavyLoad.ts <json of a Load>`
import { readFileSync } from 'node:fs'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { addSticky } from '../../shared/index.ts'

export type Load =
  | {
      mode: 'heavy'
      http: string
      boardId: string
      facilitatorToken: string
      viewToken: string
      /** A file holding the body of an import (POST /api/boards). */
      importBody: string
    }
  | { mode: 'edits'; ws: string; boardId: string; editToken: string; durationMs: number }

export interface HeavyDone {
  pdfs: number
  imports: number
  boardJsons: number
  /** Answers other than 200 (201 for an import), as "route status". */
  unexpected: string[]
}

export interface EditsDone {
  /** Edit to arrival at the other client, ms, sorted. */
  fanOut: number[]
  /** Edits that had not arrived 10 s after the last was made. */
  lost: number
}

const EDIT_EVERY_MS = 40

async function heavy(load: Extract<Load, { mode: 'heavy' }>): Promise<HeavyDone> {
  const body = readFileSync(load.importBody, 'utf8')
  const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } })
  const board = `${load.http}/api/boards/${load.boardId}`
  let running = true
  process.stdin.on('end', () => (running = false)).resume()
  const unexpected: string[] = []
  const loop = async (name: string, ok: number, request: () => Promise<Response>) => {
    let count = 0
    while (running) {
      const res = await request()
      await res.arrayBuffer()
      if (res.status === ok) count++
      else unexpected.push(`${name} ${res.status}`)
    }
    return count
  }
  process.stdout.write('started\n')
  const [pdfs, imports, boardJsons] = await Promise.all([
    loop('export.pdf', 200, () => fetch(`${board}/export.pdf`, auth(load.facilitatorToken))),
    loop('import', 201, () => fetch(`${load.http}/api/boards`, { method: 'POST', body })),
    loop('board.json', 200, () => fetch(`${board}/board.json`, auth(load.viewToken))),
  ])
  return { pdfs, imports, boardJsons, unexpected }
}

async function edits(load: Extract<Load, { mode: 'edits' }>): Promise<EditsDone> {
  const clients = [0, 1].map(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(load.ws, load.boardId, doc, {
      params: { t: load.editToken },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    return { doc, provider }
  })
  await Promise.all(
    clients.map(({ provider }) => new Promise((resolve) => provider.once('sync', resolve))),
  )
  const sentAt = new Map<string, number>()
  const fanOut: number[] = []
  for (const { doc } of clients) {
    doc.getMap('items').observe((event) => {
      if (!event.transaction.origin) return // the client's own edit, not one from the relay
      for (const key of event.keysChanged) {
        const at = sentAt.get(key)
        if (at !== undefined) fanOut.push(performance.now() - at)
      }
    })
  }
  process.stdout.write('started\n')
  let turn = 0
  const timer = setInterval(() => {
    const from = clients[turn++ % 2]!.doc
    const id = addSticky(from, { kind: 'note', text: `ping ${turn}`, x: turn, y: 0 })
    sentAt.set(id, performance.now())
  }, EDIT_EVERY_MS)
  await new Promise((resolve) => setTimeout(resolve, load.durationMs))
  clearInterval(timer)
  const deadline = performance.now() + 10_000
  while (fanOut.length < sentAt.size && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20))
  for (const { doc, provider } of clients) {
    provider.destroy()
    doc.destroy()
  }
  return { fanOut: fanOut.sort((a, b) => a - b), lost: sentAt.size - fanOut.length }
}

const load = JSON.parse(process.argv[2] ?? '') as Load
const done = load.mode === 'heavy' ? await heavy(load) : await edits(load)
process.stdout.write(JSON.stringify(done))
process.exit(0)
