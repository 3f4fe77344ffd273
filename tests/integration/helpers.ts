// Test fixtures: a real relay on a free port (in-process or as a child process), real y-websocket
// providers over real sockets, and a read-only look into the SQLite file.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import WebSocket from 'ws'
import { afterEach } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createRelay, type Relay } from '../../server/app.ts'
import { readConfig, type Config, type Limits } from '../../server/config.ts'
import { createLogger } from '../../server/log.ts'

export interface CreatedBoard {
  id: string
  facilitatorToken: string
  editToken: string
  viewToken: string
  links: Record<'facilitator' | 'edit' | 'view', string>
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'mdo-test-'))

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

export type ConfigOverrides = Partial<Omit<Config, 'limits'>> & { limits?: Partial<Limits> }

export function testConfig(dataDir: string, overrides: ConfigOverrides = {}): Config {
  const base = readConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    UNLOAD_DELAY_MS: '50',
  })
  return { ...base, ...overrides, limits: { ...base.limits, ...overrides.limits } }
}

export interface RunningRelay {
  relay: Relay
  port: number
  http: string
  ws: string
  dataDir: string
  logs: string[]
  close(): Promise<void>
}

/** The relay in this process, on a free port, logging into `logs`. */
export async function startRelay(
  dataDir = tempDir(),
  overrides: ConfigOverrides = {},
  now?: () => number,
): Promise<RunningRelay> {
  const logs: string[] = []
  const relay = createRelay(testConfig(dataDir, overrides), {
    log: createLogger('info', (line) => logs.push(line)),
    ...(now ? { now } : {}),
  })
  const port = await relay.listen()
  return {
    relay,
    port,
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}/ws`,
    dataDir,
    logs,
    close: () => relay.close(),
  }
}

/** The relay as its own process, so a test can SIGKILL it. */
export async function spawnRelay(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`relay exited with ${child.exitCode}`)
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) return child
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error('relay did not start')
}

/** SIGKILL, and wait until the process is really gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL')
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit')
}

export async function createBoard(
  http: string,
  template = 'mdo',
  title = 'Test',
): Promise<CreatedBoard> {
  const res = await fetch(`${http}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ template, title }),
  })
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreatedBoard
}

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  closes: number[]
  destroy(): void
}

/** A stock y-websocket provider, as a browser would use it (minus the broadcast channel). */
export function connect(ws: string, room: string, token: string, protocols?: string[]): Client {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(ws, room, doc, {
    params: token ? { t: token } : {},
    ...(protocols ? { protocols } : {}),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  })
  const closes: number[] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export function synced(client: Client): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      client.provider.off('sync', onSync)
      resolve()
    }
    client.provider.on('sync', onSync)
  })
}

/** Opens a raw socket and resolves with the close code the relay sends. */
export function closeCodeOf(url: string, send?: (socket: WebSocket) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.on('open', () => send?.(socket))
    socket.on('close', (code) => resolve(code))
    socket.on('error', () => undefined)
    setTimeout(() => reject(new Error(`no close from ${url.split('?')[0]}`)), 10_000)
  })
}

/** The board's document as stored on disk: snapshot plus log, read without the relay. */
export function storedDoc(dataDir: string, boardId: string, kind = 'content'): Y.Doc {
  const db = new Database(join(dataDir, 'boards.sqlite'), { readonly: true })
  try {
    const doc = new Y.Doc()
    const row = db
      .prepare<[string, string], { id: number; snapshot: Buffer | null }>(
        'SELECT id, snapshot FROM docs WHERE board_id = ? AND kind = ?',
      )
      .get(boardId, kind)
    if (!row) return doc
    if (row.snapshot) Y.applyUpdate(doc, row.snapshot)
    const updates = db
      .prepare<[number], { data: Buffer }>(
        'SELECT data FROM doc_updates WHERE doc = ? ORDER BY seq',
      )
      .all(row.id)
    for (const update of updates) Y.applyUpdate(doc, update.data)
    return doc
  } finally {
    db.close()
  }
}

/** Every row on disk that belongs to the board, in any table. */
export function countRows(dataDir: string, boardId: string): number {
  const db = new Database(join(dataDir, 'boards.sqlite'), { readonly: true })
  try {
    const count = (sql: string) => (db.prepare(sql).get(boardId) as { n: number }).n
    return (
      count('SELECT COUNT(*) AS n FROM boards WHERE id = ?') +
      count('SELECT COUNT(*) AS n FROM docs WHERE board_id = ?') +
      count(
        'SELECT COUNT(*) AS n FROM doc_updates WHERE doc IN (SELECT id FROM docs WHERE board_id = ?)',
      )
    )
  } finally {
    db.close()
  }
}

/** Log rows whose document is gone: a delete must leave none. */
export function orphanRows(dataDir: string): number {
  const db = new Database(join(dataDir, 'boards.sqlite'), { readonly: true })
  try {
    const sql = 'SELECT COUNT(*) AS n FROM doc_updates WHERE doc NOT IN (SELECT id FROM docs)'
    return (db.prepare(sql).get() as { n: number }).n
  } finally {
    db.close()
  }
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true })

/**
 * The relays and clients one test opens, all closed after it: `relays.push(running)` for a relay,
 * `open(...)` for a client (the arguments of `connect`).
 */
export function closedAfterEach() {
  const relays: RunningRelay[] = []
  const clients: Client[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const relay of relays.splice(0)) await relay.close()
  })
  const open = (...args: Parameters<typeof connect>) => {
    const client = connect(...args)
    clients.push(client)
    return client
  }
  return { relays, open }
}

/** A raw GET, so a test sees the bytes as sent (fetch would unzip them) and every header. */
export function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
      })
        .on('error', reject)
        .end()
    },
  )
}
