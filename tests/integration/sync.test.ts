// Two or more stock y-websocket clients on the real relay: live sync, roles, persistence.
import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { createBoard, startRelay, storedDoc, synced, tempDir, closedAfterEach } from './helpers.ts'
import { notesOf } from './notes.ts'

const notes = (doc: Y.Doc) => notesOf(doc).toArray().sort()

const { relays, open } = closedAfterEach()

async function relay(dataDir?: string) {
  const running = await startRelay(dataDir)
  relays.push(running)
  return running
}

describe('live sync', () => {
  it('brings two editors to the same board, template included', async () => {
    const r = await relay()
    const board = await createBoard(r.http, 'mdo')
    const a = open(r.ws, board.id, board.editToken)
    const b = open(r.ws, board.id, board.facilitatorToken)
    await Promise.all([synced(a), synced(b)])
    expect(a.doc.getMap('items').size).toBeGreaterThan(0)

    notesOf(a.doc).push(['van A: één'])
    notesOf(b.doc).push(['van B: café'])
    await expect.poll(() => notes(a.doc)).toEqual(['van A: één', 'van B: café'])
    await expect.poll(() => notes(b.doc)).toEqual(['van A: één', 'van B: café'])
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })

  it('gives each newcomer the board as it is then, however often it changed since', async () => {
    // The relay keeps the whole state it hands to newcomers until the next change.
    const r = await relay()
    const board = await createBoard(r.http, 'mdo')
    const writer = open(r.ws, board.id, board.editToken)
    await synced(writer)
    for (const note of ['een', 'twee', 'drie']) {
      notesOf(writer.doc).push([note])
      await expect
        .poll(async () => {
          const newcomer = open(r.ws, board.id, board.viewToken)
          await synced(newcomer)
          const seen = notes(newcomer.doc)
          newcomer.destroy()
          return seen
        })
        .toEqual(notes(writer.doc))
    }
    const late = open(r.ws, board.id, board.viewToken)
    await synced(late)
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(writer.doc))
  })

  it('sends the whole board to a client that has not asked yet, and nothing twice', async () => {
    const r = await relay()
    const board = await createBoard(r.http, 'mdo')
    const socket = new WebSocket(`${r.ws}/${board.id}?t=${board.viewToken}`)
    socket.binaryType = 'arraybuffer'
    const received: Uint8Array[] = []
    socket.on('message', (data: ArrayBuffer) => received.push(new Uint8Array(data)))
    await new Promise((resolve) => socket.once('open', resolve))
    // Sync step 2 (0, 1) without having sent step 1: the whole board, template included.
    await expect.poll(() => received.some((m) => m[0] === 0 && m[1] === 1)).toBe(true)
    const step2 = received.find((m) => m[0] === 0 && m[1] === 1)!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoding.createDecoder(step2.subarray(2))))
    expect(doc.getMap('items').size).toBeGreaterThan(0)
    // Its own step 1, sent before it saw the answer, gets an empty one instead of the board again.
    const count = received.length
    socket.send(Uint8Array.of(0, 0, 1, 0))
    await expect.poll(() => received.length).toBeGreaterThan(count)
    const again = received[count]!
    expect([...again.subarray(0, 2)]).toEqual([0, 1])
    expect(again.byteLength).toBeLessThan(8)
    socket.close()
  })

  it('shows who is there through awareness and forgets them when they leave', async () => {
    const r = await relay()
    const board = await createBoard(r.http)
    const a = open(r.ws, board.id, board.editToken)
    const b = open(r.ws, board.id, board.viewToken)
    await Promise.all([synced(a), synced(b)])
    a.provider.awareness.setLocalStateField('user', { name: 'Juf Anna', role: 'leerkracht' })
    await expect
      .poll(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name)
      .toBe('Juf Anna')
    a.destroy()
    await expect.poll(() => b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false)
  })

  it("drops a viewer's edits at the relay: others and the database never see them", async () => {
    const r = await relay()
    const board = await createBoard(r.http)
    const editor = open(r.ws, board.id, board.editToken)
    const viewer = open(r.ws, board.id, board.viewToken)
    await Promise.all([synced(editor), synced(viewer)])

    notesOf(viewer.doc).push(['van de meekijker'])
    notesOf(editor.doc).push(['van de editor'])
    await expect.poll(() => notes(viewer.doc)).toContain('van de editor')
    await r.relay.rooms.closeAll() // writes everything that arrived
    expect(notes(editor.doc)).toEqual(['van de editor'])
    expect(notes(storedDoc(r.dataDir, board.id))).toEqual(['van de editor'])
    expect(r.relay.metrics.messagesDropped).toBeGreaterThan(0)
  })

  it('lets only the facilitator write the control document', async () => {
    const r = await relay()
    const board = await createBoard(r.http)
    const room = `${board.id}.control`
    const facilitator = open(r.ws, room, board.facilitatorToken)
    const editor = open(r.ws, room, board.editToken)
    await Promise.all([synced(facilitator), synced(editor)])

    editor.doc.getMap('control').set('step', 'afronding')
    facilitator.doc.getMap('control').set('timer', 300)
    await expect.poll(() => editor.doc.getMap('control').get('timer')).toBe(300)
    expect(facilitator.doc.getMap('control').get('step')).toBeUndefined()
    await r.relay.rooms.closeAll()
    const stored = storedDoc(r.dataDir, board.id, 'control').getMap('control')
    expect(stored.toJSON()).toEqual({ timer: 300 })
  })
})

describe('persistence', () => {
  it('keeps every edit across a restart of the relay', async () => {
    const dataDir = tempDir()
    const first = await startRelay(dataDir)
    const board = await createBoard(first.http)
    const a = open(first.ws, board.id, board.editToken)
    await synced(a)
    for (let i = 0; i < 50; i++) notesOf(a.doc).push([`notitie ${i}`])
    await expect.poll(() => first.relay.metrics.messagesIn).toBeGreaterThanOrEqual(50)
    a.destroy()
    await first.close()

    const second = await relay(dataDir)
    const b = open(second.ws, board.id, board.viewToken)
    await synced(b)
    expect(notesOf(b.doc).length).toBe(50)
    expect(b.doc.getMap('items').size).toBeGreaterThan(0)
  })

  it('compacts a long log into a snapshot without losing anything', async () => {
    const dataDir = tempDir()
    const r = await startRelay(dataDir, { compactRows: 20 })
    relays.push(r)
    const board = await createBoard(r.http)
    const a = open(r.ws, board.id, board.editToken)
    await synced(a)
    for (let i = 0; i < 75; i++) notesOf(a.doc).push([`n${i}`])
    await expect.poll(() => notesOf(storedDoc(dataDir, board.id)).length).toBe(75)
    const late = open(r.ws, board.id, board.editToken)
    await synced(late)
    expect(notesOf(late.doc).length).toBe(75)
  })

  it('unloads a room after the last client leaves', async () => {
    const r = await relay()
    const board = await createBoard(r.http)
    const a = open(r.ws, board.id, board.editToken)
    await synced(a)
    // The content room and its control room, loaded to learn whether the meeting has ended.
    expect(r.relay.rooms.openRooms).toBe(2)
    a.destroy()
    await expect.poll(() => r.relay.rooms.openRooms).toBe(0)
    expect(r.relay.metrics.roomsOpen).toBe(0)
  })
})
