// Small helpers for tests that drive the board commands on a real Y.Doc.
import * as Y from 'yjs'
import {
  createBoard,
  readBoard,
  type IdSource,
  type Item,
  type TemplateName,
} from '../../../shared/index.ts'

/** Ids `p1`, `p2`, …: readable in failures, and distinct per prefix across peers. */
export function sequentialIds(prefix = 'n'): IdSource {
  let n = 0
  return () => `${prefix}${++n}`
}

export const CREATED_AT = Date.UTC(2025, 0, 15, 9, 30)

export function newBoard(template: TemplateName = 'blank') {
  const doc = new Y.Doc()
  const ids = sequentialIds()
  createBoard(doc, { template, title: 'MDO Sam', now: CREATED_AT, ids })
  return { doc, ids }
}

/** The validated snapshot of one item; fails the test when it is not on the board. */
export function itemOf(doc: Y.Doc, id: string): Item {
  const item = readBoard(doc).items.find((candidate) => candidate.id === id)
  if (!item) throw new Error(`${id} is not on the board (or did not validate)`)
  return item
}

export function idsOf(doc: Y.Doc): string[] {
  return readBoard(doc).items.map((item) => item.id)
}

/** How many transactions `run` makes on `doc`, even when it throws. */
export function transactionsDuring(doc: Y.Doc, run: () => unknown): number {
  let count = 0
  const onTransaction = () => count++
  doc.on('afterTransaction', onTransaction)
  try {
    run()
  } finally {
    doc.off('afterTransaction', onTransaction)
  }
  return count
}

/** An MDO board and the ids of its template items, by role. */
export function mdoBoard() {
  const { doc, ids } = newBoard('mdo')
  const items = readBoard(doc).items
  const find = (type: 'circle' | 'box', role: string) => {
    const found = items.find((item) => item.type === type && item.role === role)
    if (!found) throw new Error(`the mdo template has no ${type} ${role}`)
    return found.id
  }
  return {
    doc,
    ids,
    kind: find('circle', 'kind'),
    school: find('circle', 'school'),
    thuis: find('circle', 'thuis'),
    vragen: find('box', 'questions'),
    afspraken: find('box', 'agreements'),
  }
}
