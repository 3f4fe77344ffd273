// The PostgreSQL store's versions of board content (server/history/), as in sqliteVersions.ts.
// Several relay processes may see the same trigger: a lock per board makes the duplicate check
// and the insert one step, so they store it once.
import type pg from 'pg'
import {
  isDuplicate,
  toVersionInfo as info,
  VERSION_INFO as INFO,
  type VersionInfoRow as InfoRow,
} from './versionRows.ts'
import type { Store, VersionInfo } from './types.ts'

// The rows go with their board (ON DELETE CASCADE), so deleteBoard needs no line of its own.
export const VERSIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_versions (
  board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  at BIGINT NOT NULL,
  step TEXT,
  points INTEGER NOT NULL,
  reason TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  state BYTEA NOT NULL,
  PRIMARY KEY (board_id, n)
);
`

type VersionStore = Pick<Store, 'addVersion' | 'listVersions' | 'getVersion' | 'deleteVersions'>

export async function postgresVersions(
  pool: pg.Pool,
  inTransaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
): Promise<VersionStore> {
  await pool.query(VERSIONS_SCHEMA)
  return {
    addVersion(boardId, version, dedupeMs) {
      return inTransaction(async (client): Promise<VersionInfo | null> => {
        // Held until the commit; other boards are not held up.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('mdo-version:' || $1))", [
          boardId,
        ])
        const board = await client.query('SELECT 1 FROM boards WHERE id = $1', [boardId])
        if (board.rowCount === 0) return null
        const { rows } = await client.query<InfoRow>(
          `SELECT ${INFO} FROM doc_versions WHERE board_id = $1 ORDER BY n DESC LIMIT 1`,
          [boardId],
        )
        const newest = rows[0] ? info(rows[0]) : undefined
        if (isDuplicate(newest, version, dedupeMs)) return null
        const stored: VersionInfo = {
          n: (newest?.n ?? 0) + 1,
          at: version.at,
          step: version.step,
          points: version.points,
          reason: version.reason,
          bytes: version.state.byteLength,
        }
        await client.query(
          `INSERT INTO doc_versions (board_id, n, at, step, points, reason, bytes, state)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            boardId,
            stored.n,
            stored.at,
            stored.step,
            stored.points,
            stored.reason,
            stored.bytes,
            Buffer.from(version.state.buffer, version.state.byteOffset, version.state.byteLength),
          ],
        )
        return stored
      })
    },
    async listVersions(boardId) {
      const { rows } = await pool.query<InfoRow>(
        `SELECT ${INFO} FROM doc_versions WHERE board_id = $1 ORDER BY n DESC`,
        [boardId],
      )
      return rows.map(info)
    },
    async getVersion(boardId, n) {
      const { rows } = await pool.query<InfoRow & { state: Buffer }>(
        `SELECT ${INFO}, state FROM doc_versions WHERE board_id = $1 AND n = $2`,
        [boardId, n],
      )
      const row = rows[0]
      return row ? { info: info(row), state: row.state } : null
    },
    async deleteVersions(boardId, ns) {
      if (ns.length === 0) return
      await pool.query('DELETE FROM doc_versions WHERE board_id = $1 AND n = ANY($2::int[])', [
        boardId,
        [...ns],
      ])
    },
  }
}
