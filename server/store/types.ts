// What the relay needs from storage. SQLite implements it for one machine; Postgres can later.
export type Role = 'facilitator' | 'edit' | 'view'
export const ROLES: readonly Role[] = ['facilitator', 'edit', 'view']

/** Each board has two Yjs documents: its content and the facilitator's control room. */
export type DocKind = 'content' | 'control'

export interface BoardRecord {
  id: string
  title: string
  template: string
  createdAt: number
  lastActiveAt: number
  /** Days without activity after which the board and all its data are deleted. */
  retentionDays: number
  tokenHashes: Record<Role, string>
}

/**
 * A workshop: one leader, a plenary board and N table boards, each an ordinary board with its own
 * links. The leader's token is stored as a hash only; the boards' tokens derive from it.
 */
export interface WorkshopRecord {
  id: string
  title: string
  template: string
  createdAt: number
  leaderHash: string
  plenary: string
  /** Board ids of tables 1 to N, in order. */
  tables: string[]
}

/** A workshop board's link hashes as they must still be, and as a leader's renewal makes them. */
export interface RehashedBoard {
  id: string
  from: Record<Role, string>
  to: Record<Role, string>
}

export interface StoredDoc {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
}

/**
 * A document for a thread other than the relay's (server/work/): its stored rows as read, or the
 * SQLite file that thread reads them from itself, so the event loop does not.
 */
export type DocSource =
  ({ from: 'rows' } & StoredDoc) | { from: 'sqlite'; file: string; boardId: string; kind: DocKind }

/** Why the relay kept a version of a board's content (server/history/). */
export type VersionReason = 'first' | 'interval' | 'step' | 'restore'

/** One kept version of a board's content document, without its bytes. */
export interface VersionInfo {
  /** 1, 2, 3… per board, in the order they were taken; never reused. */
  n: number
  at: number
  /** The MDO step the board was in while this content was made; null before history knew it. */
  step: string | null
  /** Stickies on the board in this version. */
  points: number
  reason: VersionReason
  bytes: number
}

export interface NewVersion {
  at: number
  step: string | null
  points: number
  reason: VersionReason
  /** The whole content document, `Y.encodeStateAsUpdate`. */
  state: Uint8Array
}

export interface PendingUpdate {
  boardId: string
  kind: DocKind
  update: Uint8Array
}

export interface Store {
  createBoard(board: BoardRecord, docs: Record<DocKind, Uint8Array>): Promise<void>
  getBoard(id: string): Promise<BoardRecord | null>
  setTokenHash(id: string, role: Role, hash: string): Promise<boolean>
  /** Removes every row of the board; false when there was none. */
  deleteBoard(id: string): Promise<boolean>
  touchBoard(id: string, now: number): Promise<void>
  setRetention(id: string, days: number): Promise<boolean>
  /** Boards whose last activity plus their retention lies before `now`. */
  expiredBoards(now: number): Promise<string[]>
  /** Stores the workshop and which boards it holds; the boards themselves are stored before. */
  createWorkshop(workshop: WorkshopRecord): Promise<void>
  getWorkshop(id: string): Promise<WorkshopRecord | null>
  /** Removes the workshop's own rows (not its boards); false when there were none. */
  deleteWorkshop(id: string): Promise<boolean>
  /** Workshops none of whose boards exists any more (deleted, or expired one by one). */
  emptyWorkshops(): Promise<string[]>
  /**
   * In one transaction: the workshop's leader hash from `fromHash` to `toHash`, and the link
   * hashes of each board still holding exactly its `from`. Returns the ids of the boards changed;
   * null (and nothing changed) when the workshop is gone or its leader hash is no longer `fromHash`.
   */
  renewWorkshopLeader(
    id: string,
    fromHash: string,
    toHash: string,
    boards: readonly RehashedBoard[],
  ): Promise<string[] | null>
  loadDoc(boardId: string, kind: DocKind): Promise<StoredDoc>
  /** The SQLite file, which a worker thread may read with a connection of its own (not PostgreSQL). */
  readonly sqliteFile?: string
  /** One group commit: all rows in one transaction. Returns the bytes written. */
  appendUpdates(batch: readonly PendingUpdate[]): Promise<number>
  /**
   * Replaces the doc's log by a snapshot. `encode` is called once the store knows which log rows
   * exist; the snapshot it returns must contain all of them. Rows written after that stay.
   */
  compactDoc(boardId: string, kind: DocKind, encode: () => Uint8Array): Promise<void>
  /**
   * Keeps a version of the board's content. Null when the board is gone, or when `dedupeMs` is
   * given and the board's newest version has the same reason and step and is at most that much
   * older: two relay processes that saw the same trigger then store it once.
   */
  addVersion(boardId: string, version: NewVersion, dedupeMs?: number): Promise<VersionInfo | null>
  /** The board's versions, newest first. */
  listVersions(boardId: string): Promise<VersionInfo[]>
  getVersion(boardId: string, n: number): Promise<{ info: VersionInfo; state: Uint8Array } | null>
  /** Thinning: removes these versions of the board. */
  deleteVersions(boardId: string, ns: readonly number[]): Promise<void>
  close(): Promise<void>
}
