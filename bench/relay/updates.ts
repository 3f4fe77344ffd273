// Pre-generates each simulated client's edits as ready-to-send y-websocket frames, so that during
// the timed phase the load generator only writes bytes and the servers do all the Yjs work.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const SYNC_UPDATE = 2

export interface ClientScript {
  clientId: number
  /** Sync step 1 with an empty state vector: what a fresh provider sends first. */
  hello: Uint8Array
  /** The client's own sticky as it starts; sent before the load, never timed. */
  initial: Uint8Array
  edits: Uint8Array[]
  /** `client:clock` of each edit, the id the receivers see it under. */
  editKeys: string[]
  /** Cursor moves as awareness frames, and `client:clock` of each. */
  cursors: { frames: Uint8Array[]; keys: string[] }
}

export function encodeUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

function encodeHello(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, new Y.Doc())
  return encoding.toUint8Array(encoder)
}

/**
 * Client and clock of the first struct in an update frame, read from the header alone (update
 * format v1: clients, structs, client, clock) so a receiver need not decode Yjs. Null for any
 * other frame and for a delete-only update, which has no struct to name it by.
 */
export function readUpdateId(frame: Uint8Array): { client: number; clock: number } | null {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null
  if (decoding.readVarUint(decoder) !== SYNC_UPDATE) return null
  decoding.readVarUint(decoder) // byte length of the update
  if (decoding.readVarUint(decoder) === 0) return null
  decoding.readVarUint(decoder) // structs of the first client
  const client = decoding.readVarUint(decoder)
  return { client, clock: decoding.readVarUint(decoder) }
}

function keyOf(frame: Uint8Array): string {
  const id = readUpdateId(frame)
  if (!id) throw new Error('generated an update without structs')
  return `${id.client}:${id.clock}`
}

/**
 * Client id and clock of every state in an awareness frame (y-protocols: count, then client,
 * clock and state per entry); none for any other frame.
 */
export function readCursorIds(frame: Uint8Array): { client: number; clock: number }[] {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return []
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const ids: { client: number; clock: number }[] = []
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    const client = decoding.readVarUint(update)
    ids.push({ client, clock: decoding.readVarUint(update) })
    decoding.readVarUint8Array(update)
  }
  return ids
}

/**
 * A participant's pointer moving across the board, as the browser's awareness sends it: the whole
 * presence state (name, role, colour, cursor) with the next clock, each time.
 */
function cursorMoves(clientId: number, count: number, random: prng.PRNG) {
  const user = { name: `Deelnemer ${clientId % 1000}`, role: 'leerkracht', color: '#1f6f8b' }
  let x = prng.int32(random, 0, 2000)
  let y = prng.int32(random, 0, 1200)
  const frames: Uint8Array[] = []
  const keys: string[] = []
  for (let clock = 1; clock <= count; clock++) {
    x += prng.int32(random, -15, 15)
    y += prng.int32(random, -15, 15)
    const state = new TextEncoder().encode(JSON.stringify({ user, cursor: { x, y } }))
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, clock)
    encoding.writeVarUint8Array(update, state)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
    frames.push(encoding.toUint8Array(encoder))
    keys.push(`${clientId}:${clock}`)
  }
  return { frames, keys }
}

/**
 * A client that owns one sticky and edits it the way people do on a board: mostly dragging it
 * (x and y in one transaction), sometimes typing a few letters. Each update builds only on the
 * client's own earlier ones, so any relay can apply them in the order they arrive.
 */
export function scriptClient(clientId: number, editCount: number, cursorCount = 0): ClientScript {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const random = prng.create(clientId)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))

  const sticky = new Y.Map<unknown>()
  const text = new Y.Text()
  let x = prng.int32(random, 0, 2000)
  let y = prng.int32(random, 0, 1200)
  doc.transact(() => {
    doc.getMap('items').set(`sticky:${clientId}`, sticky)
    sticky.set('kind', 'sticky')
    sticky.set('x', x)
    sticky.set('y', y)
    sticky.set('text', text)
    text.insert(0, prng.word(random, 3, 12))
  })
  for (let i = 0; i < editCount; i++) {
    if (prng.int32(random, 0, 9) < 7) {
      x += prng.int32(random, -20, 20)
      y += prng.int32(random, -20, 20)
      doc.transact(() => {
        sticky.set('x', x)
        sticky.set('y', y)
      })
    } else {
      text.insert(text.length, prng.word(random, 1, 3))
    }
  }
  doc.destroy()

  const [initial, ...edits] = updates.map(encodeUpdateFrame)
  if (!initial || edits.length !== editCount) throw new Error('expected one update per edit')
  return {
    clientId,
    hello: encodeHello(),
    initial,
    edits,
    editKeys: edits.map(keyOf),
    cursors: cursorMoves(clientId, cursorCount, random),
  }
}
