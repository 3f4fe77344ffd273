// "No stranger can exhaust the relay", tried as an attacker with a modified client would: sockets
// without a valid token that keep sending 2 MB frames after being refused, a link that keeps
// writing after its rotation and never answers the close frame, a crowd of view sockets, one
// address opening socket after socket, /metrics from outside, a malformed % escape. Each row of
// the table is replayed against a real relay, asserting the opposite of what happened.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/closeCodes.ts'
import { encodeSyncStep1, encodeUpdate, parseFrame } from '../../server/relay/protocol.ts'
import { createRelay } from '../../server/app.ts'
import { createLogger } from '../../server/log.ts'
import { openSqliteStore } from '../../server/store/sqlite.ts'
import {
  closeCodeOf,
  closedAfterEach,
  createBoard,
  freePort,
  killHard,
  rawGet,
  spawnRelay,
  startRelay,
  storedDoc,
  synced,
  tempDir,
  testConfig,
} from '../integration/helpers.ts'
import { notesOf } from '../integration/notes.ts'
import { rawSocket, type RawSocket } from './rawSocket.ts'

const { relays, open } = closedAfterEach()
const raws: RawSocket[] = []
const sockets: WebSocket[] = []
afterEach(() => {
  for (const raw of raws.splice(0)) raw.destroy()
  for (const socket of sockets.splice(0)) socket.terminate()
})
const raw = (...args: Parameters<typeof rawSocket>) => {
  const socket = rawSocket(...args)
  raws.push(socket)
  return socket
}

const MiB = 1024 * 1024
/** Resident memory of a process, from the kernel's own count. */
const rssOf = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(match?.[1]) * 1024
}
const mib = (bytes: number) => (bytes / MiB).toFixed(1)

describe('sockets without a valid token sending 2 MB frames', () => {
  let child: ChildProcess | null = null
  afterEach(async () => {
    if (child) await killHard(child)
    child = null
  })

  it('keep the relay under a memory bound and are cut off within a second', async () => {
    const port = await freePort()
    child = await spawnRelay(tempDir(), port)
    const pid = child.pid!
    const http = `http://127.0.0.1:${port}`
    const board = await createBoard(http)
    const urls = [
      `ws://127.0.0.1:${port}/ws/${board.id}`, // no token
      `ws://127.0.0.1:${port}/ws/${board.id}?t=${'x'.repeat(32)}`, // a wrong one
    ]
    const baseline = rssOf(pid)
    let peak = baseline
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 25)

    // Just under the relay's 2 MiB message limit, so the websocket layer itself takes each one.
    const payload = Buffer.alloc(2 * MiB - 64, 1)
    const until = performance.now() + 3000
    const graces: number[] = []
    let opened = 0
    let frames = 0
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        while (performance.now() < until) {
          const socket = raw(urls[worker % urls.length]!)
          if ((await socket.status) !== 101) continue
          opened++
          void socket.closeFrame.then(async ({ at }) => graces.push((await socket.gone) - at))
          // Write as fast as the relay reads, never answering its close frame.
          for (let writing = true; writing;) {
            frames++
            writing = socket.send(payload) || (await socket.drained())
          }
          await socket.gone
        }
      }),
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    clearInterval(sampler)

    const bound = baseline + 64 * MiB
    console.table({
      'relay RSS before, MiB': mib(baseline),
      'relay RSS peak, MiB': mib(peak),
      'bound, MiB': mib(bound),
      'sockets opened (8 at a time, 3 s)': opened,
      '2 MiB frames written': frames,
      'close frame → cut off, max ms': Math.round(Math.max(...graces)),
    })
    expect(graces.length).toBe(opened)
    expect(Math.max(...graces)).toBeLessThan(1500)
    expect(peak).toBeLessThan(bound)
    // The relay still serves its boards.
    expect((await fetch(`${http}/healthz`)).status).toBe(200)
  }, 30_000)
})

describe('a rotated link that never answers the close frame', () => {
  it('gets none of its writes after the rotation to anyone, and is cut off', async () => {
    const r = await startRelay()
    relays.push(r)
    const board = await createBoard(r.http)
    const observer = open(r.ws, board.id, board.editToken)
    await synced(observer)

    // The voorzitter's link, on a client that writes real stickies but ignores every close.
    const doc = new Y.Doc()
    const attacker = raw(`${r.ws}/${board.id}?t=${board.facilitatorToken}`)
    expect(await attacker.status).toBe(101)
    attacker.send(encodeSyncStep1(Y.encodeStateVector(doc)))
    await expect.poll(() => attacker.received.some((m) => m[0] === 0 && m[1] === 1)).toBe(true)
    for (const message of attacker.received) {
      const frame = parseFrame(message)
      if (frame.kind === 'sync-step2' || frame.kind === 'update') Y.applyUpdate(doc, frame.update)
    }
    doc.on('update', (update: Uint8Array) => attacker.send(encodeUpdate(update)))
    notesOf(doc).push(['voor de vervanging'])
    // The channel works: a write before the rotation arrives.
    await expect.poll(() => notesOf(observer.doc).toArray()).toContain('voor de vervanging')

    const res = await fetch(`${r.http}/api/boards/${board.id}/rotate`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${board.facilitatorToken}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ role: 'facilitator' }),
    })
    expect(res.status).toBe(200)
    // A new voorzitter link renews the edit link too (it derives from it): the table's new one.
    const { links } = (await res.json()) as { links: { edit: string } }
    const newEditToken = new URLSearchParams(links.edit.split('#')[1]).get('t')!
    const writes = setInterval(() => notesOf(doc).push([`na de vervanging ${Date.now()}`]), 20)
    const { code, at } = await attacker.closeFrame
    const gone = await attacker.gone
    clearInterval(writes)
    expect(code).toBe(CLOSE.forbidden)
    expect(gone - at).toBeLessThan(1500)
    expect(notesOf(doc).length).toBeGreaterThan(10)

    // A write made after the attacker was cut off arrives; none of the attacker's came before it.
    const other = open(r.ws, board.id, newEditToken)
    await synced(other)
    await r.relay.rooms.closeAll() // writes everything that arrived
    const late = (texts: string[]) => texts.filter((text) => text.startsWith('na de vervanging'))
    expect(notesOf(other.doc).toArray()).toContain('voor de vervanging')
    expect(late(notesOf(other.doc).toArray())).toEqual([])
    expect(late(notesOf(observer.doc).toArray())).toEqual([])
    expect(late(notesOf(storedDoc(r.dataDir, board.id)).toArray())).toEqual([])
    doc.destroy()
  })
})

describe('before the board is open', () => {
  it('holds at most 256 KiB of a socket while its link is checked', async () => {
    // A store that takes its time to find the board: what the socket sends meanwhile waits.
    const dataDir = tempDir()
    const store = openSqliteStore(join(dataDir, 'boards.sqlite'))
    const getBoard = store.getBoard.bind(store)
    let slow = false
    store.getBoard = async (id) => {
      if (slow) await new Promise((resolve) => setTimeout(resolve, 300))
      return getBoard(id)
    }
    const relay = createRelay(testConfig(dataDir), { log: createLogger('silent'), store })
    try {
      const port = await relay.listen()
      const board = await createBoard(`http://127.0.0.1:${port}`)
      slow = true
      const flood = raw(`ws://127.0.0.1:${port}/ws/${board.id}?t=${board.editToken}`)
      expect(await flood.status).toBe(101)
      for (let i = 0; i < 5; i++) flood.send(new Uint8Array(64 * 1024)) // 320 KiB
      expect((await flood.closeFrame).code).toBe(CLOSE.tooMany)
      // A client that sends what a client sends on open gets in after the wait.
      const honest = open(`ws://127.0.0.1:${port}/ws`, board.id, board.editToken)
      await synced(honest)
      expect(honest.closes).toEqual([])
      honest.destroy()
    } finally {
      await relay.close()
    }
  })
})

describe('a whole-state send', () => {
  it('checks that the board fits the socket buffer before it is sent', async () => {
    // A buffer smaller than the board, which the normal limits never allow: the check shows.
    const r = await startRelay(undefined, { limits: { maxBufferedBytes: 40_000 } })
    relays.push(r)
    const board = await createBoard(r.http)
    const writer = open(r.ws, board.id, board.editToken)
    await synced(writer)
    for (let i = 0; i < 6; i++) notesOf(writer.doc).push(['x'.repeat(9_000)])
    await expect.poll(() => notesOf(storedDoc(r.dataDir, board.id)).length).toBe(6)
    const newcomer = open(r.ws, board.id, board.viewToken)
    await expect.poll(() => newcomer.closes).toContain(CLOSE.slowConsumer)
    expect(notesOf(newcomer.doc).length).toBe(0)
    expect(writer.closes).toEqual([])
  })
})

describe('connection caps', () => {
  it('let the voorzitter and an edit link in while 100 view sockets are connected', async () => {
    const r = await startRelay(undefined, { limits: { maxConnectionsPerAddress: 400 } })
    relays.push(r)
    const board = await createBoard(r.http)
    const url = `${r.ws}/${board.id}?t=${board.viewToken}`
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        const socket = new WebSocket(url)
        sockets.push(socket)
        socket.on('error', () => undefined)
        // The relay's sync step 1 says the socket joined the room.
        await new Promise((resolve) => socket.once('message', resolve))
      }),
    )
    expect(await closeCodeOf(url)).toBe(CLOSE.tooMany)
    const voorzitter = open(r.ws, board.id, board.facilitatorToken)
    const editor = open(r.ws, board.id, board.editToken)
    await Promise.all([synced(voorzitter), synced(editor)])
    notesOf(editor.doc).push(['ik kom er nog in'])
    await expect.poll(() => notesOf(voorzitter.doc).toArray()).toEqual(['ik kom er nog in'])
    expect([...voorzitter.closes, ...editor.closes]).toEqual([])
  })

  it('limit the sockets one address may hold, and free the place when one goes', async () => {
    const r = await startRelay(undefined, { limits: { maxConnectionsPerAddress: 4 } })
    relays.push(r)
    const board = await createBoard(r.http)
    const url = `${r.ws}/${board.id}?t=${board.editToken}`
    const held = Array.from({ length: 4 }, () => raw(url))
    expect(await Promise.all(held.map((socket) => socket.status))).toEqual([101, 101, 101, 101])
    const refused = raw(url)
    expect(await refused.status).toBe(429)
    await refused.gone
    held[0]!.destroy()
    await held[0]!.gone
    await expect.poll(async () => raw(url).status).toBe(101)
  })
})

describe('/metrics', () => {
  it('answers this machine, or a request with METRICS_TOKEN; no one else', async () => {
    const token = 'metrics-token-of-the-operator'
    const r = await startRelay(undefined, { trustProxy: true, metricsToken: token })
    relays.push(r)
    const get = (headers: Record<string, string>) =>
      rawGet(`${r.http}/metrics`, headers).then((res) => res.status)
    const outside = { 'X-Forwarded-For': '203.0.113.7' }
    expect(await get({})).toBe(200)
    expect(await get(outside)).toBe(403)
    // A proxy that appends to what the client sent: the client's "127.0.0.1" does not count.
    expect(await get({ 'X-Forwarded-For': '127.0.0.1, 203.0.113.7' })).toBe(403)
    expect(await get({ ...outside, Authorization: 'Bearer not-the-token-at-all' })).toBe(403)
    expect(await get({ ...outside, Authorization: `Bearer ${token}` })).toBe(200)
  })

  it('without TRUST_PROXY, a request a proxy passed on is not this machine', async () => {
    const r = await startRelay()
    relays.push(r)
    const res = await rawGet(`${r.http}/metrics`, { 'X-Forwarded-For': '203.0.113.7' })
    expect(res.status).toBe(403)
    expect(JSON.parse(res.body.toString())).toHaveProperty('error')
  })
})

it('answers a malformed % escape with 400, not 500', async () => {
  const r = await startRelay()
  relays.push(r)
  for (const path of ['/%zz', '/assets/%E0%A4%A', '/b/%']) {
    const res = await rawGet(`${r.http}${path}`)
    expect(res.status, path).toBe(400)
    expect(JSON.parse(res.body.toString())).toHaveProperty('error')
  }
})
