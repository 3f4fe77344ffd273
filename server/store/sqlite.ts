// The embedded store: one SQLite file in WAL mode holding boards, their hashed link tokens, and per
// document an append-only update log plus at most one snapshot.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { startCheckpointer } from './checkpointer.ts'
import { createWiper, wipeOldFreePages } from './wipe.ts'
import { docReader } from './sqliteRead.ts'
import { sqliteVersions } from './sqliteVersions.ts'
import type {
  BoardRecord,
  DocKind,
  PendingUpdate,
  RehashedBoard,
  Role,
  Store,
  StoredDoc,
  WorkshopRecord,
} from './types.ts'

const SCHEMA_VERSION = 1

// Log rows point at their document by a small integer: the (doc, seq) index stays compact, which
// keeps a group commit that touches many boards cheap.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL,
  retention_days INTEGER NOT NULL,
  facilitator_hash TEXT NOT NULL,
  edit_hash TEXT NOT NULL,
  view_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS docs (
  id INTEGER PRIMARY KEY,
  board_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  snapshot BLOB,
  UNIQUE (board_id, kind)
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates (doc, seq);
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  leader_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS workshop_boards (
  workshop_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  board_id TEXT NOT NULL,
  PRIMARY KEY (workshop_id, position)
);
`

interface BoardRow {
  id: string
  title: string
  template: string
  created_at: number
  last_active_at: number
  retention_days: number
  facilitator_hash: string
  edit_hash: string
  view_hash: string
}

interface WorkshopRow {
  id: string
  title: string
  template: string
  created_at: number
  leader_hash: string
}

const HASH_COLUMN: Record<Role, string> = {
  facilitator: 'facilitator_hash',
  edit: 'edit_hash',
  view: 'view_hash',
}

export function openSqliteStore(
  file: string,
  onError: (message: string) => void = () => {},
): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // Deleted rows are overwritten with zeros, not just unlinked: a deleted board is not left in
  // the file's free pages (docs/security.md).
  db.pragma('secure_delete = ON')
  // NORMAL in WAL mode survives a killed process; only a power cut can cost the last commits,
  // which the clients still hold and send again when they resync.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  // Checkpoints normally run in a worker (checkpointer.ts); this is only the backstop if it stops.
  db.pragma('wal_autocheckpoint = 20000')
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `database ${file} has schema ${version}, newer than this relay (${SCHEMA_VERSION})`,
    )
  }
  db.exec(SCHEMA)
  db.pragma(`user_version = ${SCHEMA_VERSION}`)
  if (file !== ':memory:') wipeOldFreePages(db)

  const q = {
    insertBoard: db.prepare(
      `INSERT INTO boards (id, title, template, created_at, last_active_at, retention_days, facilitator_hash, edit_hash, view_hash)
       VALUES (@id, @title, @template, @created_at, @last_active_at, @retention_days, @facilitator_hash, @edit_hash, @view_hash)`,
    ),
    getBoard: db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?'),
    touch: db.prepare('UPDATE boards SET last_active_at = ? WHERE id = ? AND last_active_at < ?'),
    setRetention: db.prepare('UPDATE boards SET retention_days = ? WHERE id = ?'),
    expired: db.prepare<[number], { id: string }>(
      `SELECT id FROM boards WHERE last_active_at + retention_days * 86_400_000 < ?`,
    ),
    deleteBoard: db.prepare('DELETE FROM boards WHERE id = ?'),
    insertDoc: db.prepare('INSERT INTO docs (board_id, kind, snapshot) VALUES (?, ?, ?)'),
    docId: db.prepare<[string, string], { id: number }>(
      'SELECT id FROM docs WHERE board_id = ? AND kind = ?',
    ),
    setSnapshot: db.prepare('UPDATE docs SET snapshot = ? WHERE id = ?'),
    deleteDocs: db.prepare('DELETE FROM docs WHERE board_id = ?'),
    insertUpdate: db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)'),
    deleteUpdates: db.prepare('DELETE FROM doc_updates WHERE doc = ?'),
    insertWorkshop: db.prepare(
      `INSERT INTO workshops (id, title, template, created_at, leader_hash)
       VALUES (@id, @title, @template, @created_at, @leader_hash)`,
    ),
    insertWorkshopBoard: db.prepare(
      'INSERT INTO workshop_boards (workshop_id, position, board_id) VALUES (?, ?, ?)',
    ),
    getWorkshop: db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?'),
    workshopBoards: db.prepare<[string], { board_id: string }>(
      'SELECT board_id FROM workshop_boards WHERE workshop_id = ? ORDER BY position',
    ),
    deleteWorkshopBoards: db.prepare('DELETE FROM workshop_boards WHERE workshop_id = ?'),
    deleteWorkshop: db.prepare('DELETE FROM workshops WHERE id = ?'),
    renewLeader: db.prepare(
      'UPDATE workshops SET leader_hash = ? WHERE id = ? AND leader_hash = ?',
    ),
    rehashBoard: db.prepare(
      `UPDATE boards SET facilitator_hash = @facilitator, edit_hash = @edit, view_hash = @view
       WHERE id = @id AND facilitator_hash = @was_facilitator AND edit_hash = @was_edit AND view_hash = @was_view`,
    ),
    emptyWorkshops: db.prepare<[], { id: string }>(
      `SELECT w.id FROM workshops w WHERE NOT EXISTS (
         SELECT 1 FROM workshop_boards wb JOIN boards b ON b.id = wb.board_id
         WHERE wb.workshop_id = w.id)`,
    ),
    deleteBoardUpdates: db.prepare(
      'DELETE FROM doc_updates WHERE doc IN (SELECT id FROM docs WHERE board_id = ?)',
    ),
  }
  const checkpointer = file === ':memory:' ? null : startCheckpointer(file, 250, onError)
  const wiper = file === ':memory:' ? null : createWiper(db, { onError })
  const versions = sqliteVersions(db)
  const setHash = Object.fromEntries(
    Object.entries(HASH_COLUMN).map(([role, column]) => [
      role,
      db.prepare(`UPDATE boards SET ${column} = ? WHERE id = ?`),
    ]),
  ) as Record<Role, Database.Statement>

  // Document ids never change while a board exists, so they are looked up once.
  const docIds = new Map<string, number>()
  const docId = (boardId: string, kind: DocKind): number | null => {
    const key = `${boardId}/${kind}`
    let id = docIds.get(key)
    if (id === undefined) {
      id = q.docId.get(boardId, kind)?.id
      if (id === undefined) return null
      docIds.set(key, id)
    }
    return id
  }

  const createBoard = db.transaction((board: BoardRecord, docs: Record<DocKind, Uint8Array>) => {
    q.insertBoard.run({
      id: board.id,
      title: board.title,
      template: board.template,
      created_at: board.createdAt,
      last_active_at: board.lastActiveAt,
      retention_days: board.retentionDays,
      facilitator_hash: board.tokenHashes.facilitator,
      edit_hash: board.tokenHashes.edit,
      view_hash: board.tokenHashes.view,
    })
    for (const [kind, snapshot] of Object.entries(docs)) q.insertDoc.run(board.id, kind, snapshot)
  })
  const deleteBoard = db.transaction((id: string) => {
    versions.deleteBoardVersions(id)
    q.deleteBoardUpdates.run(id)
    q.deleteDocs.run(id)
    return q.deleteBoard.run(id).changes > 0
  })
  const createWorkshop = db.transaction((workshop: WorkshopRecord) => {
    q.insertWorkshop.run({
      id: workshop.id,
      title: workshop.title,
      template: workshop.template,
      created_at: workshop.createdAt,
      leader_hash: workshop.leaderHash,
    })
    // Position 0 is the plenary board, 1 to N the tables.
    for (const [position, boardId] of [workshop.plenary, ...workshop.tables].entries()) {
      q.insertWorkshopBoard.run(workshop.id, position, boardId)
    }
  })
  const deleteWorkshop = db.transaction((id: string) => {
    q.deleteWorkshopBoards.run(id)
    return q.deleteWorkshop.run(id).changes > 0
  })
  const renewWorkshopLeader = db.transaction(
    (id: string, fromHash: string, toHash: string, boards: readonly RehashedBoard[]) => {
      if (q.renewLeader.run(toHash, id, fromHash).changes === 0) return null
      // A board whose links changed since they were read is left as it is now.
      return boards
        .filter(
          (board) =>
            q.rehashBoard.run({
              id: board.id,
              ...board.to,
              was_facilitator: board.from.facilitator,
              was_edit: board.from.edit,
              was_view: board.from.view,
            }).changes > 0,
        )
        .map((board) => board.id)
    },
  )
  const append = db.transaction((batch: readonly PendingUpdate[]) => {
    let bytes = 0
    for (const row of batch) {
      const id = docId(row.boardId, row.kind)
      if (id === null) continue // the board was deleted meanwhile
      q.insertUpdate.run(id, row.update)
      bytes += row.update.byteLength
    }
    return bytes
  })
  const compact = db.transaction((id: number, snapshot: Uint8Array) => {
    q.setSnapshot.run(snapshot, id)
    q.deleteUpdates.run(id)
  })

  const readDoc = docReader(db)

  return {
    ...(file === ':memory:' ? {} : { sqliteFile: resolve(file) }),
    async createBoard(board, docs) {
      createBoard(board, docs)
    },
    async getBoard(id) {
      const row = q.getBoard.get(id)
      if (!row) return null
      return {
        id: row.id,
        title: row.title,
        template: row.template,
        createdAt: row.created_at,
        lastActiveAt: row.last_active_at,
        retentionDays: row.retention_days,
        tokenHashes: {
          facilitator: row.facilitator_hash,
          edit: row.edit_hash,
          view: row.view_hash,
        },
      }
    },
    async setTokenHash(id, role, hash) {
      return setHash[role].run(hash, id).changes > 0
    },
    async deleteBoard(id) {
      docIds.delete(`${id}/content`)
      docIds.delete(`${id}/control`)
      const deleted = deleteBoard(id)
      await wiper?.wipe()
      return deleted
    },
    async touchBoard(id, now) {
      q.touch.run(now, id, now)
    },
    async setRetention(id, days) {
      return q.setRetention.run(days, id).changes > 0
    },
    async expiredBoards(now) {
      return q.expired.all(now).map((row) => row.id)
    },
    async createWorkshop(workshop) {
      createWorkshop(workshop)
    },
    async getWorkshop(id) {
      const row = q.getWorkshop.get(id)
      if (!row) return null
      const [plenary = '', ...tables] = q.workshopBoards.all(id).map((board) => board.board_id)
      return {
        id: row.id,
        title: row.title,
        template: row.template,
        createdAt: row.created_at,
        leaderHash: row.leader_hash,
        plenary,
        tables,
      }
    },
    async deleteWorkshop(id) {
      const deleted = deleteWorkshop(id)
      await wiper?.wipe()
      return deleted
    },
    async emptyWorkshops() {
      return q.emptyWorkshops.all().map((row) => row.id)
    },
    async renewWorkshopLeader(id, fromHash, toHash, boards) {
      return renewWorkshopLeader(id, fromHash, toHash, boards)
    },
    async loadDoc(boardId, kind): Promise<StoredDoc> {
      return readDoc(boardId, kind)
    },
    async appendUpdates(batch) {
      return append(batch)
    },
    async compactDoc(boardId, kind, encode) {
      // Synchronous from here to the commit: no row can arrive in between.
      const id = docId(boardId, kind)
      if (id !== null) compact(id, encode())
    },
    addVersion: versions.addVersion,
    listVersions: versions.listVersions,
    getVersion: versions.getVersion,
    deleteVersions: versions.deleteVersions,
    async close() {
      wiper?.stop()
      await checkpointer?.stop()
      db.close()
    },
  }
}
