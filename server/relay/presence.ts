// A room's presence: who holds which client id (awareness.ts) and what goes out. Cursors move up to
// 20 times a second per participant, so the changes of one tick are merged: every receiver gets
// one awareness message per tick carrying each changed client's newest state, instead of one
// message per cursor move. Document updates never wait for this; they do not pass through here.
import { AwarenessRegistry, encodePresence, readPresence, type PresenceEntry } from './awareness.ts'
import { encodeAwareness } from './protocol.ts'

export interface PresenceOutlet {
  /** One awareness message to every peer of the room, the senders too. */
  broadcast(message: Uint8Array): void
  /** An awareness update of this process's peers, for relays in other processes. */
  share(update: Uint8Array): void
}

/** Who holds the presence ids that reached this process from another relay process. */
export const OTHER_PROCESS = Symbol('another relay process')

/** Entries in one awareness update from another process: one connection's, or its departure. */
const MAX_REMOTE_PRESENCE = 256

/** A socket, as far as presence goes: the client ids it claimed. */
export interface PresenceOwner {
  readonly awarenessClients: Set<number>
}

export class Presence<Owner extends PresenceOwner> {
  readonly registry = new AwarenessRegistry<Owner | typeof OTHER_PROCESS>()
  /** Per client id, its newest change of this tick: what the room's peers get. */
  private toPeers = new Map<number, PresenceEntry>()
  /** The same for the changes this process's peers made: what other processes get. */
  private toOthers = new Map<number, PresenceEntry>()
  private timer: NodeJS.Timeout | null = null

  /** `tickMs` 0 sends every change as it comes. */
  constructor(
    private readonly tickMs: number,
    private readonly outlet: PresenceOutlet,
  ) {}

  /**
   * An awareness update from a peer. It is read and checked in full (readPresence throws a
   * ProtocolError), and the owner's claims counted against `maxClients`, before anything of it is
   * applied; entries for client ids another connection holds are left out, neither applied nor
   * passed on.
   */
  fromPeer(update: Uint8Array, owner: Owner, maxClients: number): 'too many' | undefined {
    const entries = readPresence(update, maxClients)
    const claims = new Set(owner.awarenessClients)
    for (const { clientId } of entries) {
      if (this.registry.ownerOf(clientId) === undefined) claims.add(clientId)
    }
    if (claims.size > maxClients) return 'too many'
    const taken = this.registry.apply(entries, owner, true)
    for (const { clientId } of taken) owner.awarenessClients.add(clientId)
    this.queue(taken, true)
    return undefined
  }

  /** An awareness update another relay process took from its peers. */
  fromOtherProcess(update: Uint8Array): void {
    let entries
    try {
      entries = readPresence(update, MAX_REMOTE_PRESENCE)
    } catch {
      return // the process that accepted it should have refused it; nothing to pass on
    }
    // Ids a connection of this process holds stay its own.
    this.queue(this.registry.apply(entries, OTHER_PROCESS, false), false)
  }

  /** A peer left: the ids it held are gone, for everyone. */
  release(owner: Owner): void {
    this.queue(this.registry.release(owner.awarenessClients, owner), true)
  }

  /** Sends what this tick has collected now: before the room goes, say. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const toPeers = this.toPeers
    const toOthers = this.toOthers
    this.toPeers = new Map()
    this.toOthers = new Map()
    if (toPeers.size > 0) this.outlet.broadcast(encodeAwareness(encodePresence(toPeers.values())))
    if (toOthers.size > 0) this.outlet.share(encodePresence(toOthers.values()))
  }

  private queue(entries: readonly PresenceEntry[], ours: boolean): void {
    if (entries.length === 0) return
    for (const entry of entries) {
      // Of two changes of one client id in a tick, the later is the newer: its owner sent it so.
      this.toPeers.set(entry.clientId, entry)
      if (ours) this.toOthers.set(entry.clientId, entry)
    }
    if (this.tickMs === 0) this.flush()
    else this.timer ??= setTimeout(() => this.flush(), this.tickMs)
  }
}
