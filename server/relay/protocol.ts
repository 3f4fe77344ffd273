// The y-websocket wire format: parse one incoming frame strictly, and encode the few replies the
// relay writes itself. Everything else is forwarded as the raw bytes that arrived.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

export type Frame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }

export class ProtocolError extends Error {}

/** Reads one frame; throws ProtocolError for anything that is not exactly one known message. */
export function parseFrame(data: Uint8Array): Frame {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    let frame: Frame
    if (type === MESSAGE_SYNC) {
      const sub = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (sub === SYNC_STEP1) frame = { kind: 'sync-step1', stateVector: payload }
      else if (sub === SYNC_STEP2) frame = { kind: 'sync-step2', update: payload }
      else if (sub === SYNC_UPDATE) frame = { kind: 'update', update: payload }
      else throw new ProtocolError(`unknown sync message ${sub}`)
    } else if (type === MESSAGE_AWARENESS) {
      frame = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      frame = { kind: 'query-awareness' }
    } else {
      throw new ProtocolError(`unknown message type ${type}`)
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message')
    return frame
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`malformed message: ${(err as Error).message}`)
  }
}

function syncMessage(sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, sub)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => syncMessage(SYNC_STEP1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array) => syncMessage(SYNC_STEP2, update)
export const encodeUpdate = (update: Uint8Array) => syncMessage(SYNC_UPDATE, update)

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

// A client without a local copy (a new browser) sends the state vector of an empty doc: no clients.
export const isEmptyStateVector = (vector: Uint8Array) => vector.byteLength === 1 && vector[0] === 0

// Yjs encodes "nothing changed" as two zero bytes; clients send it after every sync.
export const isEmptyUpdate = (update: Uint8Array) => update.every((byte) => byte === 0)
