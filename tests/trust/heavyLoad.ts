// The load of tests/trust/heavyWork.test.ts, run as a process of its own so that receiving PDFs,
// sending board files and reading board.json costs the relay's process nothing: one loop each of
// PDF exports, imports and board.json requests of one board, for a while. Prints what it did.
// `node --import tsx tests/trust/heavyLoad.ts <json of HeavyLoad>`
import { readFileSync } from 'node:fs'

export interface HeavyLoad {
  http: string
  boardId: string
  facilitatorToken: string
  viewToken: string
  /** A file holding the body of an import (POST /api/boards). */
  importBody: string
  durationMs: number
}

export interface HeavyLoadDone {
  pdfs: number
  imports: number
  boardJsons: number
  /** Answers other than 200 (201 for an import), as "route status". */
  unexpected: string[]
}

const load = JSON.parse(process.argv[2] ?? '') as HeavyLoad
const body = readFileSync(load.importBody, 'utf8')
const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } })
const board = `${load.http}/api/boards/${load.boardId}`
const until = performance.now() + load.durationMs
const unexpected: string[] = []

/** One request after another until the time is up; the count of those answered as expected. */
async function loop(name: string, ok: number, request: () => Promise<Response>): Promise<number> {
  let count = 0
  while (performance.now() < until) {
    const res = await request()
    await res.arrayBuffer()
    if (res.status === ok) count++
    else unexpected.push(`${name} ${res.status}`)
  }
  return count
}

const [pdfs, imports, boardJsons] = await Promise.all([
  loop('export.pdf', 200, () => fetch(`${board}/export.pdf`, auth(load.facilitatorToken))),
  loop('import', 201, () => fetch(`${load.http}/api/boards`, { method: 'POST', body })),
  loop('board.json', 200, () => fetch(`${board}/board.json`, auth(load.viewToken))),
])
const done: HeavyLoadDone = { pdfs, imports, boardJsons, unexpected }
process.stdout.write(JSON.stringify(done))
