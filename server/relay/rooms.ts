// Loads documents on first join, unloads them after the last peer leaves, and keeps their logs
// short by compacting into snapshots. Owns the group commit for all rooms of this process.
import { GroupCommit } from '../store/groupCommit.ts'
import type { DocKind, Role, Store } from '../store/types.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import { Room } from './room.ts'

export interface RoomsOptions {
  store: Store
  metrics: Metrics
  log: Logger
  flushMs: number
  compactRows: number
  unloadDelayMs: number
  maxDocBytes: number
}

const roomName = (boardId: string, kind: DocKind) => `${boardId}/${kind}`

interface Entry {
  ready: Promise<Room>
  room: Room | null
}

export class Rooms {
  private readonly rooms = new Map<string, Entry>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  private readonly compactQueue = new Set<Room>()
  private compacting = false
  private readonly commit: GroupCommit

  constructor(private readonly options: RoomsOptions) {
    this.commit = new GroupCommit(
      options.store,
      options.flushMs,
      (bytes) => (options.metrics.bytesPersisted += bytes),
      (err) => options.log.error('writing updates failed', { error: String(err) }),
    )
  }

  /** The loaded room, loading it once however many peers arrive together. */
  acquire(boardId: string, kind: DocKind): Promise<Room> {
    const name = roomName(boardId, kind)
    const timer = this.unloadTimers.get(name)
    if (timer) {
      clearTimeout(timer)
      this.unloadTimers.delete(name)
    }
    let entry = this.rooms.get(name)
    if (!entry) {
      const created: Entry = { ready: this.load(boardId, kind), room: null }
      created.ready.then(
        (room) => (created.room = room),
        () => this.rooms.delete(name),
      )
      this.rooms.set(name, created)
      entry = created
    }
    return entry.ready
  }

  /** Called when a peer has left; schedules the unload once the room is empty. */
  released(room: Room): void {
    if (room.peers.size > 0) return
    const name = roomName(room.boardId, room.kind)
    if (this.unloadTimers.has(name)) return
    this.unloadTimers.set(
      name,
      setTimeout(() => {
        this.unloadTimers.delete(name)
        if (room.peers.size === 0) void this.unload(room)
      }, this.options.unloadDelayMs),
    )
  }

  /** Closes the sockets of one role (after a rotation) or of everyone (after a delete). */
  async closeBoard(boardId: string, code: number, reason: string, role?: Role): Promise<void> {
    for (const kind of ['content', 'control'] as const) {
      const room = await this.rooms.get(roomName(boardId, kind))?.ready.catch(() => null)
      room?.closeAll(code, reason, role)
    }
  }

  /** Forgets a deleted board without writing anything more of it. */
  async forget(boardId: string): Promise<void> {
    this.commit.discard(boardId)
    for (const kind of ['content', 'control'] as const) {
      const name = roomName(boardId, kind)
      const room = await this.rooms.get(name)?.ready.catch(() => null)
      clearTimeout(this.unloadTimers.get(name))
      this.unloadTimers.delete(name)
      if (room && this.rooms.delete(name)) {
        room.destroy()
        this.options.metrics.roomsOpen--
      }
    }
    await this.commit.flush()
  }

  /** Writes what is queued and snapshots every loaded room: for shutdown. */
  async closeAll(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    const entries = [...this.rooms.values()]
    const rooms = await Promise.all(entries.map((entry) => entry.ready.catch(() => null)))
    await Promise.all(rooms.map((room) => room && this.unload(room)))
    await this.commit.flush()
  }

  get openRooms(): number {
    return this.rooms.size
  }

  private async load(boardId: string, kind: DocKind): Promise<Room> {
    const { store, log, metrics } = this.options
    const stored = await store.loadDoc(boardId, kind)
    const room: Room = new Room(boardId, kind, this.options.maxDocBytes, this.options.compactRows, {
      persist: (update) => this.commit.enqueue(boardId, kind, update),
      requestCompaction: () => this.queueCompaction(room),
      onProblem: (message) => log.warn(message, { board: boardId, kind }),
    })
    room.load(stored.snapshot, stored.updates)
    metrics.roomsOpen++
    // Nothing of this room is queued yet, so the snapshot can replace the log directly.
    if (room.loggedRowCount >= this.options.compactRows) {
      await store.compactDoc(boardId, kind, () => room.encodeSnapshot())
    }
    return room
  }

  // Many boards can cross the threshold together; compacting them one per turn of the event loop
  // keeps every other message flowing in between.
  private queueCompaction(room: Room): void {
    this.compactQueue.add(room)
    if (this.compacting) return
    this.compacting = true
    void (async () => {
      try {
        await this.commit.flush()
        for (const next of this.compactQueue) {
          this.compactQueue.delete(next)
          await new Promise((resolve) => setImmediate(resolve))
          await this.compact(next)
        }
      } catch (err) {
        this.options.log.error('compaction failed', { error: String(err) })
      } finally {
        this.compacting = false
      }
    })()
  }

  private async compact(room: Room): Promise<void> {
    // Everything in the doc must be on disk before the log rows it replaces are deleted.
    await this.commit.flush()
    if (!this.isCurrent(room)) return
    await this.options.store.compactDoc(room.boardId, room.kind, () => room.encodeSnapshot())
  }

  private async unload(room: Room): Promise<void> {
    const name = roomName(room.boardId, room.kind)
    if (!this.isCurrent(room)) return
    try {
      if (room.loggedRowCount > 0) await this.compact(room)
    } catch (err) {
      this.options.log.error('compacting on unload failed', {
        board: room.boardId,
        error: String(err),
      })
    }
    // A peer may have joined while the snapshot was written; then the room stays.
    if (room.peers.size > 0 || !this.isCurrent(room)) return
    this.rooms.delete(name)
    room.destroy()
    this.options.metrics.roomsOpen--
  }

  private isCurrent(room: Room): boolean {
    return this.rooms.get(roomName(room.boardId, room.kind))?.room === room
  }
}
