// Where a room's updates go besides its own peers. Embedded: a group-committed log in the Store.
// Cluster: a Redis stream per document that every relay process reads (server/cluster/).
import { GroupCommit } from '../store/groupCommit.ts'
import type { DocKind, DocSource, Role, Store, StoredDoc } from '../store/types.ts'
import type { Room } from './room.ts'

export type BoardEvent =
  { type: 'rotated'; boardId: string; role: Role } | { type: 'deleted'; boardId: string }

export interface RoomBackend {
  /** The stored state of the room's document; from then on the backend may feed it remote frames. */
  open(room: Room): Promise<StoredDoc>
  /**
   * Everything of a document accepted so far by any relay process, without loading it into a room
   * (for a worker job to decode): what this process persisted is written first.
   */
  read(boardId: string, kind: DocKind): Promise<DocSource>
  persist(room: Room, update: Uint8Array): void
  shareAwareness(room: Room, update: Uint8Array): void
  /** Folds the room's log into a snapshot (where this process is the one to do that). */
  compact(room: Room): Promise<void>
  /** The room is unloading: it has been compacted and gets no more frames. */
  close(room: Room): Promise<void>
  /** A board was deleted: drop whatever is queued or streamed for it. */
  forget(boardId: string): Promise<void>
  /** Waits until everything persisted so far is stored. */
  flush(): Promise<void>
  /** Names this process among the relays sharing boards (cluster only). */
  readonly nodeId?: string
  /** Can this process accept a new connection now? (false while a shared service is down) */
  healthy(): boolean
  /** Tells every relay process, this one included, that a board's links or existence changed. */
  announce(event: BoardEvent): Promise<void>
  onBoardEvent(handler: (event: BoardEvent) => Promise<void>): void
  shutdown(): Promise<void>
}

/** One process, one Store: the default. */
export class EmbeddedBackend implements RoomBackend {
  private readonly commit: GroupCommit
  private boardEvent: (event: BoardEvent) => Promise<void> = async () => {}

  constructor(
    private readonly store: Store,
    flushMs: number,
    onWritten: (bytes: number) => void,
    onError: (err: unknown) => void,
  ) {
    this.commit = new GroupCommit(store, flushMs, onWritten, onError)
  }

  open(room: Room): Promise<StoredDoc> {
    return this.store.loadDoc(room.boardId, room.kind)
  }

  async read(boardId: string, kind: DocKind): Promise<DocSource> {
    await this.commit.flush()
    const file = this.store.sqliteFile
    if (file) return { from: 'sqlite', file, boardId, kind }
    return { from: 'rows', ...(await this.store.loadDoc(boardId, kind)) }
  }

  persist(room: Room, update: Uint8Array): void {
    this.commit.enqueue(room.boardId, room.kind, update)
  }

  shareAwareness(): void {
    // Presence never leaves this process when there is only one.
  }

  async compact(room: Room): Promise<void> {
    // Everything in the doc must be on disk before the log rows it replaces are deleted.
    await this.commit.flush()
    await this.store.compactDoc(room.boardId, room.kind, () => room.encodeSnapshot())
  }

  async close(): Promise<void> {}

  async forget(boardId: string): Promise<void> {
    this.commit.discard(boardId)
    await this.commit.flush()
  }

  flush(): Promise<void> {
    return this.commit.flush()
  }

  healthy(): boolean {
    return true
  }

  announce(event: BoardEvent): Promise<void> {
    return this.boardEvent(event)
  }

  onBoardEvent(handler: (event: BoardEvent) => Promise<void>): void {
    this.boardEvent = handler
  }

  async shutdown(): Promise<void> {
    await this.commit.flush()
  }
}
