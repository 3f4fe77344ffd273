// Migrations: a board from the first release (v0, sticky text as a plain string) comes up to the
// current schema; a board from a newer release is refused as a problem and left untouched.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  migrateBoard,
  migrations,
  readBoard,
  SCHEMA_VERSION,
  setText,
  type ItemId,
} from '../../shared/index.ts'
import { itemOf, newBoard, transactionsDuring } from './helpers/board.ts'

/** A board as v0 wrote it: no meta version, sticky text as a plain string. */
function v0Board(): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    doc.getMap('meta').set('title', 'Oud bord')
    const sticky = (id: string, text: string, z: string) =>
      new Y.Map<unknown>(
        Object.entries({ id, type: 'sticky', x: 0, y: 0, w: 180, h: 120, z, kind: 'plus', text }),
      )
    doc.getMap('items').set('sticky:one', sticky('sticky:one', 'Leest graag', 'a0'))
    doc.getMap('items').set('sticky:two', sticky('sticky:two', 'Sport elke week', 'a1'))
  })
  return doc
}

describe('migrateBoard', () => {
  it('has a migration for every version up to the current one', () => {
    for (let version = 1; version <= SCHEMA_VERSION; version++) {
      expect(migrations[version], `migration to ${version}`).toBeDefined()
    }
  })

  it('turns a v0 board into a current one that reads without problems', () => {
    const doc = v0Board()
    expect(readBoard(doc).items).toEqual([]) // unreadable before: text is not a Y.Text
    let result: ReturnType<typeof migrateBoard> | undefined
    expect(transactionsDuring(doc, () => (result = migrateBoard(doc)))).toBe(1)
    expect(result).toEqual({ ok: true, from: 0, to: SCHEMA_VERSION })
    const board = readBoard(doc)
    expect(board.problems).toEqual([])
    expect(board.meta).toMatchObject({ schemaVersion: SCHEMA_VERSION, title: 'Oud bord' })
    expect(board.items.map((item) => item.type === 'sticky' && item.text)).toEqual([
      'Leest graag',
      'Sport elke week',
    ])
    // The text is now a collaborative Y.Text that the commands can edit.
    setText(doc, 'sticky:one' as ItemId, 'text', 'Leest heel graag')
    expect(itemOf(doc, 'sticky:one')).toMatchObject({ text: 'Leest heel graag' })
  })

  it('does nothing to a current board or an empty (unsynced) doc', () => {
    const { doc } = newBoard('mdo')
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    expect(migrateBoard(doc)).toEqual({ ok: true, from: SCHEMA_VERSION, to: SCHEMA_VERSION })
    const empty = new Y.Doc()
    empty.on('update', (update: Uint8Array) => updates.push(update))
    expect(migrateBoard(empty).ok).toBe(true)
    expect(updates).toEqual([])
  })

  it('refuses a board from a newer release without changing it', () => {
    const { doc } = newBoard('mdo')
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1)
    const before = Y.encodeStateVector(doc)
    const result = migrateBoard(doc)
    expect(result).toEqual({ ok: false, problem: { reason: expect.stringMatching(/newer/) } })
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('refuses a version that is not a number', () => {
    const { doc } = newBoard()
    doc.getMap('meta').set('schemaVersion', '1')
    expect(migrateBoard(doc)).toMatchObject({ ok: false })
  })

  it('gives the same text once when two peers migrate the same v0 board at once', () => {
    const a = v0Board()
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    migrateBoard(a)
    migrateBoard(b)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readBoard(a)).toEqual(readBoard(b))
    expect(itemOf(a, 'sticky:one')).toMatchObject({ text: 'Leest graag' })
  })
})
