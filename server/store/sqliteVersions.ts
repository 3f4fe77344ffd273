// The SQLite store's versions of board content (server/history/): whole-state snapshots in a
// table of their own, so compacting a document's log never touches what a version needs.
import type Database from 'better-sqlite3'
import type { NewVersion, Store, VersionInfo } from './types.ts'
import {
  isDuplicate,
  toVersionInfo as toInfo,
  VERSION_INFO as INFO,
  type VersionInfoRow as InfoRow,
} from './versionRows.ts'

export const VERSIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_versions (
  board_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  at INTEGER NOT NULL,
  step TEXT,
  points INTEGER NOT NULL,
  reason TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (board_id, n)
);
`

type VersionStore = Pick<Store, 'addVersion' | 'listVersions' | 'getVersion' | 'deleteVersions'>

export function sqliteVersions(db: Database.Database): VersionStore & {
  /** For deleteBoard's transaction: every version of the board goes with it. */
  deleteBoardVersions(boardId: string): void
} {
  db.exec(VERSIONS_SCHEMA)
  const q = {
    boardExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM boards WHERE id = ?'),
    newest: db.prepare<[string], InfoRow>(
      `SELECT ${INFO} FROM doc_versions WHERE board_id = ? ORDER BY n DESC LIMIT 1`,
    ),
    insert: db.prepare(
      `INSERT INTO doc_versions (board_id, n, at, step, points, reason, bytes, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    list: db.prepare<[string], InfoRow>(
      `SELECT ${INFO} FROM doc_versions WHERE board_id = ? ORDER BY n DESC`,
    ),
    get: db.prepare<[string, number], InfoRow & { state: Buffer }>(
      `SELECT ${INFO}, state FROM doc_versions WHERE board_id = ? AND n = ?`,
    ),
    deleteOne: db.prepare('DELETE FROM doc_versions WHERE board_id = ? AND n = ?'),
    deleteAll: db.prepare('DELETE FROM doc_versions WHERE board_id = ?'),
  }

  // One transaction: the duplicate check, the next number and the row cannot be split.
  const add = db.transaction(
    (boardId: string, version: NewVersion, dedupeMs: number | undefined): VersionInfo | null => {
      if (!q.boardExists.get(boardId)) return null
      const row = q.newest.get(boardId)
      const newest = row ? toInfo(row) : undefined
      if (isDuplicate(newest, version, dedupeMs)) return null
      const info: VersionInfo = {
        n: (newest?.n ?? 0) + 1,
        at: version.at,
        step: version.step,
        points: version.points,
        reason: version.reason,
        bytes: version.state.byteLength,
      }
      q.insert.run(
        boardId,
        info.n,
        info.at,
        info.step,
        info.points,
        info.reason,
        info.bytes,
        version.state,
      )
      return info
    },
  )
  const remove = db.transaction((boardId: string, ns: readonly number[]) => {
    for (const n of ns) q.deleteOne.run(boardId, n)
  })

  return {
    async addVersion(boardId, version, dedupeMs) {
      return add(boardId, version, dedupeMs)
    },
    async listVersions(boardId) {
      return q.list.all(boardId).map(toInfo)
    },
    async getVersion(boardId, n) {
      const row = q.get.get(boardId, n)
      return row ? { info: toInfo(row), state: row.state } : null
    },
    async deleteVersions(boardId, ns) {
      remove(boardId, ns)
    },
    deleteBoardVersions(boardId) {
      q.deleteAll.run(boardId)
    },
  }
}
