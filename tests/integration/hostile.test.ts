// Malformed and hostile frames close the socket that sent them, and only that one; limits refuse
// with their own close codes. The relay keeps serving every other board.
import { seededRandom } from '../unit/helpers/random.ts'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import { CLOSE } from '../../shared/closeCodes.ts'
import {
  type Client,
  type RunningRelay,
  closeCodeOf,
  connect,
  createBoard,
  startRelay,
  synced,
} from './helpers.ts'
import { notesOf } from './notes.ts'

let r: RunningRelay
let clients: Client[] = []
afterEach(async () => {
  for (const client of clients) client.destroy()
  clients = []
  await r?.close()
})

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part)
    else encoding.writeVarUint8Array(encoder, part)
  }
  return encoding.toUint8Array(encoder)
}

/** A seeded mix of garbage: random bytes, lies about lengths, unknown types, truncations. */
function hostileFrames(count: number, seed: number): (Uint8Array | string)[] {
  const random = seededRandom(seed)
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random.next() * 256))
  const makers: (() => Uint8Array | string)[] = [
    () => bytes(Math.floor(random.next() * 64)),
    () => frame(0, 2, bytes(1 + Math.floor(random.next() * 40))), // an update that is not Yjs
    () => frame(0, 0, bytes(1 + Math.floor(random.next() * 20))), // a state vector that is not one
    () => frame(0, 1, bytes(1 + Math.floor(random.next() * 40))), // sync step 2 of garbage
    () => Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]), // claims 4 GB
    () => frame(0, 2, bytes(30)).subarray(0, 12), // truncated
    () => frame(1, bytes(1 + Math.floor(random.next() * 30))), // awareness garbage
    () => frame(1, frame(1, 7, 1, new TextEncoder().encode('{"x":'))).subarray(0, 9),
    () => frame(7 + Math.floor(random.next() * 100)), // unknown message type
    () => frame(0, 9, bytes(3)), // unknown sync type
    () => Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
    () => 'een tekstbericht in plaats van binair',
    () => new Uint8Array(0),
  ]
  return Array.from({ length: count }, () => makers[Math.floor(random.next() * makers.length)]!())
}

describe('hostile input', () => {
  it('survives 1,000 random and malformed frames while other boards keep working', async () => {
    r = await startRelay()
    const target = await createBoard(r.http)
    const bystander = await createBoard(r.http)
    const a = connect(r.ws, bystander.id, bystander.editToken)
    const b = connect(r.ws, bystander.id, bystander.editToken)
    clients.push(a, b)
    await Promise.all([synced(a), synced(b)])

    const codes = new Map<number, number>()
    const frames = hostileFrames(1000, 20261122)
    const url = `${r.ws}/${target.id}?t=${target.editToken}`
    // Eight sockets at a time; a socket that gets closed is replaced by a fresh one.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (frames.length > 0) {
          await new Promise<void>((resolve) => {
            const socket = new WebSocket(url)
            socket.on('open', () => {
              const send = () => {
                const next = frames.pop()
                if (next === undefined) return socket.close()
                socket.send(next, () =>
                  setImmediate(() => socket.readyState === socket.OPEN && send()),
                )
              }
              send()
            })
            socket.on('error', () => undefined)
            socket.on('close', (code) => {
              codes.set(code, (codes.get(code) ?? 0) + 1)
              resolve()
            })
          })
        }
      }),
    )
    expect(codes.get(CLOSE.badMessage)).toBeGreaterThan(100)
    for (const code of codes.keys()) {
      // 1000: we closed it; 1002/1009: ws refused a broken frame; 4400: the relay refused a
      // message; 4422: an update that parsed but does not apply or writes what no one may.
      expect([1000, 1002, 1005, 1006, 1007, 1009, CLOSE.badMessage, CLOSE.refused]).toContain(code)
    }

    notesOf(a.doc).push(['nog steeds hier'])
    await expect.poll(() => notesOf(b.doc).toArray()).toEqual(['nog steeds hier'])
    expect((await fetch(`${r.http}/healthz`)).status).toBe(200)
    const fresh = connect(r.ws, target.id, target.editToken)
    clients.push(fresh)
    await synced(fresh)
    expect(fresh.doc.getMap('items').size).toBeGreaterThan(0)
  })
})

describe('limits', () => {
  it('closes a socket that sends a message over the size limit', async () => {
    r = await startRelay(undefined, { limits: { maxMessageBytes: 1024 } })
    const board = await createBoard(r.http)
    const code = await closeCodeOf(`${r.ws}/${board.id}?t=${board.editToken}`, (socket) =>
      socket.send(frame(0, 2, new Uint8Array(4096))),
    )
    expect(code).toBe(1009)
  })

  it('closes a socket that sends too many messages per second', async () => {
    r = await startRelay(undefined, { limits: { messagesPerSecond: 20, messageBurst: 20 } })
    const board = await createBoard(r.http)
    const code = await closeCodeOf(`${r.ws}/${board.id}?t=${board.editToken}`, (socket) => {
      for (let i = 0; i < 200; i++) socket.send(frame(3))
    })
    expect(code).toBe(CLOSE.tooMany)
  })

  it('refuses a connection over the per-board limit', async () => {
    r = await startRelay(undefined, { limits: { maxConnectionsPerBoard: 2 } })
    const board = await createBoard(r.http)
    clients.push(connect(r.ws, board.id, board.editToken), connect(r.ws, board.id, board.editToken))
    await Promise.all(clients.map(synced))
    expect(await closeCodeOf(`${r.ws}/${board.id}?t=${board.editToken}`)).toBe(CLOSE.tooMany)
  })

  it('refuses an edit that would grow the board past its size limit', async () => {
    r = await startRelay(undefined, { limits: { maxDocBytes: 20_000 } })
    const board = await createBoard(r.http)
    const writer = connect(r.ws, board.id, board.editToken)
    clients.push(writer)
    await synced(writer)
    writer.doc.getArray<string>('notes').push(['x'.repeat(30_000)])
    await expect.poll(() => writer.closes).toContain(CLOSE.boardTooLarge)
  })
})

describe('presence', () => {
  it('refuses a presence state larger than 2 KiB', async () => {
    r = await startRelay()
    const board = await createBoard(r.http)
    const huge = new TextEncoder().encode(JSON.stringify({ user: { name: 'x'.repeat(20_000) } }))
    const code = await closeCodeOf(`${r.ws}/${board.id}?t=${board.viewToken}`, (socket) =>
      socket.send(frame(1, frame(1, 42, 1, huge))),
    )
    expect(code).toBe(CLOSE.badMessage)
  })
})
