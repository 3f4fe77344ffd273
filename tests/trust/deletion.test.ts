// Deleted means gone: once a board is deleted, expires, or goes with its workshop, the text written
// on it is in no byte of any file of the data directory (SQLite's free pages and WAL included) and
// in no row of PostgreSQL. The relay is the real one, on the real stores.
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSticky, readBoard } from '../../shared/index.ts'
import { CLOSE } from '../../shared/closeCodes.ts'
import { createRelay } from '../../server/app.ts'
import { createLogger } from '../../server/log.ts'
import { openPostgresStore } from '../../server/store/postgres.ts'
import { openSqliteStore } from '../../server/store/sqlite.ts'
import {
  type RunningRelay,
  closedAfterEach,
  countRows,
  createBoard,
  startRelay,
  storedDoc,
  synced,
  tempDir,
  testConfig,
} from '../integration/helpers.ts'

const DAY = 86_400_000
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const { relays, open } = closedAfterEach()

/** A text no test writes twice: what a child's file would say, and a random tail. */
const diagnosis = () =>
  `Diagnose Zoë (groep 5): ADHD en dyslexie, medicatie methylfenidaat ${randomBytes(6).toString('hex')}`

/** Every file under `dir` whose bytes contain `text` (UTF-8, as SQLite and Yjs store it). */
function filesHolding(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8')
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => {
    const path = join(dir, name)
    return statSync(path).isFile() && readFileSync(path).includes(needle)
  })
}

/** The sticky texts of a stored content document. */
const stickiesOf = (doc: Y.Doc) =>
  readBoard(doc).items.flatMap((item) => (item.type === 'sticky' ? [item.text] : []))

type StoredTexts = (boardId: string) => string[] | Promise<string[]>
const inSqlite =
  (dataDir: string): StoredTexts =>
  (boardId) =>
    stickiesOf(storedDoc(dataDir, boardId))

/** The relay and clients a test needs from a running relay, whatever its store. */
type Relayed = Pick<RunningRelay, 'ws' | 'relay'>

/**
 * Writes `text` on the board so the relay holds it in every form it stores: a snapshot (the room
 * unloads and compacts), log rows (written again after that) and a version. Returns the client
 * still open.
 */
async function writeEverywhere(
  r: Relayed,
  stored: StoredTexts,
  boardId: string,
  token: string,
  text: string,
) {
  const first = open(r.ws, boardId, token)
  await synced(first)
  addSticky(first.doc, { kind: 'need', text, x: 0, y: 0 })
  await expect.poll(() => stored(boardId)).toContain(text)
  first.destroy()
  await expect.poll(() => r.relay.rooms.isOpen(boardId)).toBe(false)
  const second = open(r.ws, boardId, token)
  await synced(second)
  addSticky(second.doc, { kind: 'question', text: `${text} – nog eens`, x: 0, y: 200 })
  await expect.poll(() => stored(boardId)).toContain(`${text} – nog eens`)
  const version = await r.relay.store.addVersion(boardId, {
    at: Date.now(),
    step: null,
    points: 2,
    reason: 'interval',
    state: Y.encodeStateAsUpdate(second.doc),
  })
  expect(version).not.toBeNull()
  return second
}

/** As writeEverywhere, on SQLite; and the scan can see the text there before the delete. */
async function writeEverywhereOnDisk(
  r: RunningRelay,
  boardId: string,
  token: string,
  text: string,
) {
  const client = await writeEverywhere(r, inSqlite(r.dataDir), boardId, token, text)
  // Without this the tests below would pass on a scan that sees nothing.
  expect(filesHolding(r.dataDir, text)).not.toEqual([])
  return client
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('SQLite: the deleted text is in no file of the data directory', () => {
  it('after the voorzitter deletes the board, with someone still on it', async () => {
    const r = await startRelay()
    relays.push(r)
    const text = diagnosis()
    const board = await createBoard(r.http, 'mdo', `MDO ${text}`)
    const client = await writeEverywhereOnDisk(r, board.id, board.editToken, text)

    const res = await fetch(`${r.http}/api/boards/${board.id}`, {
      method: 'DELETE',
      headers: bearer(board.facilitatorToken),
    })
    expect(res.status).toBe(204)
    // Checked at once, with the relay still running: the answer comes after the wipe.
    expect(readdirSync(r.dataDir).sort()).toEqual([
      'boards.sqlite',
      'boards.sqlite-shm',
      'boards.sqlite-wal',
    ])
    expect(filesHolding(r.dataDir, text)).toEqual([])
    await expect.poll(() => client.closes).toContain(CLOSE.boardGone)
    expect(filesHolding(r.dataDir, text)).toEqual([])
  })

  it('after the board expires', async () => {
    let clock = Date.UTC(2026, 2, 2)
    const r = await startRelay(undefined, {}, () => clock)
    relays.push(r)
    const text = diagnosis()
    const board = await createBoard(r.http, 'mdo', `MDO ${text}`)
    ;(await writeEverywhereOnDisk(r, board.id, board.editToken, text)).destroy()
    await expect.poll(() => r.relay.rooms.isOpen(board.id)).toBe(false)

    clock += 31 * DAY
    expect(await r.relay.boards.sweep()).toBe(1)
    expect(filesHolding(r.dataDir, text)).toEqual([])
  })

  it('while other boards keep writing: the delete waits for nothing and loses none of theirs', async () => {
    const r = await startRelay()
    relays.push(r)
    const text = diagnosis()
    const board = await createBoard(r.http)
    await writeEverywhereOnDisk(r, board.id, board.editToken, text)
    const other = await createBoard(r.http)
    const busy = open(r.ws, other.id, other.editToken)
    await synced(busy)
    let n = 0
    const writing = setInterval(
      () => addSticky(busy.doc, { kind: 'note', text: `n${n++}`, x: n, y: 0 }),
      2,
    )
    try {
      await expect.poll(() => n).toBeGreaterThan(20)
      const res = await fetch(`${r.http}/api/boards/${board.id}`, {
        method: 'DELETE',
        headers: bearer(board.facilitatorToken),
      })
      expect(res.status).toBe(204)
      expect(filesHolding(r.dataDir, text)).toEqual([])
      const before = n
      await expect.poll(() => n).toBeGreaterThan(before + 20)
    } finally {
      clearInterval(writing)
    }
    const written = stickiesOf(busy.doc).sort()
    expect(written).toHaveLength(n)
    await expect.poll(async () => (await inSqlite(r.dataDir)(other.id)).sort()).toEqual(written)
    expect(r.logs.filter((line) => /failed/.test(line))).toEqual([])
  })

  it('when a reader holds the WAL: the delete still answers, and the bytes go once it lets go', async () => {
    const r = await startRelay()
    relays.push(r)
    const text = diagnosis()
    const board = await createBoard(r.http)
    await writeEverywhereOnDisk(r, board.id, board.editToken, text)
    // Another process reading the file (a backup, say) keeps the WAL from being emptied.
    const reader = new Database(join(r.dataDir, 'boards.sqlite'), { readonly: true })
    reader.exec('BEGIN')
    reader.prepare('SELECT COUNT(*) FROM boards').get()
    try {
      const res = await fetch(`${r.http}/api/boards/${board.id}`, {
        method: 'DELETE',
        headers: bearer(board.facilitatorToken),
      })
      expect(res.status).toBe(204)
      expect(
        (
          await fetch(`${r.http}/api/boards/${board.id}`, {
            headers: bearer(board.facilitatorToken),
          })
        ).status,
      ).toBe(403)
    } finally {
      reader.exec('COMMIT')
      reader.close()
    }
    await expect.poll(() => filesHolding(r.dataDir, text), { timeout: 5_000 }).toEqual([])
  })
})

interface WorkshopBoard {
  id: string
  links: Partial<Record<'facilitator' | 'edit' | 'view', string>>
  takenOver: boolean
}
interface Workshop {
  id: string
  leaderToken: string
  link: string
  plenary: WorkshopBoard
  tables: WorkshopBoard[]
}

const tokenOf = (link: string | undefined) => link?.split('#t=')[1] ?? ''

async function createWorkshop(r: RunningRelay, title: string, tables = 2): Promise<Workshop> {
  const res = await fetch(`${r.http}/api/workshops`, {
    method: 'POST',
    body: JSON.stringify({ tables, title }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as Workshop
}

const getWorkshop = (r: RunningRelay, id: string, token: string) =>
  fetch(`${r.http}/api/workshops/${id}`, { headers: bearer(token) })
const roleOf = async (r: RunningRelay, boardId: string, link: string | undefined) => {
  const res = await fetch(`${r.http}/api/boards/${boardId}`, { headers: bearer(tokenOf(link)) })
  return res.ok ? ((await res.json()) as { role: string }).role : res.status
}
const rotate = (r: RunningRelay, boardId: string, facilitatorLink: string, role: string) =>
  fetch(`${r.http}/api/boards/${boardId}/rotate`, {
    method: 'POST',
    headers: bearer(tokenOf(facilitatorLink)),
    body: JSON.stringify({ role }),
  }).then(async (res) => {
    expect(res.status).toBe(200)
    return ((await res.json()) as { link: string }).link
  })

describe('SQLite: a file from before secure_delete', () => {
  it('is rebuilt once on first open, so text deleted back then leaves its free pages', async () => {
    const file = join(tempDir(), 'boards.sqlite')
    const text = diagnosis()
    // As an older relay left it: a row deleted without zeroing, the WAL checkpointed on close.
    const old = new Database(file)
    old.pragma('journal_mode = WAL')
    old.pragma('secure_delete = OFF')
    old.exec('CREATE TABLE notes (id TEXT PRIMARY KEY, text TEXT NOT NULL)')
    old.prepare('INSERT INTO notes VALUES (?, ?)').run('b1', `${text} ${'x'.repeat(5_000)}`)
    old.prepare('DELETE FROM notes WHERE id = ?').run('b1')
    old.close()
    expect(filesHolding(dirname(file), text)).toEqual(['boards.sqlite'])

    const store = openSqliteStore(file)
    try {
      expect(filesHolding(dirname(file), text)).toEqual([])
    } finally {
      await store.close()
    }
  })
})

describe('SQLite: a workshop that goes takes its text with it', () => {
  it('deleted by its leader: the tables’ text and the workshop’s title are in no file', async () => {
    const r = await startRelay()
    relays.push(r)
    const text = diagnosis()
    const title = `Wijk ${randomBytes(6).toString('hex')}`
    const workshop = await createWorkshop(r, title)
    const table = workshop.tables[1]!
    await writeEverywhereOnDisk(r, table.id, tokenOf(table.links.edit), text)
    expect(filesHolding(r.dataDir, title)).not.toEqual([])

    const res = await fetch(`${r.http}/api/workshops/${workshop.id}`, {
      method: 'DELETE',
      headers: bearer(workshop.leaderToken),
    })
    expect(res.status).toBe(204)
    expect(filesHolding(r.dataDir, text)).toEqual([])
    expect(filesHolding(r.dataDir, title)).toEqual([])
  })

  it('expired: once its boards are swept, the workshop’s title is in no file', async () => {
    let clock = Date.UTC(2026, 2, 2)
    const r = await startRelay(undefined, {}, () => clock)
    relays.push(r)
    const title = `Wijk ${randomBytes(6).toString('hex')}`
    await createWorkshop(r, title, 1)
    expect(filesHolding(r.dataDir, title)).not.toEqual([])
    clock += 31 * DAY
    expect(await r.relay.boards.sweep()).toBe(2)
    expect(await r.relay.workshops.sweep()).toBe(1)
    expect(filesHolding(r.dataDir, title)).toEqual([])
  })
})

describe('PostgreSQL: no row of the deleted board is left in any table', () => {
  const schemas: string[] = []
  afterAll(async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL })
    await client.connect()
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await client.end()
  })

  /** Tables of the schema holding `text`, as text or in a bytea column (hex), in any row. */
  async function tablesHolding(schema: string, text: string): Promise<string[]> {
    const hex = Buffer.from(text, 'utf8').toString('hex')
    const client = new pg.Client({ connectionString: DATABASE_URL })
    await client.connect()
    try {
      const { rows: tables } = await client.query<{ name: string }>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1',
        [schema],
      )
      const found: string[] = []
      for (const { name } of tables) {
        const { rows } = await client.query<{ row: string }>(
          `SELECT t::text AS row FROM ${schema}."${name}" t`,
        )
        if (rows.some(({ row }) => row.includes(text) || row.includes(hex))) found.push(name)
      }
      return found
    } finally {
      await client.end()
    }
  }

  it('after a delete and after an expiry, on the relay with the PostgreSQL store', async () => {
    let clock = Date.UTC(2026, 2, 2)
    const schema = `mdo_test_${randomBytes(6).toString('hex')}`
    schemas.push(schema)
    const store = await openPostgresStore({ connectionString: DATABASE_URL, schema })
    const relay = createRelay(testConfig(tempDir()), {
      log: createLogger('warn', () => {}),
      store,
      now: () => clock,
    })
    const port = await relay.listen()
    const r = { relay, ws: `ws://127.0.0.1:${port}/ws` }
    relays.push({
      ...r,
      port,
      http: `http://127.0.0.1:${port}`,
      dataDir: '',
      logs: [],
      close: () => relay.close(),
    })
    const http = `http://127.0.0.1:${port}`
    const stored: StoredTexts = async (boardId) => {
      const { snapshot, updates } = await store.loadDoc(boardId, 'content')
      const doc = new Y.Doc()
      if (snapshot) Y.applyUpdate(doc, snapshot)
      for (const update of updates) Y.applyUpdate(doc, update)
      return stickiesOf(doc)
    }

    const deleted = { text: diagnosis(), board: await createBoard(http) }
    const writer = await writeEverywhere(
      r,
      stored,
      deleted.board.id,
      deleted.board.editToken,
      deleted.text,
    )
    // Looked at while the board is open: once it unloads, compaction folds the log into docs.
    expect((await tablesHolding(schema, deleted.text)).sort()).toEqual([
      'doc_updates',
      'doc_versions',
      'docs',
    ])
    writer.destroy()
    const res = await fetch(`${http}/api/boards/${deleted.board.id}`, {
      method: 'DELETE',
      headers: bearer(deleted.board.facilitatorToken),
    })
    expect(res.status).toBe(204)
    expect(await tablesHolding(schema, deleted.text)).toEqual([])
    expect(await tablesHolding(schema, deleted.board.id)).toEqual([])

    const expired = { text: diagnosis(), board: await createBoard(http, 'mdo', 'MDO Daan') }
    ;(
      await writeEverywhere(r, stored, expired.board.id, expired.board.editToken, expired.text)
    ).destroy()
    await expect.poll(() => relay.rooms.isOpen(expired.board.id)).toBe(false)
    clock += 31 * DAY
    expect(await relay.boards.sweep()).toBe(1)
    expect(await tablesHolding(schema, expired.text)).toEqual([])
    expect(await tablesHolding(schema, expired.board.id)).toEqual([])
  })
})

describe("renewing a workshop leader's link", () => {
  it('the old link stops, the new one works, the boards get new links with it', async () => {
    const r = await startRelay()
    relays.push(r)
    const workshop = await createWorkshop(r, 'Wijk Noord')
    const [first, second] = workshop.tables as [WorkshopBoard, WorkshopBoard]
    // Table 2's voorzitter renewed its edit link: the table is theirs now.
    const ownEdit = await rotate(r, second.id, second.links.facilitator!, 'edit')
    const atTable = open(r.ws, first.id, tokenOf(first.links.edit))
    await synced(atTable)

    const res = await fetch(`${r.http}/api/workshops/${workshop.id}/renew`, {
      method: 'POST',
      headers: bearer(workshop.leaderToken),
    })
    expect(res.status).toBe(200)
    const renewed = (await res.json()) as Workshop
    expect(renewed.leaderToken).not.toBe(workshop.leaderToken)
    expect(renewed.link).toBe(`/w/${workshop.id}#t=${renewed.leaderToken}`)

    expect((await getWorkshop(r, workshop.id, workshop.leaderToken)).status).toBe(403)
    const again = await getWorkshop(r, workshop.id, renewed.leaderToken)
    expect(again.status).toBe(200)
    const { leaderToken: _token, link: _link, ...view } = renewed
    expect(await again.json()).toEqual(view)

    // The workshop's own boards: every old link refused, its sockets closed, the new ones work.
    await expect.poll(() => atTable.closes).toContain(CLOSE.forbidden)
    for (const [before, after] of [
      [workshop.plenary, renewed.plenary],
      [first, renewed.tables[0]!],
    ] as const) {
      expect(after.takenOver).toBe(false)
      for (const role of ['facilitator', 'edit', 'view'] as const) {
        expect(await roleOf(r, before.id, before.links[role])).toBe(403)
        expect(await roleOf(r, after.id, after.links[role])).toBe(role)
      }
    }
    // The taken-over table keeps every link it had, and is out of the leader's reach.
    expect(renewed.tables[1]).toMatchObject({ id: second.id, links: {}, takenOver: true })
    expect(await roleOf(r, second.id, ownEdit)).toBe('edit')
    expect(await roleOf(r, second.id, second.links.facilitator)).toBe('facilitator')

    // The old link cannot renew again.
    const stale = await fetch(`${r.http}/api/workshops/${workshop.id}/renew`, {
      method: 'POST',
      headers: bearer(workshop.leaderToken),
    })
    expect(stale.status).toBe(403)
  })

  it('a leader link does not delete a table whose voorzitter renewed its links', async () => {
    const r = await startRelay()
    relays.push(r)
    const workshop = await createWorkshop(r, 'Wijk Zuid')
    const [first, second] = workshop.tables as [WorkshopBoard, WorkshopBoard]
    const ownFacilitator = await rotate(r, first.id, first.links.facilitator!, 'facilitator')
    // The table's edit link was renewed with it: it derives from the voorzitter's.
    const ownEdit = await rotate(r, first.id, ownFacilitator, 'edit')
    const text = diagnosis()
    const writer = open(r.ws, first.id, tokenOf(ownEdit))
    await synced(writer)
    addSticky(writer.doc, { kind: 'need', text, x: 0, y: 0 })
    await expect.poll(() => inSqlite(r.dataDir)(first.id)).toContain(text)
    const view = (await (
      await getWorkshop(r, workshop.id, workshop.leaderToken)
    ).json()) as Workshop
    expect(view.tables.map((table) => table.takenOver)).toEqual([true, false])

    const res = await fetch(`${r.http}/api/workshops/${workshop.id}`, {
      method: 'DELETE',
      headers: bearer(workshop.leaderToken),
    })
    expect(res.status).toBe(204)
    expect(countRows(r.dataDir, second.id)).toBe(0)
    expect(countRows(r.dataDir, workshop.plenary.id)).toBe(0)
    // Table 1 is its voorzitter's: still there, with its links and its text.
    expect(await roleOf(r, first.id, ownFacilitator)).toBe('facilitator')
    expect(await roleOf(r, first.id, ownEdit)).toBe('edit')
    expect(writer.closes).toEqual([])
    expect(inSqlite(r.dataDir)(first.id)).toContain(text)
    expect((await getWorkshop(r, workshop.id, workshop.leaderToken)).status).toBe(403)
  })
})
