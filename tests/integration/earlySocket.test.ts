// The board page's early socket (client/src/sync/earlySocket.ts) on the real relay: opened before
// the app runs, then handed to a stock y-websocket provider, as the browser does. Node's `ws`
// stands in for the browser's WebSocket, with the same handler properties and events.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { EarlyOrNewWebSocket, openEarlySocket } from '../../client/src/sync/earlySocket.ts'
import { boardProtocols } from '../../client/src/sync/links.ts'
import { closedAfterEach, createBoard, startRelay, synced, type Client } from './helpers.ts'

const { relays, open } = closedAfterEach()
const providers: WebsocketProvider[] = []
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy()
})

beforeAll(() => {
  globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket
})

const notes = (doc: Y.Doc) => doc.getArray<string>('notes').toArray()

/** A provider as the page makes it: same address and protocols as the early socket. */
function adopt(ws: string, room: string, token: string): Client {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(ws, room, doc, {
    protocols: boardProtocols(token),
    WebSocketPolyfill: EarlyOrNewWebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  })
  providers.push(provider)
  const closes: number[] = []
  provider.on('connection-close', (event) => event && closes.push(event.code))
  return { doc, provider, closes, destroy: () => provider.destroy() }
}

// A sync message (0) of type step 2 (1): the board.
const isBoard = (event: Event) =>
  event.type === 'message' &&
  new Uint8Array((event as MessageEvent).data).subarray(0, 2).join() === '0,1'

describe('early socket', () => {
  it('has the board before the app asks, and is the one socket the provider then uses', async () => {
    const r = await startRelay()
    relays.push(r)
    const board = await createBoard(r.http, 'mdo')
    const writer = open(r.ws, board.id, board.editToken)
    await synced(writer)
    writer.doc.getArray<string>('notes').push(['voor het laden: één'])
    await expect.poll(() => r.relay.metrics.connections).toBe(1)

    const early = openEarlySocket(`${r.ws}/${board.id}`, boardProtocols(board.editToken))
    await expect.poll(() => early.backlog.some(isBoard)).toBe(true)
    const page = adopt(r.ws, board.id, board.editToken)
    await synced(page)
    expect(notes(page.doc)).toEqual(['voor het laden: één'])
    expect(r.relay.metrics.connections).toBe(2)

    // Live both ways over the adopted socket.
    writer.doc.getArray<string>('notes').push(['daarna: twee'])
    page.doc.getArray<string>('notes').push(['van de pagina: drie'])
    const all = ['voor het laden: één', 'daarna: twee', 'van de pagina: drie'].sort()
    await expect.poll(() => notes(page.doc).sort()).toEqual(all)
    await expect.poll(() => notes(writer.doc).sort()).toEqual(all)
    expect(r.relay.metrics.connections).toBe(2)
  })

  it('is closed, not taken, when the app opens another room', async () => {
    const r = await startRelay()
    relays.push(r)
    const [one, two] = [await createBoard(r.http, 'mdo'), await createBoard(r.http, 'blank')]
    const early = openEarlySocket(`${r.ws}/${one.id}`, boardProtocols(one.editToken))
    const page = adopt(r.ws, two.id, two.editToken)
    await synced(page)
    await expect.poll(() => early.socket.readyState).toBe(WebSocket.CLOSED)
    expect(page.doc.getMap('meta').get('template')).toBe('blank')
  })

  it('hands a refusal that came before the app on to the provider, which stops', async () => {
    const r = await startRelay()
    relays.push(r)
    const board = await createBoard(r.http, 'mdo')
    const wrong = 'x'.repeat(32)
    const early = openEarlySocket(`${r.ws}/${board.id}`, boardProtocols(wrong))
    await expect.poll(() => early.backlog.some((event) => event.type === 'close')).toBe(true)
    const page = adopt(r.ws, board.id, wrong)
    await expect.poll(() => page.closes).toEqual([4403])
    // The provider heard the early socket's refusal and gave up: it never tried a socket of its own.
    expect(r.relay.metrics.connectionsRefused).toBe(1)
  })

  it('connects anew when the early socket was lost for a passing reason', async () => {
    const r = await startRelay()
    relays.push(r)
    const board = await createBoard(r.http, 'mdo')
    const early = openEarlySocket(`${r.ws}/${board.id}`, boardProtocols(board.editToken))
    await expect.poll(() => early.backlog.some(isBoard)).toBe(true)
    early.socket.close(1000)
    await expect.poll(() => early.backlog.some((event) => event.type === 'close')).toBe(true)
    const page = adopt(r.ws, board.id, board.editToken)
    await expect.poll(() => page.provider.wsconnected && page.provider.synced).toBe(true)
    expect(page.doc.getMap('meta').get('template')).toBe('mdo')
  })
})
