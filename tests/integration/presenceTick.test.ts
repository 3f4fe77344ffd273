// Presence merged per tick (server/relay/presence.ts): stock y-websocket providers still see
// everyone's newest cursor and see a closed socket leave, while a receiver gets one awareness
// message per tick carrying many clients' states instead of one message per cursor move.
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { MESSAGE_AWARENESS } from '../../server/relay/protocol.ts'
import { closedAfterEach, createBoard, startRelay, synced } from './helpers.ts'

const { relays, open } = closedAfterEach()

/** Each awareness message a plain socket receives, as the client ids it carries. */
function awarenessListener(url: string) {
  const messages: number[][] = []
  const socket = new WebSocket(url)
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const ids: number[] = []
    for (let count = decoding.readVarUint(update); count > 0; count--) {
      ids.push(decoding.readVarUint(update))
      decoding.readVarUint(update) // clock
      decoding.readVarUint8Array(update) // state
    }
    messages.push(ids)
  })
  const opened = new Promise((resolve) => socket.once('open', resolve))
  return { messages, opened, close: () => socket.close() }
}

describe('presence merged per tick', () => {
  it('reaches every client with the newest cursor, in fewer messages, and leaves with its socket', async () => {
    const r = await startRelay(undefined, { presenceTickMs: 30 })
    relays.push(r)
    const board = await createBoard(r.http)
    const clients = Array.from({ length: 4 }, () => open(r.ws, board.id, board.editToken))
    await Promise.all(clients.map(synced))
    const listener = awarenessListener(`${r.ws}/${board.id}?t=${board.viewToken}`)
    await listener.opened
    const ids = clients.map((client) => client.doc.clientID)
    for (const [i, client] of clients.entries()) {
      client.provider.awareness.setLocalStateField('user', { name: `Deelnemer ${i + 1}` })
    }
    await expect
      .poll(() => clients.map((client) => client.provider.awareness.getStates().size))
      .toEqual([4, 4, 4, 4])
    const before = listener.messages.length

    // Every client moves its cursor five times at once: twenty changes.
    for (let step = 1; step <= 5; step++) {
      for (const [i, client] of clients.entries()) {
        client.provider.awareness.setLocalStateField('cursor', { x: i * 100 + step, y: step })
      }
    }
    const newest = (i: number) => ({ x: i * 100 + 5, y: 5 })
    for (const client of clients) {
      await expect
        .poll(() =>
          ids.map((id) => client.provider.awareness.getStates().get(id)?.cursor as unknown),
        )
        .toEqual(ids.map((_, i) => newest(i)))
    }
    await expect.poll(() => new Set(listener.messages.slice(before).flat())).toEqual(new Set(ids))
    const after = listener.messages.slice(before)
    expect(after.length).toBeLessThan(20)
    expect(Math.max(...after.map((message) => message.length))).toBeGreaterThan(1)

    // A socket that goes without a goodbye takes its presence with it, for everyone.
    const [gone, ...staying] = clients
    gone!.provider.shouldConnect = false
    ;(gone!.provider.ws as unknown as WebSocket).terminate()
    for (const client of staying) {
      await expect
        .poll(() => client.provider.awareness.getStates().has(gone!.doc.clientID))
        .toBe(false)
    }
    listener.close()
  })
})
