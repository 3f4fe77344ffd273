// Presence without decoding it: the relay keeps the newest raw awareness entry per client id so a
// newcomer sees who is there, and announces a client's removal when its socket goes.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ProtocolError } from './protocol.ts'

interface Entry {
  clock: number
  state: Uint8Array // the JSON text as UTF-8 bytes, kept verbatim
}

const NULL_STATE = new TextEncoder().encode('null')

const isNull = (state: Uint8Array) =>
  state.length === 4 && state[0] === 110 && state[1] === 117 && state[2] === 108 && state[3] === 108

/** A presence state is a name, a role, a colour and a cursor: a few hundred bytes. */
export const MAX_AWARENESS_STATE_BYTES = 16 * 1024

export class AwarenessRegistry {
  private entries = new Map<number, Entry>()

  /** Applies an update; returns the client ids it mentions. Throws ProtocolError when malformed. */
  apply(update: Uint8Array): number[] {
    const decoder = decoding.createDecoder(update)
    const clients: number[] = []
    try {
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(decoder)
        const clock = decoding.readVarUint(decoder)
        const state = decoding.readVarUint8Array(decoder)
        if (state.byteLength > MAX_AWARENESS_STATE_BYTES) {
          throw new ProtocolError(`presence state larger than ${MAX_AWARENESS_STATE_BYTES} bytes`)
        }
        clients.push(clientId)
        const current = this.entries.get(clientId)
        if (isNull(state)) {
          if (current && clock >= current.clock) this.entries.delete(clientId)
        } else if (!current || clock > current.clock) {
          this.entries.set(clientId, { clock, state: state.slice() })
        }
      }
    } catch (err) {
      if (err instanceof ProtocolError) throw err
      throw new ProtocolError(`malformed awareness update: ${(err as Error).message}`)
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update')
    return clients
  }

  get size(): number {
    return this.entries.size
  }

  /** All known states as one awareness update, or null when nobody is present. */
  encodeAll(): Uint8Array | null {
    if (this.entries.size === 0) return null
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, this.entries.size)
    for (const [clientId, entry] of this.entries) {
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, entry.clock)
      encoding.writeVarUint8Array(encoder, entry.state)
    }
    return encoding.toUint8Array(encoder)
  }

  /** Removes the given clients and returns the update that tells the others, or null. */
  remove(clientIds: Iterable<number>): Uint8Array | null {
    const removed: [number, number][] = []
    for (const clientId of clientIds) {
      const entry = this.entries.get(clientId)
      if (!entry) continue
      this.entries.delete(clientId)
      removed.push([clientId, entry.clock + 1])
    }
    if (removed.length === 0) return null
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, removed.length)
    for (const [clientId, clock] of removed) {
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarUint8Array(encoder, NULL_STATE)
    }
    return encoding.toUint8Array(encoder)
  }
}
