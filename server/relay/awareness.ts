// Presence, owned per client id: the relay keeps the newest awareness entry of each client id so a
// newcomer sees who is there, lets only the socket that first claimed an id change or remove it,
// and announces a socket's ids as gone when it leaves. Each state is checked against the presence
// shape (shared/presence.ts) before it is kept; its bytes are kept and forwarded verbatim.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { isPresenceState, MAX_PRESENCE_BYTES } from '../../shared/presence.ts'
import { ProtocolError } from './protocol.ts'

export interface PresenceEntry {
  clientId: number
  clock: number
  state: Uint8Array // the JSON text as UTF-8 bytes
}

const NULL_STATE = new TextEncoder().encode('null')
const utf8 = new TextDecoder('utf-8', { fatal: true })

const isNull = (state: Uint8Array) =>
  state.length === 4 && state[0] === 110 && state[1] === 117 && state[2] === 108 && state[3] === 108

/**
 * Reads an awareness update strictly: at most `maxEntries` entries (checked before any is read),
 * each state `null` or a presence of the known shape and size. Throws ProtocolError otherwise.
 */
export function readPresence(update: Uint8Array, maxEntries: number): PresenceEntry[] {
  const decoder = decoding.createDecoder(update)
  const entries: PresenceEntry[] = []
  try {
    const count = decoding.readVarUint(decoder)
    if (count > maxEntries) {
      throw new ProtocolError(`presence for more than ${maxEntries} client ids in one message`)
    }
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state = decoding.readVarUint8Array(decoder)
      if (state.byteLength > MAX_PRESENCE_BYTES) {
        throw new ProtocolError(`presence state larger than ${MAX_PRESENCE_BYTES} bytes`)
      }
      if (!isNull(state) && !isPresenceState(utf8.decode(state))) {
        throw new ProtocolError('presence state is not a name, role, colour and cursor')
      }
      entries.push({ clientId, clock, state })
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`malformed awareness update: ${(err as Error).message}`)
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update')
  return entries
}

/** Entries as one awareness update. */
export function encodePresence(entries: Iterable<PresenceEntry>): Uint8Array {
  const list = [...entries]
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, list.length)
  for (const { clientId, clock, state } of list) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarUint8Array(encoder, state)
  }
  return encoding.toUint8Array(encoder)
}

/** `Owner`: who may speak for a client id (a socket here, or the relays of other processes). */
export class AwarenessRegistry<Owner> {
  private readonly entries = new Map<number, { clock: number; state: Uint8Array }>()
  private readonly owners = new Map<number, Owner>()

  /** Whoever holds this client id, if anyone. */
  ownerOf(clientId: number): Owner | undefined {
    return this.owners.get(clientId)
  }

  /**
   * Applies the entries `owner` may speak for (ids it holds, or that no one holds yet, which it
   * then claims) and returns those; entries for ids someone else holds are left out, unapplied.
   * `keepClaim`: an id set to null stays the owner's (a socket), or is let go (other processes).
   */
  apply(entries: readonly PresenceEntry[], owner: Owner, keepClaim: boolean): PresenceEntry[] {
    const taken: PresenceEntry[] = []
    for (const entry of entries) {
      const holder = this.owners.get(entry.clientId)
      if (holder !== undefined && holder !== owner) continue
      taken.push(entry)
      const current = this.entries.get(entry.clientId)
      if (isNull(entry.state)) {
        if (current && entry.clock >= current.clock) this.entries.delete(entry.clientId)
        if (keepClaim) this.owners.set(entry.clientId, owner)
        else if (!this.entries.has(entry.clientId)) this.owners.delete(entry.clientId)
      } else {
        this.owners.set(entry.clientId, owner)
        if (!current || entry.clock > current.clock) {
          this.entries.set(entry.clientId, { clock: entry.clock, state: entry.state.slice() })
        }
      }
    }
    return taken
  }

  get size(): number {
    return this.entries.size
  }

  /** All known states as one awareness update, or null when nobody is present. */
  encodeAll(): Uint8Array | null {
    if (this.entries.size === 0) return null
    return encodePresence(
      [...this.entries].map(([clientId, { clock, state }]) => ({ clientId, clock, state })),
    )
  }

  /**
   * Lets go of the ids `owner` holds among `clientIds` and returns the entries that tell the
   * others they are gone. An id someone else holds is not touched.
   */
  release(clientIds: Iterable<number>, owner: Owner): PresenceEntry[] {
    const removed: PresenceEntry[] = []
    for (const clientId of clientIds) {
      if (this.owners.get(clientId) !== owner) continue
      this.owners.delete(clientId)
      const entry = this.entries.get(clientId)
      if (!entry) continue
      this.entries.delete(clientId)
      removed.push({ clientId, clock: entry.clock + 1, state: NULL_STATE })
    }
    return removed
  }
}
