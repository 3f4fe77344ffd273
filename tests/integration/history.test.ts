// History at the relay: versions are taken when a board is first opened, every interval while it
// changes and at every step change; a restore is one change every connected client receives, undone
// by restoring the version taken just before it; versions outlive compaction and a restart, go
// with their board, and only the facilitator link sees them.
import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSticky,
  deleteItems,
  itemsMap,
  lockBoard,
  readBoard,
  setStep,
  setText,
  setTitle,
  type ItemId,
} from '../../shared/index.ts'
import { createRelay } from '../../server/app.ts'
import { createLogger } from '../../server/log.ts'
import { Metrics } from '../../server/metrics.ts'
import { openStorage } from '../../server/storage.ts'
import type { VersionInfo } from '../../server/store/types.ts'
import {
  closedAfterEach,
  createBoard,
  startRelay,
  storedDoc,
  testConfig,
  synced,
  tempDir,
  type Client,
  type CreatedBoard,
  type RunningRelay,
} from './helpers.ts'

const { relays, open } = closedAfterEach()

async function relay(...args: Parameters<typeof startRelay>): Promise<RunningRelay> {
  const r = await startRelay(...args)
  relays.push(r)
  return r
}

/** The history routes of docs/api.md, with one board's token. */
function historyApi(r: RunningRelay, board: CreatedBoard, token = board.facilitatorToken) {
  const base = `${r.http}/api/boards/${board.id}/versions`
  const headers = { Authorization: `Bearer ${token}` }
  return {
    list: () => fetch(base, { headers }),
    preview: (n: number) => fetch(`${base}/${n}`, { headers }),
    restore: (n: number) => fetch(`${base}/${n}/restore`, { method: 'POST', headers }),
    async versions(): Promise<VersionInfo[]> {
      const res = await fetch(base, { headers })
      expect(res.status).toBe(200)
      return ((await res.json()) as { versions: VersionInfo[] }).versions
    },
  }
}

const stickyTexts = (from: Client | Y.Doc) =>
  readBoard(from instanceof Y.Doc ? from : from.doc)
    .items.flatMap((item) => (item.type === 'sticky' ? [item.text] : []))
    .sort()

function addStickies(client: Client, texts: readonly string[]): ItemId[] {
  return texts.map((text, i) => addSticky(client.doc, { kind: 'plus', x: i * 200, y: 0, text }))
}

const reasons = (versions: readonly VersionInfo[]) => versions.map((version) => version.reason)

describe('history', () => {
  it('takes a first version, one per interval while the board changes, none while it rests', async () => {
    const r = await relay(tempDir(), { historyIntervalMs: 150 })
    const board = await createBoard(r.http)
    const api = historyApi(r, board)
    const editor = open(r.ws, board.id, board.editToken)
    await synced(editor)
    await expect.poll(async () => reasons(await api.versions())).toEqual(['first'])

    addStickies(editor, ['Leest graag', 'Helpt anderen'])
    await expect
      .poll(async () => (await api.versions())[0], { timeout: 5_000 })
      .toMatchObject({ n: 2, reason: 'interval', step: 'voorbereiding', points: 2 })
    addStickies(editor, ['Sport op woensdag'])
    await expect.poll(async () => (await api.versions())[0]?.points).toBe(3)

    // Quiet for several intervals: nothing new is kept.
    const kept = (await api.versions()).length
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(await api.versions()).toHaveLength(kept)
  })

  it('takes a version at every step change, holding the board as the step left it', async () => {
    const r = await relay()
    const board = await createBoard(r.http)
    const api = historyApi(r, board)
    const facilitator = open(r.ws, board.id, board.facilitatorToken)
    const control = open(r.ws, `${board.id}.control`, board.facilitatorToken)
    await Promise.all([synced(facilitator), synced(control)])
    await expect.poll(async () => reasons(await api.versions())).toEqual(['first'])

    addStickies(facilitator, ['Vraag van moeder'])
    await expect.poll(() => r.relay.metrics.bytesPersisted).toBeGreaterThan(0)
    setStep(control.doc, 'start')
    await expect
      .poll(async () => (await api.versions())[0])
      .toMatchObject({ reason: 'step', step: 'voorbereiding', points: 1 })
    // Another control change is not a step change.
    lockBoard(control.doc, true)
    setStep(control.doc, 'overzicht')
    await expect
      .poll(async () => (await api.versions()).map((v) => [v.reason, v.step]))
      .toEqual([
        ['step', 'start'],
        ['step', 'voorbereiding'],
        ['first', 'voorbereiding'],
      ])
  })

  it('restores deleted and changed items on every connected client, and undoes that', async () => {
    const r = await relay()
    const board = await createBoard(r.http)
    const api = historyApi(r, board)
    const facilitator = open(r.ws, board.id, board.facilitatorToken)
    const control = open(r.ws, `${board.id}.control`, board.facilitatorToken)
    const anna = open(r.ws, board.id, board.editToken)
    const bram = open(r.ws, board.id, board.editToken)
    await Promise.all([facilitator, control, anna, bram].map(synced))

    const ids = addStickies(anna, ['Leest graag', 'Helpt anderen', 'Sport op woensdag'])
    setTitle(anna.doc, 'MDO Sam')
    await expect.poll(() => stickyTexts(bram)).toHaveLength(3)
    setStep(control.doc, 'start')
    await expect.poll(async () => (await api.versions())[0]?.reason).toBe('step')
    const [atStep] = await api.versions()

    // One participant clears the board and rewrites what is left.
    deleteItems(bram.doc, ids.slice(0, 2))
    setText(bram.doc, ids[2]!, 'text', 'weg ermee')
    setTitle(bram.doc, 'weg')
    const cleared = ['weg ermee']
    for (const client of [facilitator, anna]) {
      await expect.poll(() => stickyTexts(client)).toEqual(cleared)
    }

    const res = await api.restore(atStep!.n)
    expect(res.status).toBe(200)
    const { restored, before } = (await res.json()) as {
      restored: VersionInfo
      before: VersionInfo
    }
    expect(restored.n).toBe(atStep!.n)
    expect(before).toMatchObject({ reason: 'restore', points: 1 })
    const original = ['Helpt anderen', 'Leest graag', 'Sport op woensdag']
    for (const client of [facilitator, anna, bram]) {
      await expect.poll(() => stickyTexts(client)).toEqual(original)
      expect(readBoard(client.doc).meta.title).toBe('MDO Sam')
    }
    // The same items came back, not copies under new ids.
    expect([...itemsMap(anna.doc).keys()]).toEqual(expect.arrayContaining(ids))

    // Restoring the version taken just before undoes the restore, on every screen again.
    expect((await api.restore(before.n)).status).toBe(200)
    for (const client of [facilitator, anna, bram]) {
      await expect.poll(() => stickyTexts(client)).toEqual(cleared)
      expect(readBoard(client.doc).meta.title).toBe('weg')
    }
    // And a newcomer loads the board as it now is.
    const late = open(r.ws, board.id, board.viewToken)
    await synced(late)
    expect(stickyTexts(late)).toEqual(cleared)
  })

  it('keeps versions through compaction and a restart, and previews them as board JSON', async () => {
    const dataDir = tempDir()
    let r = await relay(dataDir, { compactRows: 5 })
    const board = await createBoard(r.http)
    const facilitator = open(r.ws, board.id, board.facilitatorToken)
    const control = open(r.ws, `${board.id}.control`, board.facilitatorToken)
    await Promise.all([synced(facilitator), synced(control)])
    const ids = addStickies(facilitator, ['een', 'twee', 'drie', 'vier'])
    await expect.poll(() => r.relay.metrics.bytesPersisted).toBeGreaterThan(0)
    setStep(control.doc, 'start')
    await expect.poll(async () => (await historyApi(r, board).versions())[0]?.reason).toBe('step')
    const [atStep] = await historyApi(r, board).versions()

    // Many more changes: the log is compacted several times over, the deleted stickies with it.
    deleteItems(facilitator.doc, ids)
    for (let i = 0; i < 20; i++) setTitle(facilitator.doc, `titel ${i}`)
    await expect.poll(() => stickyTexts(storedDoc(dataDir, board.id))).toEqual([])
    facilitator.destroy()
    control.destroy()
    await r.close()
    relays.splice(relays.indexOf(r), 1)

    r = await relay(dataDir)
    const api = historyApi(r, board)
    expect((await api.versions()).map((v) => v.n)).toContain(atStep!.n)
    const preview = await api.preview(atStep!.n)
    expect(preview.status).toBe(200)
    expect(preview.headers.get('cache-control')).toBe('no-store')
    const body = (await preview.json()) as ReturnType<typeof readBoard> & { version: VersionInfo }
    expect(body.version).toEqual(atStep)
    expect(body.items.filter((item) => item.type === 'sticky').map((item) => item.id)).toEqual(
      expect.arrayContaining(ids),
    )
    expect((await api.restore(atStep!.n)).status).toBe(200)
    const after = open(r.ws, board.id, board.facilitatorToken)
    await synced(after)
    expect(stickyTexts(after)).toEqual(['drie', 'een', 'twee', 'vier'])
  })

  it('deletes versions with their board, and shows them to the facilitator link only', async () => {
    const r = await relay()
    const board = await createBoard(r.http)
    const facilitator = open(r.ws, board.id, board.facilitatorToken)
    await synced(facilitator)
    const api = historyApi(r, board)
    await expect.poll(async () => (await api.versions()).length).toBe(1)

    for (const token of [board.editToken, board.viewToken, 'x'.repeat(32)]) {
      const other = historyApi(r, board, token)
      for (const res of [await other.list(), await other.preview(1), await other.restore(1)]) {
        expect(res.status).toBe(403)
      }
    }
    expect((await historyApi(r, board, '').list()).status).toBe(401)
    expect((await api.preview(99)).status).toBe(404)
    expect((await api.restore(99)).status).toBe(404)

    const deleted = await fetch(`${r.http}/api/boards/${board.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
    })
    expect(deleted.status).toBe(204)
    expect(versionRows(r.dataDir, board.id)).toBe(0)
    expect((await api.list()).status).toBe(403)
  })

  it('restores a board that is over its size limit, removing what no screen shows', async () => {
    const dataDir = tempDir()
    const r = await relay(dataDir, { limits: { maxDocBytes: 200_000 } })
    const board = await createBoard(r.http)
    const api = historyApi(r, board)
    let facilitator = open(r.ws, board.id, board.facilitatorToken)
    await synced(facilitator)
    addStickies(facilitator, ['Leest graag'])
    await expect.poll(async () => reasons(await api.versions())).toEqual(['first'])
    const [first] = await api.versions()
    facilitator.destroy()
    await expect.poll(() => r.relay.rooms.openRooms).toBe(0)

    // A participant's 250 kB in a map of their own, stored before anyone reopens the board.
    const junk = new Y.Doc()
    junk.getMap('x').set('blob', 'x'.repeat(250_000))
    await r.relay.store.appendUpdates([
      { boardId: board.id, kind: 'content', update: Y.encodeStateAsUpdate(junk) },
    ])
    facilitator = open(r.ws, board.id, board.facilitatorToken)
    const editor = open(r.ws, board.id, board.editToken)
    await Promise.all([synced(facilitator), synced(editor)])
    expect(facilitator.doc.getMap('x').size).toBe(1)
    addStickies(editor, ['komt niet aan'])
    await expect.poll(() => editor.closes).toContain(4413)

    expect((await api.restore(first!.n)).status).toBe(200)
    await expect.poll(() => facilitator.doc.getMap('x').size).toBe(0)
    await expect.poll(() => storedDoc(dataDir, board.id).getMap('x').size).toBe(0)
    await expect
      .poll(() => Y.encodeStateAsUpdate(storedDoc(dataDir, board.id)).byteLength)
      .toBeLessThan(20_000)

    // Once the snapshot is made, the board takes writes again.
    const next = open(r.ws, board.id, board.editToken)
    await synced(next)
    addStickies(next, ['weer welkom'])
    await expect.poll(() => stickyTexts(facilitator)).toContain('weer welkom')
  })
})

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const schemas: string[] = []
afterAll(async () => {
  if (schemas.length === 0) return
  const db = new pg.Client({ connectionString: DATABASE_URL })
  await db.connect()
  for (const schema of schemas) await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await db.end()
})

/** Two relay processes' worth of relays in this one: PostgreSQL and Redis streams, shared. */
async function clusterOfTwo(): Promise<[RunningRelay, RunningRelay]> {
  const id = randomBytes(5).toString('hex')
  schemas.push(`mdo_history_${id}`)
  const start = async (): Promise<RunningRelay> => {
    const dataDir = tempDir()
    const config = testConfig(dataDir, {
      databaseUrl: DATABASE_URL,
      databaseSchema: `mdo_history_${id}`,
      redisUrl: REDIS_URL,
      redisPrefix: `mdo-history-${id}`,
      leaseMs: 900,
      clusterCompactMs: 200,
    })
    const logs: string[] = []
    const log = createLogger('info', (line) => logs.push(line))
    const metrics = new Metrics()
    const { store, backend } = await openStorage(config, log, metrics)
    const relay = createRelay(config, { log, store, metrics, ...(backend ? { backend } : {}) })
    const port = await relay.listen()
    const running = {
      relay,
      port,
      http: `http://127.0.0.1:${port}`,
      ws: `ws://127.0.0.1:${port}/ws`,
      dataDir,
      logs,
      close: () => relay.close(),
    }
    relays.push(running)
    return running
  }
  return [await start(), await start()]
}

describe('history in a cluster', () => {
  it('keeps a step change both relays saw once, and a restore on one reaches the other', async () => {
    const [a, b] = await clusterOfTwo()
    const board = await createBoard(a.http)
    const facilitator = open(a.ws, board.id, board.facilitatorToken)
    const control = open(a.ws, `${board.id}.control`, board.facilitatorToken)
    const editor = open(b.ws, board.id, board.editToken)
    const watching = open(b.ws, `${board.id}.control`, board.viewToken)
    await Promise.all([facilitator, control, editor, watching].map(synced))
    const api = historyApi(b, board)
    await expect.poll(async () => reasons(await api.versions())).toEqual(['first'])

    const ids = addStickies(editor, ['Leest graag', 'Helpt anderen'])
    await expect.poll(() => stickyTexts(facilitator)).toHaveLength(2)
    setStep(control.doc, 'start')
    await expect.poll(() => watching.doc.getMap('control').get('step')).toBe('start')
    await expect.poll(async () => reasons(await api.versions())).toEqual(['step', 'first'])
    const [atStep] = await api.versions()
    expect(atStep!.points).toBe(2)

    deleteItems(editor.doc, ids)
    await expect.poll(() => stickyTexts(facilitator)).toEqual([])
    expect((await historyApi(a, board).restore(atStep!.n)).status).toBe(200)
    for (const client of [facilitator, editor]) {
      await expect.poll(() => stickyTexts(client)).toEqual(['Helpt anderen', 'Leest graag'])
    }
    // Both relays saw the step change; it is in the list once.
    expect(reasons(await api.versions())).toEqual(['restore', 'step', 'first'])
  })
})

function versionRows(dataDir: string, boardId: string): number {
  const db = new Database(join(dataDir, 'boards.sqlite'), { readonly: true })
  try {
    return (
      db.prepare('SELECT COUNT(*) AS n FROM doc_versions WHERE board_id = ?').get(boardId) as {
        n: number
      }
    ).n
  } finally {
    db.close()
  }
}
