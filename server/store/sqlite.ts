// The embedded store: one SQLite file in WAL mode holding boards, their hashed link tokens, and per
// document an append-only update log plus at most one snapshot.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { BoardRecord, DocKind, PendingUpdate, Role, Store, StoredDoc } from './types.ts'

const SCHEMA_VERSION = 1

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL,
  facilitator_hash TEXT NOT NULL,
  edit_hash TEXT NOT NULL,
  view_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates (board_id, kind, seq);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  board_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, kind)
);
`

interface BoardRow {
  id: string
  title: string
  template: string
  created_at: number
  last_active_at: number
  facilitator_hash: string
  edit_hash: string
  view_hash: string
}

const HASH_COLUMN: Record<Role, string> = {
  facilitator: 'facilitator_hash',
  edit: 'edit_hash',
  view: 'view_hash',
}

export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode survives a killed process; only a power cut can cost the last commits,
  // which the clients still hold and send again when they resync.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `database ${file} has schema ${version}, newer than this relay (${SCHEMA_VERSION})`,
    )
  }
  db.exec(SCHEMA)
  db.pragma(`user_version = ${SCHEMA_VERSION}`)

  const q = {
    insertBoard: db.prepare(
      `INSERT INTO boards (id, title, template, created_at, last_active_at, facilitator_hash, edit_hash, view_hash)
       VALUES (@id, @title, @template, @created_at, @last_active_at, @facilitator_hash, @edit_hash, @view_hash)`,
    ),
    getBoard: db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?'),
    touch: db.prepare('UPDATE boards SET last_active_at = ? WHERE id = ? AND last_active_at < ?'),
    deleteBoard: db.prepare('DELETE FROM boards WHERE id = ?'),
    deleteUpdates: db.prepare('DELETE FROM doc_updates WHERE board_id = ?'),
    deleteSnapshots: db.prepare('DELETE FROM doc_snapshots WHERE board_id = ?'),
    insertUpdate: db.prepare('INSERT INTO doc_updates (board_id, kind, data) VALUES (?, ?, ?)'),
    selectUpdates: db.prepare<[string, string], { data: Buffer }>(
      'SELECT data FROM doc_updates WHERE board_id = ? AND kind = ? ORDER BY seq',
    ),
    selectSnapshot: db.prepare<[string, string], { data: Buffer }>(
      'SELECT data FROM doc_snapshots WHERE board_id = ? AND kind = ?',
    ),
    upsertSnapshot: db.prepare(
      `INSERT INTO doc_snapshots (board_id, kind, data) VALUES (?, ?, ?)
       ON CONFLICT (board_id, kind) DO UPDATE SET data = excluded.data`,
    ),
    deleteDocUpdates: db.prepare('DELETE FROM doc_updates WHERE board_id = ? AND kind = ?'),
  }
  const setHash = Object.fromEntries(
    Object.entries(HASH_COLUMN).map(([role, column]) => [
      role,
      db.prepare(`UPDATE boards SET ${column} = ? WHERE id = ?`),
    ]),
  ) as Record<Role, Database.Statement>

  const createBoard = db.transaction((board: BoardRecord, docs: Record<DocKind, Uint8Array>) => {
    q.insertBoard.run({
      id: board.id,
      title: board.title,
      template: board.template,
      created_at: board.createdAt,
      last_active_at: board.lastActiveAt,
      facilitator_hash: board.tokenHashes.facilitator,
      edit_hash: board.tokenHashes.edit,
      view_hash: board.tokenHashes.view,
    })
    for (const [kind, snapshot] of Object.entries(docs)) {
      q.upsertSnapshot.run(board.id, kind, snapshot)
    }
  })
  const deleteBoard = db.transaction((id: string) => {
    q.deleteUpdates.run(id)
    q.deleteSnapshots.run(id)
    return q.deleteBoard.run(id).changes > 0
  })
  const append = db.transaction((batch: readonly PendingUpdate[]) => {
    let bytes = 0
    for (const row of batch) {
      q.insertUpdate.run(row.boardId, row.kind, row.update)
      bytes += row.update.byteLength
    }
    return bytes
  })
  const compact = db.transaction((boardId: string, kind: DocKind, snapshot: Uint8Array) => {
    q.upsertSnapshot.run(boardId, kind, snapshot)
    q.deleteDocUpdates.run(boardId, kind)
  })

  return {
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
      return deleteBoard(id)
    },
    async touchBoard(id, now) {
      q.touch.run(now, id, now)
    },
    async loadDoc(boardId, kind): Promise<StoredDoc> {
      const snapshot = q.selectSnapshot.get(boardId, kind)?.data ?? null
      const updates = q.selectUpdates.all(boardId, kind).map((row) => row.data)
      return { snapshot, updates }
    },
    async appendUpdates(batch) {
      return append(batch)
    },
    async compactDoc(boardId, kind, snapshot) {
      compact(boardId, kind, snapshot)
    },
    async close() {
      db.close()
    },
  }
}
