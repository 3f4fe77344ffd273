// Bad input, generated: hostile websocket frames and HTTP requests. The relay stays up, memory
// stays bounded, other boards keep working, and every refusal is a close code or a 4xx JSON error.
import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/closeCodes.ts'
import { readBoard } from '../../shared/index.ts'
import {
  type Client,
  type RunningRelay,
  connect,
  createBoard,
  startRelay,
  synced,
} from '../integration/helpers.ts'
import { notesOf } from '../integration/notes.ts'

let r: RunningRelay
let bystanders: Client[] = []
let board: Awaited<ReturnType<typeof createBoard>>
let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20)

beforeAll(async () => {
  r = await startRelay(undefined, {
    limits: {
      maxMessageBytes: 64 * 1024,
      maxDocBytes: 256 * 1024,
      messagesPerSecond: 200,
      messageBurst: 400,
    },
  })
  board = await createBoard(r.http)
  const other = await createBoard(r.http)
  bystanders = [connect(r.ws, other.id, other.editToken), connect(r.ws, other.id, other.editToken)]
  await Promise.all(bystanders.map(synced))
})
afterAll(async () => {
  clearInterval(sampler)
  for (const client of bystanders) client.destroy()
  await r.close()
  console.log(
    `fuzz: peak RSS of the test process with the relay in it ${(peakRss / 2 ** 20).toFixed(0)} MB`,
  )
})

function message(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part)
    else encoding.writeVarUint8Array(encoder, part)
  }
  return encoding.toUint8Array(encoder)
}

const bytes = (max: number) => fc.uint8Array({ maxLength: max })
const deepJson = fc
  .integer({ min: 1, max: 20_000 })
  .map((depth) => '['.repeat(depth) + ']'.repeat(depth))
const hostileFrame = fc.oneof(
  bytes(200),
  bytes(60).map((payload) => message(0, 2, payload)),
  bytes(60).map((payload) => message(0, 1, payload)),
  bytes(30).map((payload) => message(0, 0, payload)),
  // A length prefix that promises far more than follows.
  fc.integer({ min: 1000, max: 2 ** 31 }).map((claimed) => {
    const head = message(0, 2)
    const encoder = encoding.createEncoder()
    encoding.writeUint8Array(encoder, head)
    encoding.writeVarUint(encoder, claimed)
    encoding.writeUint8Array(encoder, new Uint8Array([1, 2, 3]))
    return encoding.toUint8Array(encoder)
  }),
  // Presence: deep, huge, or many clients at once.
  deepJson.map((json) => message(1, message(1, 7, 1, new TextEncoder().encode(json)))),
  fc.integer({ min: 20, max: 2000 }).map((count) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, count)
    for (let i = 0; i < count; i++) {
      encoding.writeVarUint(encoder, 1000 + i)
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, '{"user":{"name":"x"}}')
    }
    return message(1, encoding.toUint8Array(encoder))
  }),
  // A valid sync step 2 bigger than the board may grow.
  fc.constant(null).map(() => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x'.repeat(60_000))
    return message(0, 1, Y.encodeStateAsUpdate(doc))
  }),
  fc.integer({ min: 4, max: 200 }).map((type) => message(type)),
  fc.string({ maxLength: 50 }),
)

function sendAll(frames: (Uint8Array | string)[], flood = false): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${r.ws}/${board.id}?t=${board.editToken}`)
    socket.on('open', () => {
      for (const frame of frames) socket.send(frame)
      if (flood) for (let i = 0; i < 3000; i++) socket.send(message(3))
      setTimeout(() => socket.close(), 200)
    })
    socket.on('error', () => undefined)
    socket.on('close', (code) => resolve(code))
  })
}

const ACCEPTABLE = [
  1000,
  1002,
  1005,
  1006,
  1007,
  1009,
  CLOSE.badMessage,
  CLOSE.tooMany,
  CLOSE.boardTooLarge,
  CLOSE.refused,
]

it('refuses hostile frames socket by socket and keeps serving', { timeout: 120_000 }, async () => {
  const codes = new Map<number, number>()
  await fc.assert(
    fc.asyncProperty(
      fc.array(hostileFrame, { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      async (frames, flood) => {
        const code = await sendAll(frames, flood)
        codes.set(code, (codes.get(code) ?? 0) + 1)
        return ACCEPTABLE.includes(code)
      },
    ),
    { numRuns: 300, seed: 20261122 },
  )
  console.log(`fuzz: close codes ${JSON.stringify(Object.fromEntries(codes))}`)
  expect(codes.get(CLOSE.badMessage) ?? 0).toBeGreaterThan(50)
  expect(codes.get(CLOSE.tooMany) ?? 0).toBeGreaterThan(0)

  const [a, b] = bystanders
  notesOf(a!.doc).push(['na de aanval'])
  await expect.poll(() => notesOf(b!.doc).toArray()).toContain('na de aanval')
  const fresh = connect(r.ws, board.id, board.viewToken)
  await synced(fresh)
  // Whatever got into the board, reading it never throws.
  expect(() => readBoard(fresh.doc)).not.toThrow()
  fresh.destroy()
  expect(peakRss).toBeLessThan(1024 * 2 ** 20)
})

it('answers hostile HTTP requests with 4xx JSON, never 5xx', { timeout: 60_000 }, async () => {
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')
  const segment = fc.oneof(
    fc.constantFrom('api', 'boards', 'rotate', board.id, '..', '%00', 'ws'),
    fc.string({ maxLength: 12 }),
  )
  const path = fc
    .array(segment, { maxLength: 5 })
    .map((parts) => '/api/' + parts.map(encodeURIComponent).join('/'))
  const body = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.json({ maxDepth: 4 }),
    fc.constant('{"template":'),
  )
  const auth = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 40 }).map((t) => `Bearer ${t}`),
  )
  await fc.assert(
    fc.asyncProperty(method, path, body, auth, async (m, p, b, a) => {
      const res = await fetch(`${r.http}${p}`, {
        method: m,
        headers: a ? { Authorization: a } : {},
        ...(m === 'GET' || m === 'OPTIONS' ? {} : { body: b }),
      })
      const text = await res.text()
      // `..` segments can normalise a path out of /api (to the client's pages): not the API's case.
      if (!new URL(res.url).pathname.startsWith('/api')) return true
      if (res.status >= 500) return false
      if (res.status >= 400)
        return (
          res.headers.get('content-type')?.includes('json') === true && 'error' in JSON.parse(text)
        )
      return true
    }),
    { numRuns: 400, seed: 20261122 },
  )
})
