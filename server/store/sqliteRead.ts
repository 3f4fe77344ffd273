// Reading one document's snapshot and log rows from the SQLite file: the store's own read, and that
// of a worker thread on a connection of its own (server/work/source.ts), so a big board's rows are
// not read on the event loop for an export.
import type Database from 'better-sqlite3'
import type { DocKind, StoredDoc } from './types.ts'

export type ReadDoc = (boardId: string, kind: DocKind) => StoredDoc

export function docReader(db: Database.Database): ReadDoc {
  const doc = db.prepare<[string, string], { id: number; snapshot: Buffer | null }>(
    'SELECT id, snapshot FROM docs WHERE board_id = ? AND kind = ?',
  )
  const updates = db.prepare<[number], { data: Buffer }>(
    'SELECT data FROM doc_updates WHERE doc = ? ORDER BY seq',
  )
  // One read transaction: a compaction by another connection is seen whole or not at all.
  return db.transaction((boardId: string, kind: DocKind): StoredDoc => {
    const row = doc.get(boardId, kind)
    if (!row) return { snapshot: null, updates: [] }
    return { snapshot: row.snapshot, updates: updates.all(row.id).map(({ data }) => data) }
  })
}
