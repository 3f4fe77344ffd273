// Copy and paste: a selection becomes plain JSON and comes back as independent copies, with
// parents and arrows remapped to the copies; a clipboard that is not ours is refused unwritten.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addInk,
  addLabel,
  addShape,
  addSticky,
  BoardError,
  CLIPBOARD_FORMAT,
  copyItems,
  LIMITS,
  linkItems,
  moveItems,
  pasteItems,
  readBoard,
  setText,
  type Item,
  type ItemId,
} from '../../shared/index.ts'
import { idsOf, itemOf, mdoBoard, newBoard, transactionsDuring } from './helpers/board.ts'

/** An MDO board with something in the child's circle: a sticky, a drawing and a free label. */
function drawnBoard() {
  const board = mdoBoard()
  const { doc, ids, kind } = board
  const sticky = addSticky(doc, {
    ids,
    kind: 'plus',
    text: 'Leest graag',
    x: -90,
    y: -360,
    parent: kind,
  })
  const ink = addInk(doc, { ids, points: [0, 0, 0.5, 40, 10, 0.8], x: 0, y: -250, parent: kind })
  const label = addLabel(doc, { ids, text: 'Thuis rustig', x: 600, y: 600 })
  return { ...board, sticky, ink, label }
}

function byId(doc: Y.Doc, ids: readonly string[]): Item[] {
  return ids.map((id) => itemOf(doc, id))
}

describe('copyItems', () => {
  it('copies circles with what they own and the arrows between copied items, as plain JSON', () => {
    const { doc, kind, school, sticky, ink, label } = drawnBoard()
    const clipboard = copyItems(doc, [kind, school, 'sticky:gone' as ItemId])
    expect(clipboard).toMatchObject({ format: CLIPBOARD_FORMAT, version: 1 })
    const copied = clipboard.items.map((item) => item.id)
    expect(copied).toEqual(expect.arrayContaining([kind, school, sticky, ink]))
    expect(copied).not.toContain(label)
    const arrows = clipboard.items.filter((item) => item.type === 'arrow')
    expect(arrows).toEqual([expect.objectContaining({ from: kind, to: school })])
    expect(JSON.parse(JSON.stringify(clipboard))).toEqual(clipboard)
  })
})

describe('pasteItems', () => {
  it('pastes twice as two independent copies, links remapped, above everything', () => {
    const { doc, ids, kind, school, sticky } = drawnBoard()
    const before = readBoard(doc).items
    const clipboard = JSON.parse(JSON.stringify(copyItems(doc, [kind, school])))
    const first = pasteItems(doc, clipboard, { dx: 2000, dy: 0, ids })
    const second = pasteItems(doc, clipboard, { dx: 4000, dy: 500, ids })

    expect(idsOf(doc).slice(-second.length)).toEqual(second)
    expect(new Set([...first, ...second, ...before.map((item) => item.id)]).size).toBe(
      before.length + first.length + second.length,
    )
    for (const [pasted, dx, dy] of [[first, 2000, 0] as const, [second, 4000, 500] as const]) {
      const items = byId(doc, pasted)
      const circles = items.filter((item) => item.type === 'circle')
      const [kindCopy, schoolCopy] = circles
      expect(circles.map((item) => item.role)).toEqual(['kind', 'school'])
      expect(kindCopy).toMatchObject({ x: itemOf(doc, kind).x + dx, y: itemOf(doc, kind).y + dy })
      const owned = items.filter((item) => item.parent === kindCopy?.id)
      expect(owned.map((item) => item.type).sort()).toEqual(['ink', 'sticky'])
      expect(items.find((item) => item.type === 'arrow')).toMatchObject({
        from: kindCopy?.id,
        to: schoolCopy?.id,
      })
    }
    expect(readBoard(doc).problems).toEqual([])

    // Editing or moving one copy leaves the other and the original alone.
    const stickyCopy = (pasted: ItemId[]) =>
      byId(doc, pasted).find((item) => item.type === 'sticky')
    const [one, two] = [stickyCopy(first), stickyCopy(second)]
    if (!one || !two) throw new Error('the sticky was not pasted')
    setText(doc, one.id, 'text', 'Leest elke avond')
    moveItems(doc, [one.id], 5, 5)
    expect(itemOf(doc, two.id)).toEqual(two)
    expect(itemOf(doc, sticky)).toMatchObject({ text: 'Leest graag' })
  })

  it('drops a parent that was not pasted', () => {
    const { doc, ids, sticky } = drawnBoard()
    const [copy] = pasteItems(doc, copyItems(doc, [sticky]), { dx: 10, dy: 10, ids })
    expect(itemOf(doc, copy ?? '')).not.toHaveProperty('parent')
  })

  it('keeps an arrow to an item still on the board, and drops one whose end is nowhere', () => {
    const { doc, ids, school } = mdoBoard()
    const sticky = addSticky(doc, { ids, kind: 'tip', x: 900, y: 900 })
    const arrow = linkItems(doc, sticky, school, { ids, label: 'Overleg', valence: 'up' })
    const clipboard = copyItems(doc, [sticky, arrow])
    const here = byId(doc, pasteItems(doc, clipboard, { dx: 0, dy: 200, ids }))
    expect(here.map((item) => item.type)).toEqual(['sticky', 'arrow'])
    expect(here[1]).toMatchObject({ from: here[0]?.id, to: school, label: 'Overleg' })

    const { doc: other, ids: otherIds } = newBoard()
    const there = byId(other, pasteItems(other, clipboard, { dx: 0, dy: 0, ids: otherIds }))
    expect(there.map((item) => item.type)).toEqual(['sticky'])
    expect(readBoard(other).problems).toEqual([])
  })

  it('pastes every drawn type and its style', () => {
    const { doc, ids } = newBoard()
    const shape = addShape(doc, { ids, shape: 'arrow', x: 0, y: 0, w: -80, h: 40, label: 'Naar' })
    const label = addLabel(doc, { ids, text: 'Samen', x: 0, y: 100, fontSize: 32 })
    const ink = addInk(doc, { ids, points: [0, 0, 0.5, 8, 9, 0.5], x: 0, y: 0, color: '#e03131' })
    const originals = byId(doc, [shape, label, ink])
    const copies = byId(
      doc,
      pasteItems(doc, copyItems(doc, [shape, label, ink]), { dx: 1, dy: 2, ids }),
    )
    expect(copies).toEqual(
      originals.map((item) => ({
        ...item,
        id: expect.stringMatching(new RegExp(`^${item.type}:`)),
        z: expect.any(String),
        x: item.x + 1,
        y: item.y + 2,
      })),
    )
  })

  it('runs as one transaction, and copying writes nothing', () => {
    const { doc, ids, kind } = drawnBoard()
    let clipboard = copyItems(doc, [])
    expect(transactionsDuring(doc, () => (clipboard = copyItems(doc, [kind])))).toBe(0)
    expect(transactionsDuring(doc, () => pasteItems(doc, clipboard, { dx: 0, dy: 0, ids }))).toBe(1)
  })

  const valid = { format: CLIPBOARD_FORMAT, version: 1 }
  const plainSticky = {
    id: 'sticky:a',
    type: 'sticky',
    x: 0,
    y: 0,
    w: 10,
    h: 10,
    z: 'a0',
    kind: 'plus',
    text: '',
  }
  it.each([
    ['nothing', undefined, /not a board clipboard/],
    ['plain text', 'Leest graag', /not a board clipboard/],
    ['another app', { format: 'tldraw', version: 1, items: [] }, /not a board clipboard/],
    [
      'a newer version',
      { ...valid, version: 2, items: [] },
      /version: a clipboard version this app does not know/,
    ],
    ['items that are no list', { ...valid, items: { 0: plainSticky } }, /items: .*expected array/],
    [
      'an unknown item type',
      { ...valid, items: [plainSticky, { ...plainSticky, type: 'video' }] },
      /item 1 has no known type/,
    ],
    ['an item that is null', { ...valid, items: [null] }, /item 0 has no known type/],
    [
      'a NaN position',
      { ...valid, items: [{ ...plainSticky, x: Number.NaN }] },
      /item 0 \(sticky\): x/,
    ],
    [
      'text past the limit',
      { ...valid, items: [{ ...plainSticky, text: 'x'.repeat(LIMITS.textLength + 1) }] },
      /item 0 \(sticky\): text: Too big/,
    ],
    [
      'a bad shape kind',
      { ...valid, items: [{ ...plainSticky, type: 'shape', shape: 'star' }] },
      /item 0 \(shape\): shape: Invalid option/,
    ],
    ['one id twice', { ...valid, items: [plainSticky, plainSticky] }, /sticky:a appears twice/],
    [
      'too many items',
      { ...valid, items: new Array(LIMITS.clipboardItems + 1).fill(plainSticky) },
      /items: at most 2000 items/,
    ],
  ])('refuses %s and writes nothing', (_, clipboard, reason) => {
    const { doc, ids } = mdoBoard()
    const before = Y.encodeStateVector(doc)
    expect(() => pasteItems(doc, clipboard, { dx: 0, dy: 0, ids })).toThrow(BoardError)
    expect(() => pasteItems(doc, clipboard, { dx: 0, dy: 0, ids })).toThrow(reason)
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('refuses a paste that would land off the board, writing nothing', () => {
    const { doc, ids, kind } = drawnBoard()
    const clipboard = copyItems(doc, [kind])
    const before = Y.encodeStateVector(doc)
    const dx = 2 * LIMITS.coordinate
    expect(() => pasteItems(doc, clipboard, { dx, dy: 0, ids })).toThrow(/invalid circle: x/)
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })
})
