// Loads documents on first join, unloads them after the last peer leaves, and keeps their logs
// short by compacting into snapshots. Where updates are stored is the backend's business.
import type { DocKind, DocSource, Role } from '../store/types.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import { CLOSE } from '../../shared/closeCodes.ts'
import { DEFAULT_CONTROL, type ControlState } from '../../shared/controlState.ts'
import type { BoardEvent, RoomBackend } from './backend.ts'
import { Room } from './room.ts'

export interface RoomsOptions {
  backend: RoomBackend
  metrics: Metrics
  log: Logger
  compactRows: number
  unloadDelayMs: number
  maxDocBytes: number
  /** Presence changes of a room within this window go out as one message (0: each at once). */
  presenceTickMs?: number
  /** Told of loads and changes, to keep versions (server/history/). */
  watcher?: RoomWatcher
}

/** What the history of boards (server/history/history.ts) needs to hear from the rooms. */
export interface RoomWatcher {
  loaded(room: Room): void
  /** A content room accepted a change from a peer here; a control room's doc changed. */
  changed(room: Room): void
  forget(boardId: string): void
  /** Before the rooms unload at shutdown. */
  close(): Promise<void>
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
  /**
   * Each board's control state (the end of the meeting, locks, the vote) as its control room last
   * said, read once per change of it: the content room checks every update against it.
   */
  private readonly controls = new Map<string, ControlState>()
  /** Per board and role, how many times that link was replaced while this process ran. */
  private readonly replacements = new Map<string, number>()

  constructor(private readonly options: RoomsOptions) {
    options.backend.onBoardEvent(async (event) => {
      if (event.type === 'rotated') {
        const key = `${event.boardId}/${event.role}`
        this.replacements.set(key, (this.replacements.get(key) ?? 0) + 1)
        await this.closeBoard(
          event.boardId,
          CLOSE.forbidden,
          'this link was replaced by a new one',
          event.role,
        )
      } else {
        this.options.watcher?.forget(event.boardId)
        await this.closeBoard(event.boardId, CLOSE.boardGone, 'this board was deleted')
        await this.forget(event.boardId)
      }
    })
  }

  /**
   * How many times the board's link of this role was replaced: a socket whose link was checked
   * before a replacement that it was too early to be closed by is refused, not let in.
   */
  rotations(boardId: string, role: Role): number {
    return this.replacements.get(`${boardId}/${role}`) ?? 0
  }

  /** Rotations and deletions reach the sockets of every relay process through the backend. */
  announce(event: BoardEvent): Promise<void> {
    return this.options.backend.announce(event)
  }

  /** False while a service shared by the relay processes is down: new joins wait. */
  get healthy(): boolean {
    return this.options.backend.healthy()
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

  /**
   * The document's current state as one update, for the server's own use (copying a board):
   * loaded like a peer would load it, and unloaded again later if no peer is in it.
   */
  async readState(boardId: string, kind: DocKind): Promise<Uint8Array> {
    return this.read(boardId, kind, (room) => room.fullState())
  }

  /** Reads a room as readState does: loaded if need be, unloaded later if no peer is in it. */
  async read<T>(boardId: string, kind: DocKind, read: (room: Room) => T): Promise<T> {
    const room = await this.acquire(boardId, kind)
    try {
      return read(room)
    } finally {
      this.released(room)
    }
  }

  /**
   * Everything of a document accepted so far, for a worker thread to read and decode
   * (server/work/): from the backend, not from a room, so the event loop neither loads nor encodes
   * it. Whether the board is open here, on another relay process, loading or unloading, the
   * backend has every accepted update once this process's are written.
   */
  stored(boardId: string, kind: DocKind): Promise<DocSource> {
    return this.options.backend.read(boardId, kind)
  }

  /** The room if this process has it loaded (not while it loads), without keeping it loaded. */
  loaded(boardId: string, kind: DocKind): Room | null {
    return this.rooms.get(roomName(boardId, kind))?.room ?? null
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

  private async closeBoard(
    boardId: string,
    code: number,
    reason: string,
    role?: Role,
  ): Promise<void> {
    for (const kind of ['content', 'control'] as const) {
      const room = await this.rooms.get(roomName(boardId, kind))?.ready.catch(() => null)
      room?.closeAll(code, reason, role)
    }
  }

  /** Forgets a deleted board without writing anything more of it. */
  private async forget(boardId: string): Promise<void> {
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
    await this.options.backend.forget(boardId)
  }

  /** Writes what is queued and snapshots every loaded room: for shutdown. */
  async closeAll(): Promise<void> {
    await this.options.watcher?.close()
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    const entries = [...this.rooms.values()]
    const rooms = await Promise.all(entries.map((entry) => entry.ready.catch(() => null)))
    await Promise.all(rooms.map((room) => room && this.unload(room)))
    await this.options.backend.flush()
  }

  isOpen(boardId: string): boolean {
    return (
      this.rooms.has(roomName(boardId, 'content')) || this.rooms.has(roomName(boardId, 'control'))
    )
  }

  get openRooms(): number {
    return this.rooms.size
  }

  private async load(boardId: string, kind: DocKind): Promise<Room> {
    const { backend, log, metrics, watcher } = this.options
    this.forgetControls()
    const room: Room = new Room(
      boardId,
      kind,
      this.options.maxDocBytes,
      this.options.compactRows,
      {
        persist: (update) => {
          backend.persist(room, update)
          if (room.kind === 'content') watcher?.changed(room)
        },
        shareAwareness: (update) => backend.shareAwareness(room, update),
        requestCompaction: () => this.queueCompaction(room),
        onProblem: (message) => log.warn(message, { board: boardId, kind }),
        controlChanged: () => {
          this.controls.set(boardId, room.controlState())
          watcher?.changed(room)
        },
        meetingEnded: () => this.controls.get(boardId)?.ended === true,
        control: () => this.controls.get(boardId) ?? DEFAULT_CONTROL,
      },
      this.options.presenceTickMs,
    )
    const stored = await backend.open(room)
    room.load(stored.snapshot, stored.updates)
    watcher?.loaded(room)
    metrics.roomsOpen++
    // Edit links must not write to an ended meeting even when no one has the control room open:
    // load it once (it unloads again when no one joins it) to learn whether it ended.
    if (kind === 'content') {
      await this.acquire(boardId, 'control').then(
        (control) => this.released(control),
        () => {},
      )
    }
    if (room.loggedRowCount >= this.options.compactRows) await backend.compact(room)
    return room
  }

  /** Keeps the control states of boards that are still open, once there are many others. */
  private forgetControls(): void {
    if (this.controls.size <= 2 * this.rooms.size + 64) return
    for (const boardId of this.controls.keys()) {
      if (!this.isOpen(boardId)) this.controls.delete(boardId)
    }
  }

  // Many boards can cross the threshold together; compacting them one per turn of the event loop
  // keeps every other message flowing in between.
  private queueCompaction(room: Room): void {
    this.compactQueue.add(room)
    if (this.compacting) return
    this.compacting = true
    void (async () => {
      try {
        await this.options.backend.flush()
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
    if (this.isCurrent(room)) await this.options.backend.compact(room)
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
    await this.options.backend.close(room)
    room.destroy()
    this.options.metrics.roomsOpen--
  }

  private isCurrent(room: Room): boolean {
    return this.rooms.get(roomName(room.boardId, room.kind))?.room === room
  }
}
