// The shared store for several relay processes: the same tables as the SQLite store, in
// PostgreSQL, so boards, tokens, snapshots and logs are visible to every process.
import pg from 'pg'
import { postgresVersions } from './postgresVersions.ts'
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_active_at BIGINT NOT NULL,
  retention_days INTEGER NOT NULL,
  facilitator_hash TEXT NOT NULL,
  edit_hash TEXT NOT NULL,
  view_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS docs (
  id BIGSERIAL PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  snapshot BYTEA,
  UNIQUE (board_id, kind)
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq BIGSERIAL PRIMARY KEY,
  doc BIGINT NOT NULL REFERENCES docs (id) ON DELETE CASCADE,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates (doc, seq);
ALTER TABLE docs ADD COLUMN IF NOT EXISTS stream_id TEXT;
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  leader_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS workshop_boards (
  workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  board_id TEXT NOT NULL,
  PRIMARY KEY (workshop_id, position)
);
`

const FOREIGN_KEY_VIOLATION = '23503'

const HASH_COLUMN: Record<Role, string> = {
  facilitator: 'facilitator_hash',
  edit: 'edit_hash',
  view: 'view_hash',
}

interface BoardRow {
  id: string
  title: string
  template: string
  created_at: string
  last_active_at: string
  retention_days: number
  facilitator_hash: string
  edit_hash: string
  view_hash: string
}

export interface PostgresOptions {
  connectionString: string
  /** A schema of its own (created when missing), e.g. to keep test runs apart. */
  schema?: string
  max?: number
}

const buffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength)

/** In a cluster the log lives in a Redis stream; Postgres keeps the snapshot and how far it got. */
export interface ClusterStore extends Store {
  loadSnapshot(
    boardId: string,
    kind: DocKind,
  ): Promise<{ snapshot: Uint8Array | null; streamId: string | null }>
  saveSnapshot(
    boardId: string,
    kind: DocKind,
    snapshot: Uint8Array,
    streamId: string,
  ): Promise<void>
}

export async function openPostgresStore(options: PostgresOptions): Promise<ClusterStore> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  })
  // An idle client that loses its server must not take the process down with it.
  pool.on('error', () => undefined)
  if (options.schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new Error(`DATABASE_SCHEMA must be a plain lower-case name, got "${options.schema}"`)
  }
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`)
  await pool.query(SCHEMA)

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }

  const versions = await postgresVersions(pool, inTransaction)

  const docIds = new Map<string, string>()
  async function docId(boardId: string, kind: DocKind): Promise<string | null> {
    const key = `${boardId}/${kind}`
    const known = docIds.get(key)
    if (known) return known
    const { rows } = await pool.query<{ id: string }>(
      'SELECT id FROM docs WHERE board_id = $1 AND kind = $2',
      [boardId, kind],
    )
    const id = rows[0]?.id ?? null
    if (id) docIds.set(key, id)
    return id
  }

  return {
    async createBoard(board: BoardRecord, docs: Record<DocKind, Uint8Array>) {
      await inTransaction(async (client) => {
        await client.query(
          `INSERT INTO boards (id, title, template, created_at, last_active_at, retention_days, facilitator_hash, edit_hash, view_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            board.id,
            board.title,
            board.template,
            board.createdAt,
            board.lastActiveAt,
            board.retentionDays,
            board.tokenHashes.facilitator,
            board.tokenHashes.edit,
            board.tokenHashes.view,
          ],
        )
        for (const [kind, snapshot] of Object.entries(docs)) {
          await client.query('INSERT INTO docs (board_id, kind, snapshot) VALUES ($1, $2, $3)', [
            board.id,
            kind,
            buffer(snapshot),
          ])
        }
      })
    },
    async getBoard(id) {
      const { rows } = await pool.query<BoardRow>('SELECT * FROM boards WHERE id = $1', [id])
      const row = rows[0]
      if (!row) return null
      return {
        id: row.id,
        title: row.title,
        template: row.template,
        createdAt: Number(row.created_at),
        lastActiveAt: Number(row.last_active_at),
        retentionDays: row.retention_days,
        tokenHashes: {
          facilitator: row.facilitator_hash,
          edit: row.edit_hash,
          view: row.view_hash,
        },
      }
    },
    async setTokenHash(id, role, hash) {
      const result = await pool.query(`UPDATE boards SET ${HASH_COLUMN[role]} = $1 WHERE id = $2`, [
        hash,
        id,
      ])
      return (result.rowCount ?? 0) > 0
    },
    async deleteBoard(id) {
      docIds.delete(`${id}/content`)
      docIds.delete(`${id}/control`)
      // One statement, so one transaction: docs, their log rows and every other row that refers
      // to the board go with it (ON DELETE CASCADE); no reader sees it half deleted. What VACUUM
      // does with the dead rows afterwards: docs/security.md.
      const result = await pool.query('DELETE FROM boards WHERE id = $1', [id])
      return (result.rowCount ?? 0) > 0
    },
    async touchBoard(id, now) {
      await pool.query(
        'UPDATE boards SET last_active_at = $1 WHERE id = $2 AND last_active_at < $1',
        [now, id],
      )
    },
    async setRetention(id, days) {
      const result = await pool.query('UPDATE boards SET retention_days = $1 WHERE id = $2', [
        days,
        id,
      ])
      return (result.rowCount ?? 0) > 0
    },
    async expiredBoards(now) {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT id FROM boards WHERE last_active_at + retention_days::bigint * 86400000 < $1`,
        [now],
      )
      return rows.map((row) => row.id)
    },
    async createWorkshop(workshop: WorkshopRecord) {
      await inTransaction(async (client) => {
        await client.query(
          `INSERT INTO workshops (id, title, template, created_at, leader_hash)
           VALUES ($1, $2, $3, $4, $5)`,
          [workshop.id, workshop.title, workshop.template, workshop.createdAt, workshop.leaderHash],
        )
        // Position 0 is the plenary board, 1 to N the tables.
        const boards = [workshop.plenary, ...workshop.tables]
        await client.query(
          `INSERT INTO workshop_boards (workshop_id, position, board_id)
           SELECT $1, position - 1, board_id FROM unnest($2::text[]) WITH ORDINALITY AS t(board_id, position)`,
          [workshop.id, boards],
        )
      })
    },
    async getWorkshop(id) {
      const { rows } = await pool.query<{
        id: string
        title: string
        template: string
        created_at: string
        leader_hash: string
      }>('SELECT * FROM workshops WHERE id = $1', [id])
      const row = rows[0]
      if (!row) return null
      const boards = await pool.query<{ board_id: string }>(
        'SELECT board_id FROM workshop_boards WHERE workshop_id = $1 ORDER BY position',
        [id],
      )
      const [plenary = '', ...tables] = boards.rows.map((board) => board.board_id)
      return {
        id: row.id,
        title: row.title,
        template: row.template,
        createdAt: Number(row.created_at),
        leaderHash: row.leader_hash,
        plenary,
        tables,
      }
    },
    async deleteWorkshop(id) {
      // Its board list goes with it (ON DELETE CASCADE).
      const result = await pool.query('DELETE FROM workshops WHERE id = $1', [id])
      return (result.rowCount ?? 0) > 0
    },
    async emptyWorkshops() {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT w.id FROM workshops w WHERE NOT EXISTS (
           SELECT 1 FROM workshop_boards wb JOIN boards b ON b.id = wb.board_id
           WHERE wb.workshop_id = w.id)`,
      )
      return rows.map((row) => row.id)
    },
    async renewWorkshopLeader(id, fromHash, toHash, boards: readonly RehashedBoard[]) {
      return inTransaction(async (client) => {
        const leader = await client.query(
          'UPDATE workshops SET leader_hash = $1 WHERE id = $2 AND leader_hash = $3',
          [toHash, id, fromHash],
        )
        if ((leader.rowCount ?? 0) === 0) return null
        const renewed: string[] = []
        for (const board of boards) {
          // A board whose links changed since they were read is left as it is now.
          const result = await client.query(
            `UPDATE boards SET facilitator_hash = $2, edit_hash = $3, view_hash = $4
             WHERE id = $1 AND facilitator_hash = $5 AND edit_hash = $6 AND view_hash = $7`,
            [
              board.id,
              board.to.facilitator,
              board.to.edit,
              board.to.view,
              board.from.facilitator,
              board.from.edit,
              board.from.view,
            ],
          )
          if ((result.rowCount ?? 0) > 0) renewed.push(board.id)
        }
        return renewed
      })
    },
    async loadDoc(boardId, kind): Promise<StoredDoc> {
      const id = await docId(boardId, kind)
      if (!id) return { snapshot: null, updates: [] }
      // One statement, one view of both tables: a compaction (the snapshot replaced, the rows it
      // holds deleted) that commits meanwhile is seen whole or not at all.
      const { rows } = await pool.query<{ snapshot: Buffer | null; updates: Buffer[] }>(
        `SELECT snapshot, ARRAY(SELECT data FROM doc_updates WHERE doc = $1 ORDER BY seq) AS updates
         FROM docs WHERE id = $1`,
        [id],
      )
      return { snapshot: rows[0]?.snapshot ?? null, updates: rows[0]?.updates ?? [] }
    },
    async appendUpdates(batch: readonly PendingUpdate[]) {
      const docs: string[] = []
      const data: Buffer[] = []
      for (const row of batch) {
        const id = await docId(row.boardId, row.kind)
        if (!id) continue // the board was deleted meanwhile
        docs.push(id)
        data.push(buffer(row.update))
      }
      if (docs.length === 0) return 0
      // One statement for the whole group commit. Rows of a board deleted since its id was looked
      // up are left out; one deleted while this runs fails the statement, and the retry leaves it
      // out, so a delete never costs the other boards their rows.
      const insert = () =>
        pool.query<{ bytes: number }>(
          `INSERT INTO doc_updates (doc, data)
           SELECT u.doc, u.data FROM unnest($1::bigint[], $2::bytea[]) WITH ORDINALITY AS u (doc, data, i)
           WHERE EXISTS (SELECT 1 FROM docs WHERE docs.id = u.doc) ORDER BY u.i
           RETURNING length(data) AS bytes`,
          [docs, data],
        )
      const result = await insert().catch((err: unknown) => {
        if ((err as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) return insert()
        throw err
      })
      return result.rows.reduce((sum, row) => sum + row.bytes, 0)
    },
    async compactDoc(boardId, kind, encode) {
      const id = await docId(boardId, kind)
      if (!id) return
      // Rows up to this mark were written before the snapshot is encoded, so it holds them all;
      // rows written while this runs are newer than the mark and stay.
      const { rows } = await pool.query<{ mark: string | null }>(
        'SELECT max(seq) AS mark FROM doc_updates WHERE doc = $1',
        [id],
      )
      const snapshot = encode()
      await inTransaction(async (client) => {
        await client.query('UPDATE docs SET snapshot = $1 WHERE id = $2', [buffer(snapshot), id])
        await client.query('DELETE FROM doc_updates WHERE doc = $1 AND seq <= $2', [
          id,
          rows[0]?.mark ?? 0,
        ])
      })
    },
    async loadSnapshot(boardId, kind) {
      const { rows } = await pool.query<{ snapshot: Buffer | null; stream_id: string | null }>(
        'SELECT snapshot, stream_id FROM docs WHERE board_id = $1 AND kind = $2',
        [boardId, kind],
      )
      return { snapshot: rows[0]?.snapshot ?? null, streamId: rows[0]?.stream_id ?? null }
    },
    async saveSnapshot(boardId, kind, snapshot, streamId) {
      await pool.query(
        'UPDATE docs SET snapshot = $1, stream_id = $2 WHERE board_id = $3 AND kind = $4',
        [buffer(snapshot), streamId, boardId, kind],
      )
    },
    ...versions,
    async close() {
      await pool.end()
    },
  }
}
