// A job's document as stored, in the worker thread: the rows the relay handed over, or read here
// from the SQLite file on this thread's own read-only connection, so the event loop does not read
// a big board's rows (server/relay/backend.ts says which).
import Database from 'better-sqlite3'
import { docReader, type ReadDoc } from '../store/sqliteRead.ts'
import type { DocSource } from '../store/types.ts'

const readers = new Map<string, ReadDoc>()

function readerOf(file: string): ReadDoc {
  let read = readers.get(file)
  if (!read) {
    // WAL mode: this connection reads what the relay's connection committed, without locking it.
    read = docReader(new Database(file, { readonly: true, fileMustExist: true }))
    readers.set(file, read)
  }
  return read
}

/** The document's updates, to apply in order: the snapshot first. */
export function storedUpdates(source: DocSource): Uint8Array[] {
  const { snapshot, updates } =
    source.from === 'rows' ? source : readerOf(source.file)(source.boardId, source.kind)
  return snapshot ? [snapshot, ...updates] : updates
}
