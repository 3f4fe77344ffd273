// The next meeting: a copy of the board that keeps the analysis and puts the running agreements
// in their own area, open again, for evaluation.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAgreement,
  addSticky,
  BoardError,
  itemsMap,
  NEXT_MEETING_LABELS,
  prepareNextMeeting,
  readBoard,
  resizeItem,
  type AgreementItem,
  type Item,
} from '../../shared/index.ts'
import { mdoBoard, newBoard, sequentialIds } from './helpers/board.ts'

const NEXT = Date.UTC(2025, 2, 1, 9, 0)

function meetingWithAgreements() {
  const board = mdoBoard()
  const { doc, ids } = board
  const sticky = addSticky(doc, {
    ids,
    kind: 'plus',
    text: 'Sam leest graag',
    x: 0,
    y: -300,
    parent: board.kind,
  })
  const agreement = (wat: string, status: AgreementItem['status']) =>
    addAgreement(doc, { ids, parent: board.afspraken, wat, wie: 'Juf Ans', status })
  return {
    ...board,
    sticky,
    open: agreement('Leesplan maken', 'open'),
    running: agreement('Wekelijks contact met thuis', 'continue'),
    done: agreement('Gesprek met JGZ', 'done'),
    notDone: agreement('Observatie in de klas', 'not-done'),
  }
}

const byId = (items: Item[]) => new Map(items.map((item) => [item.id, item]))

describe('prepareNextMeeting', () => {
  it('copies the board and carries the running agreements, open again, into their own area', () => {
    const old = meetingWithAgreements()
    const next = new Y.Doc()
    const result = prepareNextMeeting(old.doc, next, { now: NEXT, ids: sequentialIds('x') })
    const { meta, items, problems } = readBoard(next)
    expect(problems).toEqual([])
    expect(meta).toMatchObject({ title: 'MDO Sam', template: 'mdo', createdAt: NEXT })
    expect(result.carried).toBe(2)

    const before = byId(readBoard(old.doc).items)
    const after = byId(items)
    for (const [id, item] of before) {
      if (item.type !== 'agreement') expect(after.get(id), id).toEqual(item)
    }
    const box = after.get(result.evaluationBox!)
    expect(box).toMatchObject({ type: 'box', label: NEXT_MEETING_LABELS.previousAgreements.nl })
    const carried = items.filter((item): item is AgreementItem => item.type === 'agreement')
    expect(carried.map((a) => [a.id, a.wat, a.wie, a.status, a.parent])).toEqual([
      [old.open, 'Leesplan maken', 'Juf Ans', 'open', box!.id],
      [old.running, 'Wekelijks contact met thuis', 'Juf Ans', 'open', box!.id],
    ])
    // Inside the area, one below the other, drawn above it; the old Afspraken box is empty again.
    for (const agreement of carried) {
      expect(agreement.x).toBeGreaterThanOrEqual(box!.x)
      expect(agreement.x + agreement.w).toBeLessThanOrEqual(box!.x + box!.w)
      expect(agreement.y + agreement.h).toBeLessThanOrEqual(box!.y + box!.h)
      expect(agreement.z > box!.z).toBe(true)
    }
    expect(carried[1]!.y).toBeGreaterThan(carried[0]!.y + carried[0]!.h)
    expect(items.some((item) => item.parent === old.afspraken)).toBe(false)
    // The new area lies beside everything that was on the board.
    for (const item of before.values()) {
      if (item.type !== 'arrow' && item.type !== 'agreement') {
        expect(item.x + item.w).toBeLessThan(box!.x)
      }
    }
  })

  it('puts many carried agreements, short and tall, on free places in the area, none on another', () => {
    const board = mdoBoard()
    const ids = Array.from({ length: 7 }, (_, i) =>
      addAgreement(board.doc, { ids: board.ids, parent: board.afspraken, wat: `Afspraak ${i}` }),
    )
    // Someone made two of them much taller to fit a long text.
    for (const id of [ids[0]!, ids[3]!]) {
      const agreement = readBoard(board.doc).items.find((item) => item.id === id)!
      resizeItem(board.doc, id, { ...agreement, h: agreement.h * 2 })
    }
    const next = new Y.Doc()
    const { evaluationBox } = prepareNextMeeting(board.doc, next, { now: NEXT })
    const { items } = readBoard(next)
    const box = items.find((item) => item.id === evaluationBox)!
    const rows = items.filter((item): item is AgreementItem => item.type === 'agreement')
    expect(rows.map((row) => row.wat)).toEqual(ids.map((_, i) => `Afspraak ${i}`))
    for (const [i, a] of rows.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(box.x)
      expect(a.x + a.w).toBeLessThanOrEqual(box.x + box.w)
      expect(a.y + a.h).toBeLessThanOrEqual(box.y + box.h)
      for (const b of rows.slice(i + 1)) {
        expect(a.y + a.h <= b.y || b.y + b.h <= a.y, `${a.wat}/${b.wat}`).toBe(true)
      }
    }
  })

  it('leaves the old board as it was', () => {
    const old = meetingWithAgreements()
    const snapshot = JSON.stringify(readBoard(old.doc))
    prepareNextMeeting(old.doc, new Y.Doc(), { now: NEXT, title: 'MDO Sam, vervolg' })
    expect(JSON.stringify(readBoard(old.doc))).toBe(snapshot)
  })

  it('takes a new title, and makes no area when no agreement is running', () => {
    const { doc } = newBoard('tips-tops-interessant')
    const next = new Y.Doc()
    const result = prepareNextMeeting(doc, next, { now: NEXT, title: 'Tweede ronde' })
    expect(result).toEqual({ carried: 0 })
    expect(readBoard(next).meta.title).toBe('Tweede ronde')
    expect(readBoard(next).items).toEqual(readBoard(doc).items)
  })

  it('skips what a bad peer wrote into the old board', () => {
    const old = meetingWithAgreements()
    itemsMap(old.doc).set('sticky:bad', new Y.Map<unknown>([['type', 'sticky']]))
    const next = new Y.Doc()
    prepareNextMeeting(old.doc, next, { now: NEXT })
    expect(readBoard(next).problems).toEqual([])
    expect(itemsMap(next).has('sticky:bad')).toBe(false)
  })

  it('refuses a doc that already holds a board, and a bad time', () => {
    const old = meetingWithAgreements()
    expect(() => prepareNextMeeting(old.doc, newBoard().doc, { now: NEXT })).toThrow(BoardError)
    expect(() => prepareNextMeeting(old.doc, new Y.Doc(), { now: Number.NaN })).toThrow(BoardError)
    expect(() =>
      prepareNextMeeting(old.doc, new Y.Doc(), { now: NEXT, title: 'x'.repeat(201) }),
    ).toThrow(BoardError)
  })
})
