// One loaded document: its connections, its state and its presence. A peer's update is inspected,
// checked against the link's rights (rights.ts) and applied before its bytes are forwarded.
import * as Y from 'yjs'
import { CLOSE } from '../../shared/closeCodes.ts'
import { DEFAULT_CONTROL, readControl, type ControlState } from '../../shared/control.ts'
import { ITEMS_MAP } from '../../shared/schema.ts'
import type { DocKind, Role } from '../store/types.ts'
import { HeldUpdates } from './heldUpdates.ts'
import { UpdateInspector } from './inspect.ts'
import { Presence } from './presence.ts'
import { refusal, VoterClaims } from './rights.ts'
import { frameBinary } from './wire.ts'
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyStateVector,
  isEmptyUpdate,
} from './protocol.ts'

/** The relay's view of one socket; the websocket layer implements it. */
export interface Peer {
  readonly role: Role
  /** The presence client ids this connection claimed: it alone may change or remove them. */
  readonly awarenessClients: Set<number>
  send(message: Uint8Array): void
  /** Sends a websocket frame already built by frameBinary, shared by every recipient. */
  sendFrame(frame: Buffer): void
  close(code: number, reason: string): void
}

export interface RoomHooks {
  persist(update: Uint8Array): void
  /** Presence for relays in other processes, when there are any. */
  shareAwareness(update: Uint8Array): void
  /** Called when the log has grown past the compaction threshold. */
  requestCompaction(): void
  onProblem(message: string): void
  /** A control room's document changed: the end of the meeting may have changed with it. */
  controlChanged?(): void
  /** For a content room: the facilitator ended the meeting, so edit links may no longer write. */
  meetingEnded?(): boolean
  /** For a content room: its control room's state (locks, the vote), read once per change. */
  control?(): ControlState
}

export class Room {
  readonly peers = new Set<Peer>()
  readonly presence: Presence<Peer>
  private readonly doc = new Y.Doc({ gc: true })
  private readonly inspector = new UpdateInspector(this.doc)
  /** Who gives which voter's dots: one voter per connection. */
  private readonly voters = new VoterClaims<Peer>((peer) => this.peers.has(peer))
  /** Per sender, updates that build on changes the relay lacks yet. */
  private readonly waiting = new HeldUpdates<Peer>()
  /** Size of the stored snapshot plus everything logged since: what the doc limit counts. */
  private storedBytes = 0
  private loggedRows = 0
  /**
   * The whole document as one update, until the next change: what every newcomer without a local
   * copy asks for, encoded once instead of once per join (a big board takes tens of ms).
   */
  private wholeState: Uint8Array | null = null
  /** Values worked out from the document (the board as JSON, say), kept until the next change. */
  private readonly derived = new Map<string, unknown>()
  /** Peers sent the whole state on joining: every later change reaches them as a broadcast. */
  private readonly upToDate = new WeakSet<Peer>()

  constructor(
    readonly boardId: string,
    readonly kind: DocKind,
    private readonly maxDocBytes: number,
    private readonly compactRows: number,
    private readonly hooks: RoomHooks,
    /** Presence changes within this many ms go out as one message; 0 sends each as it comes. */
    presenceTickMs = 0,
  ) {
    this.presence = new Presence(presenceTickMs, {
      broadcast: (message) => this.broadcast(message, null),
      share: (update) => this.hooks.shareAwareness(update),
    })
  }

  /** Loads stored state; updates that fail to apply are reported and skipped. */
  load(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): void {
    this.storedBytes = snapshot?.byteLength ?? 0
    this.loggedRows = updates.length
    this.forgetDerived()
    this.doc.transact(() => {
      for (const update of snapshot ? [snapshot, ...updates] : updates) {
        this.applyStored(update)
        this.storedBytes += update === snapshot ? 0 : update.byteLength
      }
    })
    if (this.kind === 'control') this.hooks.controlChanged?.()
  }

  /**
   * The control room is the facilitator's alone; the content room is closed to view links, and to
   * edit links once the facilitator has ended the meeting.
   */
  mayWrite(role: Role): boolean {
    if (this.kind === 'control' || role === 'view') return role === 'facilitator'
    return role === 'facilitator' || this.hooks.meetingEnded?.() !== true
  }

  /** For a control room: whether its document says the meeting has ended. */
  meetingEnded(): boolean {
    return this.controlState().ended
  }

  /** For a control room: the state its document holds (the defaults for a content room). */
  controlState(): ControlState {
    return this.kind === 'control' ? readControl(this.doc).control : DEFAULT_CONTROL
  }

  get loggedRowCount(): number {
    return this.loggedRows
  }

  /**
   * `sendState`: the peer has not asked for the board yet (no sync step 1 waiting), as when its
   * page is still busy starting up: send it the whole board now rather than a round trip later.
   */
  join(peer: Peer, { sendState = false }: { sendState?: boolean } = {}): void {
    this.peers.add(peer)
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    if (sendState) {
      peer.send(encodeSyncStep2(this.fullState()))
      this.upToDate.add(peer)
    }
    this.answerAwarenessQuery(peer)
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return
    // Only the ids this connection claimed: no one else's presence goes with it.
    this.presence.release(peer)
  }

  answerSyncStep1(peer: Peer, stateVector: Uint8Array): void {
    let diff: Uint8Array
    try {
      if (this.upToDate.has(peer)) {
        // It has everything already; its question crossed the answer. Still refuse a bad vector.
        Y.decodeStateVector(stateVector)
        diff = NOTHING
      } else {
        diff = isEmptyStateVector(stateVector)
          ? this.fullState()
          : Y.encodeStateAsUpdate(this.doc, stateVector)
      }
    } catch {
      peer.close(CLOSE.badMessage, 'invalid state vector')
      return
    }
    peer.send(encodeSyncStep2(diff))
  }

  /**
   * A document update from a peer that may write. It is applied before anything of it is
   * forwarded (`frame` as it arrived, when it is an update) or stored; one the link may not make,
   * or that does not apply, closes the sender with `refused` and goes nowhere. One that builds on
   * changes the relay lacks waits for them (a client's edit that overtook its sync step 2).
   */
  receiveUpdate(from: Peer, update: Uint8Array, frame: Uint8Array | null): void {
    if (update.byteLength <= 2 && isEmptyUpdate(update)) return
    const outcome = this.take(from, update, frame)
    if (outcome === 'waiting') {
      if (!this.waiting.hold(from, { update, frame })) {
        this.refuse(from, 'update builds on changes the relay lacks')
      }
    } else if (outcome === 'applied' && this.waiting.size > 0) {
      this.waiting.retry(
        (peer) => this.peers.has(peer),
        (peer, held) => this.take(peer, held.update, held.frame),
      )
    }
  }

  /**
   * Presence from a peer, checked in full before anything of it is applied (presence.ts). It goes
   * back to the sender too: the stock client reconnects after 30 s without any message.
   */
  receiveAwareness(from: Peer, update: Uint8Array, maxClients: number): void {
    if (this.presence.fromPeer(update, from, maxClients) === 'too many') {
      from.close(CLOSE.badMessage, 'too many awareness clients on one connection')
    }
  }

  /**
   * A document update another relay process received and checked: its peers are not connected
   * here. Applied before it is forwarded; one that does not apply goes no further.
   */
  receiveRemoteUpdate(update: Uint8Array): void {
    if (!this.applyStored(update)) return
    // The process that took it stores it.
    this.accepted(update, encodeUpdate(update), null)
  }

  /** Presence another relay process received. */
  receiveRemoteAwareness(update: Uint8Array): void {
    this.presence.fromOtherProcess(update)
  }

  /** The whole document as one update, e.g. to hand to relays that missed some of it. */
  fullState(): Uint8Array {
    this.wholeState ??= Y.encodeStateAsUpdate(this.doc)
    return this.wholeState
  }

  /** A value made from the current document once, then kept until the document changes. */
  derive<T>(key: string, make: (doc: Y.Doc) => T): T {
    if (!this.derived.has(key)) this.derived.set(key, make(this.doc))
    return this.derived.get(key) as T
  }

  /** Asks every peer for what the relay may lack, e.g. after the shared log lost entries. */
  requestResync(): void {
    this.broadcast(encodeSyncStep1(Y.encodeStateVector(this.doc)), null)
  }

  /** Everyone's presence, to one peer: on joining, and whenever it asks. */
  answerAwarenessQuery(peer: Peer): void {
    const everyone = this.presence.registry.encodeAll()
    if (everyone) peer.send(encodeAwareness(everyone))
  }

  /** The full state, for a snapshot; resets the counters the caller is about to store. */
  encodeSnapshot(): Uint8Array {
    const snapshot = this.fullState()
    this.storedBytes = snapshot.byteLength
    this.loggedRows = 0
    return snapshot
  }

  closeAll(code: number, reason: string, role?: Role): void {
    for (const peer of [...this.peers]) {
      if (role === undefined || peer.role === role) peer.close(code, reason)
    }
  }

  destroy(): void {
    this.presence.flush()
    this.doc.destroy()
    this.forgetDerived()
  }

  private forgetDerived(): void {
    this.wholeState = null
    this.derived.clear()
  }

  private broadcast(message: Uint8Array, except: Peer | null): void {
    let frame: Buffer | null = null
    for (const peer of this.peers) {
      if (peer === except) continue
      frame ??= frameBinary(message)
      peer.sendFrame(frame)
    }
  }

  /**
   * An applied update: on to the other peers, stored when a peer of this process sent it or the
   * server made it (`store`), and counted for the size limit and compaction.
   */
  private accepted(
    update: Uint8Array,
    message: Uint8Array,
    from: Peer | null,
    store = from !== null,
  ): void {
    this.forgetDerived()
    this.storedBytes += update.byteLength
    this.loggedRows++
    if (this.kind === 'control') this.hooks.controlChanged?.()
    this.broadcast(message, from)
    if (store) this.hooks.persist(update)
    if (this.loggedRows === this.compactRows) this.hooks.requestCompaction()
  }

  /** Inspects, checks and applies one update of a peer; what became of it. */
  private take(
    from: Peer,
    update: Uint8Array,
    frame: Uint8Array | null,
  ): 'applied' | 'waiting' | 'dropped' {
    // Past the limit the voorzitter may still delete: that is how a full board is cleaned up.
    const overLimit = this.storedBytes + update.byteLength > this.maxDocBytes
    if (overLimit && from.role !== 'facilitator') return this.tooLarge(from)
    const inspection = this.inspector.inspect(update)
    if (!inspection.ok) {
      return inspection.waiting ? 'waiting' : this.refuse(from, inspection.reason)
    }
    if (overLimit && inspection.newStructs > 0) return this.tooLarge(from)
    // A reconnecting client restates every deletion the board ever had: nothing to pass on.
    if (inspection.newStructs === 0 && inspection.removals === 0) return 'dropped'
    if (this.kind === 'content') {
      const problem = refusal(inspection.changes, {
        role: from.role,
        control: this.hooks.control?.() ?? DEFAULT_CONTROL,
        items: this.doc.getMap(ITEMS_MAP),
        claimVoter: (votingId, voterId) => this.voters.claim(from, votingId, voterId),
      })
      if (problem) return this.refuse(from, problem)
    }
    const store = this.doc.store
    const hadPending = store.pendingStructs !== null || store.pendingDs !== null
    if (!this.applyStored(update)) return this.refuse(from, 'update does not apply')
    if (!hadPending && (store.pendingStructs !== null || store.pendingDs !== null)) {
      // The inspection should have caught this; what Yjs holds back would arrive unchecked.
      store.pendingStructs = null
      store.pendingDs = null
      return this.refuse(from, 'update builds on changes the relay lacks')
    }
    this.accepted(update, frame ?? encodeUpdate(update), from)
    // Only a snapshot tells how small the deletions made the board.
    if (overLimit) this.hooks.requestCompaction()
    return 'applied'
  }

  private tooLarge(from: Peer): 'dropped' {
    this.waiting.forget(from)
    from.close(CLOSE.boardTooLarge, 'board is at its size limit')
    return 'dropped'
  }

  /** Nothing of the update was forwarded, stored or applied; its client reloads the board. */
  private refuse(from: Peer, reason: string): 'dropped' {
    this.waiting.forget(from)
    this.voters.release(from)
    this.hooks.onProblem(`refused an update (${from.role} link): ${reason}`)
    from.close(CLOSE.refused, reason)
    return 'dropped'
  }

  private applyStored(update: Uint8Array): boolean {
    try {
      Y.applyUpdate(this.doc, update)
      return true
    } catch (err) {
      this.hooks.onProblem(`skipped an update that does not apply: ${(err as Error).message}`)
      return false
    }
  }

  /**
   * A change the server makes itself (a restore, server/history/): `edit` runs in one transaction
   * on the live doc, and the update it makes reaches every peer and is stored like an accepted
   * one. It is not held to the size limit: it is how a board over the limit is cleaned up.
   * Returns that update; an empty one when nothing changed.
   */
  changeByServer(edit: (doc: Y.Doc, transaction: Y.Transaction) => void): Uint8Array {
    const doc = this.doc
    const made: Uint8Array[] = []
    const keep = (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER_CHANGE) made.push(update)
    }
    doc.on('update', keep)
    try {
      doc.transact((transaction) => edit(doc, transaction), SERVER_CHANGE)
    } finally {
      doc.off('update', keep)
    }
    const [change] = made
    if (!change) return NOTHING
    this.accepted(change, encodeUpdate(change), null, true)
    // The size counter learns how small the doc became only from a snapshot: make one now, so a
    // board that was over its limit takes writes again.
    this.hooks.requestCompaction()
    return change
  }
}

/** The origin of changeByServer's transactions. */
const SERVER_CHANGE = Symbol('server change')

/** An update that changes nothing (no structs, no deletions). */
const NOTHING = Y.encodeStateAsUpdate(new Y.Doc())
