// Brings a board written by an older release up to SCHEMA_VERSION, one `up` step per version, all
// in one transaction. A board from a newer release is left untouched and reported, never thrown.
import * as Y from 'yjs'
import type { Problem } from './errors.ts'
import { itemsMap, metaMap } from './read.ts'
import { SCHEMA_VERSION } from './schema.ts'

export interface Migration {
  description: string
  /** Rewrites the doc from the previous version to this one; must be safe to run twice. */
  up(doc: Y.Doc): void
}

/** Keyed by the version a step produces: migrations[1] takes a v0 board to v1. */
export const migrations: Readonly<Record<number, Migration>> = {
  1: {
    description: 'sticky text from a plain string to Y.Text; meta fields v0 lacked',
    up(doc) {
      itemsMap(doc).forEach((item) => {
        if (!(item instanceof Y.Map) || item.get('type') !== 'sticky') return
        const text: unknown = item.get('text')
        if (typeof text === 'string') item.set('text', new Y.Text(text))
      })
      const meta = metaMap(doc)
      if (!meta.has('title')) meta.set('title', '')
      if (!meta.has('template')) meta.set('template', 'blank')
      // v0 did not record when a board was made; 0 reads as "unknown".
      if (!meta.has('createdAt')) meta.set('createdAt', 0)
    },
  },
}

export type MigrationResult =
  { ok: true; from: number; to: number } | { ok: false; problem: Problem }

/**
 * The schema version a doc is at: its meta's schemaVersion, 0 for a doc with content but no
 * version (the first release did not write one), undefined for an empty doc (nothing synced yet).
 */
export function boardVersion(doc: Y.Doc): unknown {
  const version = metaMap(doc).get('schemaVersion')
  if (version !== undefined) return version
  return metaMap(doc).size > 0 || itemsMap(doc).size > 0 ? 0 : undefined
}

/** Migrates in place. An empty doc (not synced yet) needs nothing and counts as current. */
export function migrateBoard(doc: Y.Doc, origin?: unknown): MigrationResult {
  const from = boardVersion(doc)
  if (from === undefined) return { ok: true, from: SCHEMA_VERSION, to: SCHEMA_VERSION }
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    return { ok: false, problem: { reason: 'meta.schemaVersion is not a version number' } }
  }
  if (from > SCHEMA_VERSION) {
    return {
      ok: false,
      problem: {
        reason: `board uses schema ${from}, newer than this app's ${SCHEMA_VERSION}; update the app`,
      },
    }
  }
  if (from === SCHEMA_VERSION) return { ok: true, from, to: from }
  doc.transact(() => {
    for (let version = from + 1; version <= SCHEMA_VERSION; version++) {
      migrations[version]?.up(doc)
      metaMap(doc).set('schemaVersion', version)
    }
  }, origin)
  return { ok: true, from, to: SCHEMA_VERSION }
}
