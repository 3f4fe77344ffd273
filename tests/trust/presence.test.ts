// "Presence belongs to its socket", tried with a modified client: a view link that sends presence
// under the voorzitter's client id, removes it, leaves; states of every wrong shape and size;
// more client ids than a connection may claim; a flood of presence after the relay closed the
// socket. Honest clients are stock y-websocket providers; the attacker writes its own frames.
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CLOSE } from '../../shared/closeCodes.ts'
import { MESSAGE_AWARENESS } from '../../server/relay/protocol.ts'
import {
  closeCodeOf,
  closedAfterEach,
  createBoard,
  startRelay,
  synced,
  type Client,
  type RunningRelay,
} from '../integration/helpers.ts'
import { rawSocket } from './rawSocket.ts'

const { relays, open } = closedAfterEach()

/** One awareness message; a state is JSON text (or any text, to try what is not JSON). */
function presence(
  entries: readonly (readonly [clientId: number, clock: number, state: unknown])[],
): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, typeof state === 'string' ? state : JSON.stringify(state))
  }
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

const nameOf = (client: Client, clientId: number): unknown =>
  (client.provider.awareness.getStates().get(clientId) as { user?: { name?: unknown } } | undefined)
    ?.user?.name

/** Every name a client was ever shown, under any id. */
function namesSeen(client: Client): Set<unknown> {
  const seen = new Set<unknown>()
  client.provider.awareness.on('change', () => {
    for (const id of client.provider.awareness.getStates().keys()) seen.add(nameOf(client, id))
  })
  return seen
}

const presenceAtRelay = (r: RunningRelay, boardId: string) =>
  r.relay.rooms.read(boardId, 'content', (room) => room.presence.registry.size)

async function meeting() {
  const r = await startRelay()
  relays.push(r)
  const board = await createBoard(r.http)
  const voorzitter = open(r.ws, board.id, board.facilitatorToken)
  const observer = open(r.ws, board.id, board.editToken)
  await Promise.all([synced(voorzitter), synced(observer)])
  voorzitter.provider.awareness.setLocalState({
    user: { name: 'Anna (voorzitter)', role: 'ib', color: '#aa3300' },
  })
  const anna = voorzitter.doc.clientID
  await expect.poll(() => nameOf(observer, anna)).toBe('Anna (voorzitter)')
  return { r, board, voorzitter, observer, anna }
}

describe('presence of another socket', () => {
  it('cannot be changed or removed by a view link, nor by its leaving', async () => {
    const { r, board, observer, anna } = await meeting()
    const seen = namesSeen(observer)
    const clock = observer.provider.awareness.meta.get(anna)!.clock
    const attacker = new WebSocket(`${r.ws}/${board.id}?t=${board.viewToken}`)
    attacker.on('error', () => undefined)
    await new Promise((resolve) => attacker.once('open', resolve))
    attacker.send(presence([[anna, clock + 100, { user: { name: 'Mallory' }, cursor: null }]]))
    attacker.send(presence([[anna, clock + 200, null]]))
    attacker.send(presence([[4242, 1, { user: { name: 'Bezoeker' }, cursor: { x: 1, y: 2 } }]]))
    // Its own presence arrives, so the relay has read the two before it.
    await expect.poll(() => nameOf(observer, 4242)).toBe('Bezoeker')
    expect(nameOf(observer, anna)).toBe('Anna (voorzitter)')
    expect(seen.has('Mallory')).toBe(false)

    attacker.close()
    await expect.poll(() => observer.provider.awareness.getStates().has(4242)).toBe(false)
    expect(nameOf(observer, anna)).toBe('Anna (voorzitter)')
    const newcomer = open(r.ws, board.id, board.viewToken)
    await expect.poll(() => nameOf(newcomer, anna)).toBe('Anna (voorzitter)')
    expect(observer.closes).toEqual([])
  })
})

describe('a presence state', () => {
  const user = { name: 'Juf Anna', role: 'leerkracht', color: '#123456' }
  const cases: [string, unknown][] = [
    ['a key presence does not have', { user, secret: 'x'.repeat(500) }],
    ['a user with a key of its own', { user: { ...user, avatar: 'data:...' } }],
    ['a colour that is no colour', { user: { ...user, color: 'url(javascript:x)' } }],
    ['a name over 80 characters', { user: { ...user, name: 'x'.repeat(81) } }],
    ['a cursor that is no point', { user, cursor: { x: '1', y: 2 } }],
    ['a list', [1, 2, 3]],
    ['text that is not JSON', '{"user":'],
    ['a state over 2 KiB', `{"user":{"name":"a"}${' '.repeat(2100)}}`],
  ]
  it.each(cases)('is refused (4400) and not stored when it holds %s', async (_name, state) => {
    const r = await startRelay()
    relays.push(r)
    const board = await createBoard(r.http)
    const url = `${r.ws}/${board.id}?t=${board.viewToken}`
    const code = await closeCodeOf(url, (socket) => socket.send(presence([[7, 1, state]])))
    expect(code).toBe(CLOSE.badMessage)
    expect(await presenceAtRelay(r, board.id)).toBe(0)
  })

  it('of the expected shape is stored and shown', async () => {
    const { r, board, observer } = await meeting()
    const socket = new WebSocket(`${r.ws}/${board.id}?t=${board.viewToken}`)
    socket.on('open', () => socket.send(presence([[7, 1, { user, cursor: { x: -5.5, y: 1e6 } }]])))
    await expect.poll(() => nameOf(observer, 7)).toBe('Juf Anna')
    socket.close()
  })
})

describe('the limits on presence', () => {
  it('are checked before anything of a message is applied', async () => {
    const { r, board, observer } = await meeting()
    const seen = namesSeen(observer)
    const state = (name: string) => ({ user: { name } })
    // Nine ids in one message: refused whole.
    const url = `${r.ws}/${board.id}?t=${board.viewToken}`
    const nine = Array.from({ length: 9 }, (_, i) => [100 + i, 1, state(`negen ${i}`)] as const)
    expect(await closeCodeOf(url, (socket) => socket.send(presence(nine)))).toBe(CLOSE.badMessage)
    // Eight ids, then a message that changes one of them and claims a ninth: the change is not
    // applied either.
    const eight = Array.from({ length: 8 }, (_, i) => [200 + i, 1, state(`acht ${i}`)] as const)
    const socket = new WebSocket(url)
    const closed = new Promise<number>((resolve) => socket.on('close', resolve))
    socket.on('open', () => socket.send(presence(eight)))
    await expect.poll(() => seen.has('acht 0')).toBe(true)
    socket.send(
      presence([
        [200, 2, state('veranderd')],
        [299, 1, state('de negende')],
      ]),
    )
    expect(await closed).toBe(CLOSE.badMessage)
    await expect.poll(() => observer.provider.awareness.getStates().has(200)).toBe(false)
    expect([...seen].filter((name) => String(name).startsWith('negen'))).toEqual([])
    expect(seen.has('veranderd')).toBe(false)
    expect(seen.has('de negende')).toBe(false)
  })

  it('keep a flood sent after the close out: a newcomer gets one small message', async () => {
    const { r, board, anna } = await meeting()
    const attacker = rawSocket(`${r.ws}/${board.id}?t=${board.viewToken}`)
    expect(await attacker.status).toBe(101)
    const state = { user: { name: 'x'.repeat(80) } }
    attacker.send(presence(Array.from({ length: 9 }, (_, i) => [1000 + i, 1, state])))
    // 10,000 entries more, eight per message, never answering the close frame.
    for (let n = 0; n < 1250; n++) {
      attacker.send(presence(Array.from({ length: 8 }, (_, i) => [2000 + n * 8 + i, 1, state])))
    }
    expect((await attacker.closeFrame).code).toBe(CLOSE.badMessage)
    await attacker.gone
    expect(await presenceAtRelay(r, board.id)).toBe(2) // Anna and the observer's empty state

    const newcomer = new WebSocket(`${r.ws}/${board.id}?t=${board.viewToken}`)
    const joined: Buffer[] = []
    newcomer.on('message', (data: Buffer) => joined.push(data))
    await expect.poll(() => joined.some((data) => data[0] === MESSAGE_AWARENESS)).toBe(true)
    const everyone = joined.find((data) => data[0] === MESSAGE_AWARENESS)!
    expect(everyone.byteLength).toBeLessThan(1024)
    expect(everyone.includes(String(anna))).toBe(false) // ids are varints, names are text
    expect(everyone.toString()).toContain('Anna (voorzitter)')
    newcomer.close()
  })
})
