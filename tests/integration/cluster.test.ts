// Several relay processes serving the same boards through Redis streams and PostgreSQL: a real
// redis-server of the test's own (so it can be killed) and the machine's PostgreSQL.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import pg from 'pg'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { CLOSE } from '../../shared/closeCodes.ts'
import { addSticky } from '../../shared/index.ts'
import {
  type Client,
  connect,
  createBoard,
  freePort,
  spawnRelay,
  synced,
  tempDir,
  killHard,
} from './helpers.ts'
import { notesOf } from './notes.ts'

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const processes: ChildProcess[] = []
let clients: Client[] = []
const schemas: string[] = []

afterEach(() => {
  for (const client of clients) client.destroy()
  clients = []
  for (const child of processes.splice(0)) child.kill('SIGKILL')
})
afterAll(async () => {
  const db = new pg.Client({ connectionString: DATABASE_URL })
  await db.connect()
  for (const schema of schemas) await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await db.end()
})

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  )
  processes.push(child)
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const probe = spawn('redis-cli', ['-p', String(port), 'ping'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      })
      let out = ''
      probe.stdout.on('data', (chunk) => (out += chunk))
      probe.on('exit', () => resolve(out.includes('PONG')))
    })
    if (ok) return child
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('redis-server did not start')
}

interface Cluster {
  env: Record<string, string>
  redisPort: number
  relay(port?: number): Promise<{ child: ChildProcess; port: number; http: string; ws: string }>
}

async function cluster(): Promise<Cluster> {
  const redisPort = await freePort()
  await startRedis(redisPort)
  const schema = `mdo_cluster_${randomBytes(5).toString('hex')}`
  schemas.push(schema)
  const env = {
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    LEASE_MS: '900',
    CLUSTER_COMPACT_MS: '200',
    // The tests poll board.json; the limits on heavy work have tests of their own.
    HEAVY_PER_BOARD_PER_MINUTE: '0',
    HEAVY_PER_ADDRESS_PER_MINUTE: '0',
  }
  return {
    env,
    redisPort,
    async relay(port?: number) {
      const chosen = port ?? (await freePort())
      const child = await spawnRelay(tempDir(), chosen, env)
      processes.push(child)
      return {
        child,
        port: chosen,
        http: `http://127.0.0.1:${chosen}`,
        ws: `ws://127.0.0.1:${chosen}/ws`,
      }
    },
  }
}

/** How far into the Redis stream the board's PostgreSQL snapshot reaches. */
async function snapshotMark(schema: string, boardId: string): Promise<string | null> {
  const db = new pg.Client({ connectionString: DATABASE_URL })
  await db.connect()
  try {
    const { rows } = await db.query<{ stream_id: string | null }>(
      `SELECT stream_id FROM ${schema}.docs WHERE board_id = $1 AND kind = 'content'`,
      [boardId],
    )
    return rows[0]?.stream_id ?? null
  } finally {
    await db.end()
  }
}

const notes = (client: Client) => new Set(notesOf(client.doc).toArray())
const open = (ws: string, room: string, token: string) => {
  const client = connect(ws, room, token)
  clients.push(client)
  return client
}

/** Every client adds a note every `everyMs`; returns the notes made and a stop function. */
function burst(editors: Client[], everyMs = 15) {
  const made = new Set<string>()
  const timers = editors.map((client, c) => {
    let n = 0
    return setInterval(() => {
      const note = `c${c}-${n++}`
      made.add(note)
      notesOf(client.doc).push([note])
    }, everyMs)
  })
  return { made, stop: () => timers.forEach(clearInterval) }
}

describe('cluster', () => {
  it('keeps clients of one board on two relays in step, and a late third relay catches up', async () => {
    const c = await cluster()
    const [a, b] = [await c.relay(), await c.relay()]
    const board = await createBoard(a.http)
    const onA = open(a.ws, board.id, board.editToken)
    const onB = open(b.ws, board.id, board.editToken)
    await Promise.all([synced(onA), synced(onB)])

    notesOf(onA.doc).push(['via A: Zoë'])
    notesOf(onB.doc).push(['via B: één'])
    await expect.poll(() => notes(onA)).toEqual(new Set(['via A: Zoë', 'via B: één']))
    await expect.poll(() => notes(onB)).toEqual(new Set(['via A: Zoë', 'via B: één']))
    onA.provider.awareness.setLocalStateField('user', { name: 'Juf Anna' })
    await expect
      .poll(() => onB.provider.awareness.getStates().get(onA.doc.clientID)?.user?.name)
      .toBe('Juf Anna')

    const late = await c.relay()
    const onC = open(late.ws, board.id, board.viewToken)
    await synced(onC)
    expect(notes(onC)).toEqual(new Set(['via A: Zoë', 'via B: één']))
    expect(onC.doc.getMap('items').size).toBeGreaterThan(0)
  })

  it(
    "gives another relay's board JSON and PDF of a board open elsewhere, without loading it",
    { timeout: 60_000 },
    async () => {
      const c = await cluster()
      const [a, b] = [await c.relay(), await c.relay()]
      const board = await createBoard(a.http)
      const onA = open(a.ws, board.id, board.editToken)
      await synced(onA)
      const auth = { headers: { Authorization: `Bearer ${board.facilitatorToken}` } }
      const textsOnB = async () => {
        const res = await fetch(`${b.http}/api/boards/${board.id}/board.json`, auth)
        const { items } = (await res.json()) as { items: Record<string, { text?: string }> }
        return new Set(Object.values(items).map((item) => item.text))
      }
      addSticky(onA.doc, { kind: 'plus', text: 'via A: Zoë', x: 0, y: 0 })
      // The first job also starts B's worker thread.
      await expect.poll(textsOnB, { timeout: 15_000 }).toContain('via A: Zoë')
      // Once the lease holder has folded the stream into a snapshot, B reads both.
      await expect
        .poll(() => snapshotMark(c.env.DATABASE_SCHEMA!, board.id), { timeout: 10_000 })
        .not.toBeNull()
      addSticky(onA.doc, { kind: 'need', text: 'via A: één', x: 0, y: 0 })
      await expect.poll(textsOnB, { timeout: 10_000 }).toContain('via A: één')
      expect(await textsOnB()).toContain('via A: Zoë')
      const pdf = await fetch(`${b.http}/api/boards/${board.id}/export.pdf`, auth)
      expect(pdf.status).toBe(200)
      expect(pdf.headers.get('content-type')).toBe('application/pdf')
      // B read the board from Redis and PostgreSQL: it has no room of it loaded.
      const metrics = await (await fetch(`${b.http}/metrics`)).text()
      expect(metrics).toMatch(/^mdo_rooms_open 0$/m)
    },
  )

  it('rotates and deletes from any relay, closing sockets on every relay', async () => {
    const c = await cluster()
    const [a, b] = [await c.relay(), await c.relay()]
    const board = await createBoard(a.http)
    const editorOnB = open(b.ws, board.id, board.editToken)
    const viewerOnA = open(a.ws, board.id, board.viewToken)
    await Promise.all([synced(editorOnB), synced(viewerOnA)])

    const rotated = await fetch(`${a.http}/api/boards/${board.id}/rotate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
      body: JSON.stringify({ role: 'edit' }),
    })
    expect(rotated.status).toBe(200)
    await expect.poll(() => editorOnB.closes).toContain(CLOSE.forbidden)

    const deleted = await fetch(`${b.http}/api/boards/${board.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
    })
    expect(deleted.status).toBe(204)
    await expect.poll(() => viewerOnA.closes).toContain(CLOSE.boardGone)
  })

  it('loses nothing when the lease holder is SIGKILLed mid-burst, and another relay compacts', async () => {
    const c = await cluster()
    const [a, b] = [await c.relay(), await c.relay()]
    const board = await createBoard(a.http)
    const editors = [open(a.ws, board.id, board.editToken), open(b.ws, board.id, board.editToken)]
    await Promise.all(editors.map(synced))
    const nodeOf = async (http: string) =>
      ((await (await fetch(`${http}/healthz`)).json()) as { node: string }).node
    const [nodeA, nodeB] = [await nodeOf(a.http), await nodeOf(b.http)]
    const holder = async () => {
      const probe = spawn('redis-cli', [
        '-p',
        String(c.redisPort),
        'GET',
        `mdo:lease:${board.id}:content`,
      ])
      let out = ''
      probe.stdout!.on('data', (chunk) => (out += chunk))
      await once(probe, 'exit')
      return out.trim()
    }

    const load = burst(editors)
    await expect.poll(holder, { timeout: 5_000 }).toMatch(/^[0-9a-f]{16}$/)
    const first = await holder()
    const [victim, survivor] = first === nodeA ? [a, b] : [b, a]
    expect([nodeA, nodeB]).toContain(first)
    await expect.poll(() => snapshotMark(c.env.DATABASE_SCHEMA!, board.id)).not.toBeNull()
    await killHard(victim.child)
    const markAtKill = await snapshotMark(c.env.DATABASE_SCHEMA!, board.id)
    // The victim's port comes back as a new relay; its clients reconnect there.
    const revived = await c.relay(victim.port)
    await new Promise((resolve) => setTimeout(resolve, 600))
    load.stop()

    for (const client of editors)
      await expect.poll(() => notes(client).size, { timeout: 15_000 }).toBe(load.made.size)
    const survivorNode = await nodeOf(survivor.http)
    const revivedNode = await nodeOf(revived.http)
    await expect
      .poll(holder, { timeout: 10_000 })
      .toMatch(new RegExp(`^(${survivorNode}|${revivedNode})$`))
    // The new holder folds the stream on: the snapshot's stream position moves past the kill.
    await expect
      .poll(() => snapshotMark(c.env.DATABASE_SCHEMA!, board.id), { timeout: 10_000 })
      .not.toBe(markAtKill)

    // Everything is stored: a fresh client through a fresh relay reads every note.
    for (const client of editors) client.destroy()
    clients = []
    const third = await c.relay()
    const reader = open(third.ws, board.id, board.viewToken)
    await synced(reader)
    expect(notes(reader)).toEqual(load.made)
  })

  it('converges after Redis restarts mid-session', async () => {
    const c = await cluster()
    const [a, b] = [await c.relay(), await c.relay()]
    const board = await createBoard(a.http)
    const editors = [open(a.ws, board.id, board.editToken), open(b.ws, board.id, board.editToken)]
    await Promise.all(editors.map(synced))

    const load = burst(editors, 25)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const redis = processes.find((child) => child.spawnargs[0] === 'redis-server')!
    await killHard(redis)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await startRedis(c.redisPort)
    await new Promise((resolve) => setTimeout(resolve, 600))
    load.stop()

    for (const client of editors)
      await expect.poll(() => notes(client).size, { timeout: 15_000 }).toBe(load.made.size)
    const late = open(b.ws, board.id, board.viewToken)
    await synced(late)
    await expect.poll(() => notes(late).size, { timeout: 10_000 }).toBe(load.made.size)
  })
})
