// One contract, two stores: everything the relay relies on behaves the same in SQLite and in
// PostgreSQL (a real server; each run gets a schema of its own).
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openPostgresStore } from '../../server/store/postgres.ts'
import { openSqliteStore } from '../../server/store/sqlite.ts'
import type { BoardRecord, Store, VersionReason, WorkshopRecord } from '../../server/store/types.ts'
import { tempDir } from './helpers.ts'

export const DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const schemas: string[] = []
afterAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL })
  await client.connect()
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await client.end()
})

const stores: Record<string, () => Promise<Store>> = {
  sqlite: async () => openSqliteStore(join(tempDir(), 'boards.sqlite')),
  postgres: async () => {
    const schema = `mdo_test_${randomBytes(6).toString('hex')}`
    schemas.push(schema)
    return openPostgresStore({ connectionString: DATABASE_URL, schema })
  },
}

const board = (id: string): BoardRecord => ({
  id,
  title: 'MDO Zoë',
  template: 'mdo',
  createdAt: 1_000,
  lastActiveAt: 1_000,
  retentionDays: 30,
  tokenHashes: { facilitator: 'hash-f', edit: 'hash-e', view: 'hash-v' },
})

const workshop = (id: string, plenary: string, tables: string[]): WorkshopRecord => ({
  id,
  title: 'Netwerkbijeenkomst wijk Noord',
  template: 'tips-tops-interessant',
  createdAt: 2_000,
  leaderHash: 'hash-l',
  plenary,
  tables,
})

/** Real Yjs updates: each adds one entry to an array. */
function updates(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const out: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => out.push(update))
  for (let i = 0; i < count; i++) doc.getArray('notes').push([`n${i}`])
  return out
}

const notesOf = (snapshot: Uint8Array | null, logged: readonly Uint8Array[]) => {
  const doc = new Y.Doc()
  if (snapshot) Y.applyUpdate(doc, snapshot)
  for (const update of logged) Y.applyUpdate(doc, update)
  return doc.getArray('notes').toArray()
}

describe.each(Object.keys(stores))('store contract: %s', (name) => {
  let store: Store
  beforeEach(async () => {
    store = await stores[name]!()
  })
  afterEach(async () => {
    await store.close()
  })
  const empty = { content: Y.encodeStateAsUpdate(new Y.Doc()), control: new Uint8Array([0, 0]) }

  it('creates a board and reads it back; an unknown id reads as null', async () => {
    await store.createBoard(board('b1'), empty)
    expect(await store.getBoard('b1')).toEqual(board('b1'))
    expect(await store.getBoard('nope')).toBeNull()
  })

  it('replaces one token hash and leaves the others', async () => {
    await store.createBoard(board('b1'), empty)
    expect(await store.setTokenHash('b1', 'edit', 'new-hash')).toBe(true)
    expect((await store.getBoard('b1'))?.tokenHashes).toEqual({
      facilitator: 'hash-f',
      edit: 'new-hash',
      view: 'hash-v',
    })
    expect(await store.setTokenHash('nope', 'edit', 'x')).toBe(false)
  })

  it('logs updates per document in order and loads them with the snapshot', async () => {
    await store.createBoard(board('b1'), empty)
    const [a, b, c] = updates(3)
    await store.appendUpdates([
      { boardId: 'b1', kind: 'content', update: a! },
      { boardId: 'b1', kind: 'control', update: c! },
      { boardId: 'b1', kind: 'content', update: b! },
    ])
    const content = await store.loadDoc('b1', 'content')
    expect(content.updates.map((u) => Buffer.from(u))).toEqual([Buffer.from(a!), Buffer.from(b!)])
    expect(notesOf(content.snapshot, content.updates)).toEqual(['n0', 'n1'])
    expect((await store.loadDoc('b1', 'control')).updates).toHaveLength(1)
  })

  it('compacts the log into a snapshot that holds everything', async () => {
    await store.createBoard(board('b1'), empty)
    const all = updates(20)
    await store.appendUpdates(
      all.slice(0, 15).map((update) => ({ boardId: 'b1', kind: 'content' as const, update })),
    )
    await store.compactDoc('b1', 'content', () => Y.mergeUpdates(all.slice(0, 15)))
    await store.appendUpdates(
      all.slice(15).map((update) => ({ boardId: 'b1', kind: 'content' as const, update })),
    )
    const loaded = await store.loadDoc('b1', 'content')
    expect(loaded.updates).toHaveLength(5)
    expect(notesOf(loaded.snapshot, loaded.updates)).toHaveLength(20)
  })

  it('deletes a board with all its rows, once', async () => {
    await store.createBoard(board('b1'), empty)
    await store.createBoard(board('b2'), empty)
    await store.appendUpdates(
      updates(3).map((update) => ({ boardId: 'b1', kind: 'content' as const, update })),
    )
    expect(await store.deleteBoard('b1')).toBe(true)
    expect(await store.deleteBoard('b1')).toBe(false)
    expect(await store.getBoard('b1')).toBeNull()
    expect(await store.loadDoc('b1', 'content')).toEqual({ snapshot: null, updates: [] })
    // A late write for the deleted board is dropped, not stored without an owner.
    expect(
      await store.appendUpdates(
        updates(1).map((update) => ({ boardId: 'b1', kind: 'content' as const, update })),
      ),
    ).toBe(0)
    expect(await store.getBoard('b2')).not.toBeNull()
  })

  it('lists boards whose retention ran out since their last activity', async () => {
    const day = 86_400_000
    await store.createBoard(board('old'), empty)
    await store.createBoard({ ...board('short'), retentionDays: 2 }, empty)
    await store.createBoard(board('fresh'), empty)
    await store.touchBoard('fresh', 20 * day)
    expect(await store.expiredBoards(1_000 + 10 * day)).toEqual(['short'])
    expect((await store.expiredBoards(1_000 + 31 * day)).sort()).toEqual(['old', 'short'])
    expect(await store.setRetention('fresh', 5)).toBe(true)
    expect((await store.expiredBoards(26 * day)).sort()).toEqual(['fresh', 'short'])
  })

  it('only moves last activity forward', async () => {
    await store.createBoard(board('b1'), empty)
    await store.touchBoard('b1', 5_000)
    await store.touchBoard('b1', 2_000)
    expect((await store.getBoard('b1'))?.lastActiveAt).toBe(5_000)
  })

  it('stores a workshop with its plenary and tables in order', async () => {
    const tables = ['t3', 't1', 't2']
    for (const id of ['p', ...tables]) await store.createBoard(board(id), empty)
    await store.createWorkshop(workshop('w1', 'p', tables))
    expect(await store.getWorkshop('w1')).toEqual(workshop('w1', 'p', tables))
    expect(await store.getWorkshop('nope')).toBeNull()
  })

  it('deletes a workshop once, leaving the boards to the caller', async () => {
    await store.createBoard(board('p'), empty)
    await store.createWorkshop(workshop('w1', 'p', []))
    expect(await store.deleteWorkshop('w1')).toBe(true)
    expect(await store.deleteWorkshop('w1')).toBe(false)
    expect(await store.getWorkshop('w1')).toBeNull()
    expect(await store.getBoard('p')).not.toBeNull()
  })

  it('keeps versions of a board apart from its log: numbered, listed newest first, deleted with it', async () => {
    await store.createBoard(board('b1'), empty)
    await store.createBoard(board('b2'), empty)
    const all = updates(6)
    const state = (count: number) => Y.mergeUpdates(all.slice(0, count))
    const version = (at: number, reason: VersionReason, count: number, step = 'overzicht') => ({
      at,
      step,
      points: count,
      reason,
      state: state(count),
    })
    expect(await store.addVersion('b1', version(10, 'first', 1))).toMatchObject({ n: 1, at: 10 })
    expect(await store.addVersion('b1', version(20, 'step', 3, 'start'))).toMatchObject({ n: 2 })
    await store.addVersion('b2', version(25, 'interval', 2))
    // The log is compacted away; the versions keep what they held.
    await store.appendUpdates(
      all.map((update) => ({ boardId: 'b1', kind: 'content' as const, update })),
    )
    await store.compactDoc('b1', 'content', () => Y.mergeUpdates(all))
    const list = await store.listVersions('b1')
    expect(list.map((info) => [info.n, info.reason, info.step, info.points])).toEqual([
      [2, 'step', 'start', 3],
      [1, 'first', 'overzicht', 1],
    ])
    expect(list[0]!.bytes).toBe(state(3).byteLength)
    const second = await store.getVersion('b1', 2)
    expect(notesOf(second!.state, [])).toEqual(['n0', 'n1', 'n2'])
    expect(await store.getVersion('b1', 9)).toBeNull()
    expect(await store.getVersion('b2', 2)).toBeNull()
    await store.deleteVersions('b1', [1])
    expect((await store.listVersions('b1')).map((info) => info.n)).toEqual([2])
    expect(await store.deleteBoard('b1')).toBe(true)
    expect(await store.listVersions('b1')).toEqual([])
    expect(await store.addVersion('b1', version(30, 'interval', 1))).toBeNull()
    expect((await store.listVersions('b2')).map((info) => info.n)).toEqual([1])
  })

  it('stores a trigger seen twice once, within the window it is given', async () => {
    await store.createBoard(board('b1'), empty)
    const state = Y.encodeStateAsUpdate(new Y.Doc())
    const at = (ms: number, reason: VersionReason = 'step', step = 'start') => ({
      at: ms,
      step,
      points: 0,
      reason,
      state,
    })
    // Two relay processes at once: one row.
    const both = await Promise.all([
      store.addVersion('b1', at(1_000), 60_000),
      store.addVersion('b1', at(1_005), 60_000),
    ])
    expect(both.filter(Boolean)).toHaveLength(1)
    expect(await store.addVersion('b1', at(2_000, 'step', 'overzicht'), 60_000)).not.toBeNull()
    expect(await store.addVersion('b1', at(3_000, 'step', 'overzicht'), 60_000)).toBeNull()
    expect(await store.addVersion('b1', at(70_000, 'step', 'overzicht'), 60_000)).not.toBeNull()
    // Without a window every version is kept (before a restore, say).
    expect(await store.addVersion('b1', at(70_001, 'restore'))).not.toBeNull()
    expect(await store.addVersion('b1', at(70_002, 'restore'))).not.toBeNull()
    expect((await store.listVersions('b1')).map((info) => info.n)).toEqual([5, 4, 3, 2, 1])
  })

  it('lists a workshop as empty once none of its boards is left', async () => {
    for (const id of ['p1', 'a', 'b', 'p2', 'c']) await store.createBoard(board(id), empty)
    await store.createWorkshop(workshop('w1', 'p1', ['a', 'b']))
    await store.createWorkshop(workshop('w2', 'p2', ['c']))
    for (const id of ['p1', 'a']) await store.deleteBoard(id)
    expect(await store.emptyWorkshops()).toEqual([])
    await store.deleteBoard('b')
    expect(await store.emptyWorkshops()).toEqual(['w1'])
  })

  it("renews a workshop's leader hash with the boards still as read, in one step", async () => {
    for (const id of ['p', 'a', 'b']) await store.createBoard(board(id), empty)
    await store.createWorkshop(workshop('w1', 'p', ['a', 'b']))
    // Board b's voorzitter renewed a link after the leader read it: b stays as it is now.
    await store.setTokenHash('b', 'edit', 'own-e')
    const was = board('p').tokenHashes
    const to = (id: string) => ({ facilitator: `${id}-f2`, edit: `${id}-e2`, view: `${id}-v2` })
    const rehash = ['p', 'a', 'b'].map((id) => ({ id, from: was, to: to(id) }))
    expect(await store.renewWorkshopLeader('w1', 'hash-l', 'hash-l2', rehash)).toEqual(['p', 'a'])
    expect((await store.getWorkshop('w1'))?.leaderHash).toBe('hash-l2')
    expect((await store.getBoard('a'))?.tokenHashes).toEqual(to('a'))
    expect((await store.getBoard('b'))?.tokenHashes).toEqual({ ...was, edit: 'own-e' })
    // The old leader hash renews nothing more.
    expect(await store.renewWorkshopLeader('w1', 'hash-l', 'hash-l3', rehash)).toBeNull()
    expect(await store.renewWorkshopLeader('nope', 'hash-l', 'x', [])).toBeNull()
    expect((await store.getBoard('p'))?.tokenHashes).toEqual(to('p'))
  })
})
