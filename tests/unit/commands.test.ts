// The board commands on a real Y.Doc: what each changes, what it refuses, and that each is one
// transaction (so one undo step and one update on the wire).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAgreement,
  addBox,
  addCircle,
  addQuestion,
  addSticky,
  BoardError,
  bringToFront,
  containerAt,
  createBoard,
  deleteItems,
  dropItems,
  LIMITS,
  linkItems,
  moveInto,
  moveItems,
  readBoard,
  resizeItem,
  setAgreementStatus,
  setArrowValence,
  setParent,
  setStickyKind,
  setText,
  setTitle,
  type ItemId,
  type StickyKind,
} from '../../shared/index.ts'
import { idsOf, itemOf, mdoBoard, newBoard, transactionsDuring } from './helpers/board.ts'

const missing = 'sticky:nope' as ItemId

describe('createBoard', () => {
  it('writes a readable meta and refuses a doc that already holds a board', () => {
    const { doc } = newBoard('blank')
    const { meta, problems } = readBoard(doc)
    expect(problems).toEqual([])
    expect(meta).toMatchObject({ title: 'MDO Sam', template: 'blank' })
    expect(() => createBoard(doc, { template: 'mdo', title: '', now: 0 })).toThrow(BoardError)
    expect(readBoard(doc).items).toEqual([])
  })

  it('refuses an unknown template and an overlong title without writing', () => {
    const doc = new Y.Doc()
    const bad = 'kanban' as 'mdo'
    expect(() => createBoard(doc, { template: bad, title: '', now: 0 })).toThrow(/template/)
    const title = 'x'.repeat(LIMITS.shortText + 1)
    expect(() => createBoard(doc, { template: 'mdo', title, now: 0 })).toThrow(/title/)
    expect(doc.getMap('meta').size + doc.getMap('items').size).toBe(0)
  })

  it('changes the title later', () => {
    const { doc } = newBoard()
    setTitle(doc, 'MDO Sam, tweede overleg')
    expect(readBoard(doc).meta.title).toBe('MDO Sam, tweede overleg')
  })
})

describe('addSticky', () => {
  it('puts a sticky above everything, owned by the circle it is given', () => {
    const { doc, ids, kind } = mdoBoard()
    const id = addSticky(doc, {
      ids,
      kind: 'plus',
      text: 'Leest graag',
      x: -40,
      y: -320,
      parent: kind,
    })
    const board = readBoard(doc)
    expect(board.items.at(-1)).toMatchObject({
      id,
      parent: kind,
      text: 'Leest graag',
      kind: 'plus',
    })
    expect(board.problems).toEqual([])
  })

  it('refuses a parent that is not a circle or box, and text past the limit', () => {
    const { doc, ids } = newBoard()
    const note = addSticky(doc, { ids, kind: 'note', x: 0, y: 0 })
    expect(() => addSticky(doc, { ids, kind: 'plus', x: 0, y: 0, parent: note })).toThrow(
      /expected circle or box/,
    )
    expect(() => addSticky(doc, { ids, kind: 'plus', x: 0, y: 0, parent: missing })).toThrow(
      BoardError,
    )
    const text = 'x'.repeat(LIMITS.textLength + 1)
    expect(() => addSticky(doc, { ids, kind: 'plus', text, x: 0, y: 0 })).toThrow(/text/)
    expect(() => addSticky(doc, { ids, kind: 'plus', x: Number.NaN, y: 0 })).toThrow(/x/)
    expect(idsOf(doc)).toEqual([note])
  })
})

describe('addCircle and addBox', () => {
  it('stores a circle as the square around its centre and radius', () => {
    const { doc, ids } = newBoard()
    const id = addCircle(doc, { ids, role: 'zorg', label: 'Jeugdhulp', cx: 100, cy: 50, r: 200 })
    expect(itemOf(doc, id)).toMatchObject({ x: -100, y: -150, w: 400, h: 400, role: 'zorg' })
    const box = addBox(doc, { ids, role: 'column', label: 'Tops', x: 0, y: 0, w: 300, h: 600 })
    expect(itemOf(doc, box)).toMatchObject({ type: 'box', label: 'Tops', role: 'column' })
  })
})

describe('moveItems', () => {
  it('moves a circle with the stickies it owns and leaves the rest', () => {
    const { doc, ids, kind, school } = mdoBoard()
    const inside = addSticky(doc, { ids, kind: 'goal', x: 0, y: -300, parent: kind })
    const outside = addSticky(doc, { ids, kind: 'goal', x: 0, y: 900 })
    const schoolBefore = itemOf(doc, school)
    moveItems(doc, [kind, inside], 10, -20)
    expect(itemOf(doc, inside)).toMatchObject({ x: 10, y: -320 }) // moved once, not twice
    expect(itemOf(doc, kind)).toMatchObject({ x: -250, y: -580 })
    expect(itemOf(doc, outside)).toMatchObject({ x: 0, y: 900 })
    expect(itemOf(doc, school)).toEqual(schoolBefore)
  })

  it('moves nothing when one id is unknown or a move leaves the board', () => {
    const { doc, ids } = newBoard()
    const a = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0 })
    expect(() => moveItems(doc, [a, missing], 5, 5)).toThrow(BoardError)
    expect(() => moveItems(doc, [a], LIMITS.coordinate * 2, 0)).toThrow(BoardError)
    expect(() => moveItems(doc, [a], Number.POSITIVE_INFINITY, 0)).toThrow(BoardError)
    expect(itemOf(doc, a)).toMatchObject({ x: 0, y: 0 })
  })
})

describe('moveInto', () => {
  it('puts a sticky on a free spot inside another circle, owned by it, in one transaction', () => {
    const { doc, ids, kind, school } = mdoBoard()
    const there = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0, parent: school })
    const moving = addSticky(doc, { ids, kind: 'minus', x: -60, y: -360, parent: kind })
    expect(transactionsDuring(doc, () => moveInto(doc, moving, school))).toBe(1)
    const moved = itemOf(doc, moving)
    const circle = itemOf(doc, school)
    const other = itemOf(doc, there)
    expect(moved.parent).toBe(school)
    expect(containerAt(doc, moved.x + moved.w / 2, moved.y + moved.h / 2)).toBe(school)
    const apart =
      moved.x + moved.w <= other.x ||
      other.x + other.w <= moved.x ||
      moved.y + moved.h <= other.y ||
      other.y + other.h <= moved.y
    expect(apart).toBe(true)
    expect(moved.x).toBeGreaterThanOrEqual(circle.x)
  })

  it('gives a sticky moved into a column that column’s kind', () => {
    const { doc, ids } = newBoard('tips-tops-interessant')
    const columns = readBoard(doc).items.flatMap((item) =>
      item.type === 'box' && item.stickyKind ? [item] : [],
    )
    const tops = columns.find((box) => box.stickyKind === 'top')!
    const tips = columns.find((box) => box.stickyKind === 'tip')!
    const sticky = addSticky(doc, {
      ids,
      kind: 'top',
      x: tops.x + 20,
      y: tops.y + 80,
      parent: tops.id,
    })
    moveInto(doc, sticky, tips.id)
    expect(itemOf(doc, sticky)).toMatchObject({ parent: tips.id, kind: 'tip' })
  })

  it('refuses a target that is not a circle or box, and an arrow, without writing', () => {
    const { doc, ids, kind, school } = mdoBoard()
    const a = addSticky(doc, { ids, kind: 'plus', x: 0, y: -300, parent: kind })
    const b = addSticky(doc, { ids, kind: 'plus', x: 0, y: 900 })
    const arrow = linkItems(doc, kind, school, { ids })
    const before = JSON.stringify(readBoard(doc).items)
    expect(() => moveInto(doc, a, b)).toThrow(BoardError)
    expect(() => moveInto(doc, arrow, school)).toThrow(BoardError)
    expect(() => moveInto(doc, a, missing)).toThrow(BoardError)
    expect(JSON.stringify(readBoard(doc).items)).toBe(before)
  })
})

describe('resizeItem', () => {
  it('sets new bounds and refuses negative sizes and arrows', () => {
    const { doc, ids, kind, school } = mdoBoard()
    const sticky = addSticky(doc, { ids, kind: 'need', x: 0, y: 0 })
    resizeItem(doc, sticky, { x: -10, y: -10, w: 300, h: 200 })
    expect(itemOf(doc, sticky)).toMatchObject({ x: -10, y: -10, w: 300, h: 200 })
    expect(() => resizeItem(doc, sticky, { x: 0, y: 0, w: -1, h: 10 })).toThrow(BoardError)
    const arrow = linkItems(doc, kind, school, { ids })
    expect(() => resizeItem(doc, arrow, { x: 0, y: 0, w: 10, h: 10 })).toThrow(/arrow/)
  })
})

describe('setText', () => {
  it('edits only the changed part, so a concurrent edit elsewhere survives', () => {
    const { doc, ids } = newBoard()
    const id = addSticky(doc, { ids, kind: 'minus', text: 'Komt te laat', x: 0, y: 0 })
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    setText(doc, id, 'text', 'Komt vaak te laat')
    setText(peer, id, 'text', 'Komt te laat op maandag')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer))
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    expect(itemOf(doc, id)).toMatchObject({ text: 'Komt vaak te laat op maandag' })
    expect(itemOf(peer, id)).toEqual(itemOf(doc, id))
  })

  it('refuses a field the item type does not have', () => {
    const { doc, ids } = newBoard()
    const id = addSticky(doc, { ids, kind: 'minus', x: 0, y: 0 })
    expect(() => setText(doc, id, 'wat', 'iets')).toThrow(/no text field 'wat'/)
    expect(() => setText(doc, id, 'text', 'x'.repeat(LIMITS.textLength + 1))).toThrow(BoardError)
  })

  it('repairs half an emoji, so the writer holds the same text its peers receive', () => {
    const { doc, ids } = newBoard()
    const peer = new Y.Doc()
    const synced = () => Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)))
    const id = addSticky(doc, { ids, kind: 'top', text: 'Goed 😀'.slice(0, -1), x: 0, y: 0 })
    synced()
    expect(itemOf(doc, id)).toMatchObject({ text: 'Goed \uFFFD' })
    expect(readBoard(peer)).toEqual(readBoard(doc))
    setText(doc, id, 'text', '\uDE00 ok')
    synced()
    expect(itemOf(doc, id)).toMatchObject({ text: '\uFFFD ok' })
    expect(readBoard(peer)).toEqual(readBoard(doc))
  })

  it('keeps emoji whole when only part of a surrogate pair differs', () => {
    const { doc, ids } = newBoard()
    const id = addSticky(doc, { ids, kind: 'top', text: 'Goed 😀', x: 0, y: 0 })
    setText(doc, id, 'text', 'Goed 😃')
    expect(itemOf(doc, id)).toMatchObject({ text: 'Goed 😃' })
  })
})

describe('kinds, valence and status', () => {
  it('change one field and refuse the wrong item type or an unknown value', () => {
    const { doc, ids, kind, thuis, afspraken } = mdoBoard()
    const sticky = addSticky(doc, { ids, kind: 'note', x: 0, y: 0, parent: kind })
    setStickyKind(doc, sticky, 'need')
    expect(itemOf(doc, sticky)).toMatchObject({ kind: 'need', parent: kind })
    expect(() => setStickyKind(doc, sticky, 'happy' as StickyKind)).toThrow(/kind/)
    expect(() => setStickyKind(doc, kind, 'need')).toThrow(/is a circle, expected sticky/)

    const arrow = linkItems(doc, kind, thuis, { ids })
    setArrowValence(doc, arrow, 'down')
    expect(itemOf(doc, arrow)).toMatchObject({ valence: 'down', from: kind, to: thuis })

    const agreement = addAgreement(doc, { ids, parent: afspraken, wat: 'Dagrapport' })
    setAgreementStatus(doc, agreement, 'continue')
    expect(itemOf(doc, agreement)).toMatchObject({ status: 'continue', wat: 'Dagrapport' })
  })
})

describe('linkItems', () => {
  it('links two items and refuses a loop, an arrow end or a missing end', () => {
    const { doc, ids, kind, school } = mdoBoard()
    const arrow = linkItems(doc, school, kind, { ids, label: 'Juf belt moeder', valence: 'up' })
    expect(itemOf(doc, arrow)).toMatchObject({ from: school, to: kind, label: 'Juf belt moeder' })
    expect(() => linkItems(doc, kind, kind, { ids })).toThrow(/two different items/)
    expect(() => linkItems(doc, kind, arrow, { ids })).toThrow(/arrow/)
    expect(() => linkItems(doc, kind, missing, { ids })).toThrow(BoardError)
  })
})

describe('addAgreement and addQuestion', () => {
  it('stack rows in their box below the previous one', () => {
    const { doc, ids, afspraken, vragen } = mdoBoard()
    const box = itemOf(doc, afspraken)
    const first = itemOf(doc, addAgreement(doc, { ids, parent: afspraken, wie: 'Mentor' }))
    const second = itemOf(doc, addAgreement(doc, { ids, parent: afspraken }))
    expect(first).toMatchObject({ parent: afspraken, status: 'open', wie: 'Mentor', hoe: '' })
    expect(first.y).toBeGreaterThan(box.y)
    expect(second.y).toBeGreaterThanOrEqual(first.y + first.h)
    expect(first.x + first.w).toBeLessThanOrEqual(box.x + box.w)

    const question = addQuestion(doc, {
      ids,
      parent: vragen,
      text: 'Moet er een arrangement komen?',
      askedBy: 'moeder',
      decisionNeeded: true,
    })
    expect(itemOf(doc, question)).toMatchObject({ parent: vragen, decisionNeeded: true })
  })

  it('need a box as parent', () => {
    const { doc, ids, kind } = mdoBoard()
    expect(() => addAgreement(doc, { ids, parent: kind })).toThrow(/expected box/)
    expect(() => addQuestion(doc, { ids, parent: missing })).toThrow(BoardError)
  })
})

describe('containerAt, dropItems and setParent', () => {
  it('finds circles by radius and boxes by rectangle, topmost first', () => {
    const { doc, kind, vragen } = mdoBoard()
    const circle = itemOf(doc, kind)
    expect(containerAt(doc, circle.x + circle.w / 2, circle.y + circle.h / 2)).toBe(kind)
    // The corner of the circle's bounding square lies outside the circle.
    expect(containerAt(doc, circle.x + 5, circle.y + 5)).toBeUndefined()
    const box = itemOf(doc, vragen)
    expect(containerAt(doc, box.x + 1, box.y + box.h - 1)).toBe(vragen)
  })

  it('re-parents dropped items by their centre and frees those dropped outside', () => {
    const { doc, ids, kind, school } = mdoBoard()
    const circle = itemOf(doc, school)
    const sticky = addSticky(doc, { ids, kind: 'plus', x: 2000, y: 2000, parent: kind })
    const cx = circle.x + circle.w / 2
    const cy = circle.y + circle.h / 2
    moveItems(doc, [sticky], cx - 2000 - 90, cy - 2000 - 60)
    dropItems(doc, [sticky, kind])
    expect(itemOf(doc, sticky).parent).toBe(school)
    expect(itemOf(doc, kind).parent).toBeUndefined()
    moveItems(doc, [sticky], 5000, 0)
    dropItems(doc, [sticky])
    expect(itemOf(doc, sticky).parent).toBeUndefined()
  })

  it('prefers the container on top where two overlap', () => {
    const { doc, ids } = newBoard()
    addBox(doc, { ids, role: 'other', x: 0, y: 0, w: 400, h: 400 })
    const upper = addCircle(doc, { ids, role: 'other', cx: 200, cy: 200, r: 100 })
    expect(containerAt(doc, 200, 200)).toBe(upper)
  })

  it('sets and clears a parent but never makes a container a child', () => {
    const { doc, ids, kind, thuis } = mdoBoard()
    const sticky = addSticky(doc, { ids, kind: 'question', x: 0, y: 0 })
    setParent(doc, sticky, thuis)
    expect(itemOf(doc, sticky).parent).toBe(thuis)
    setParent(doc, sticky, undefined)
    expect(itemOf(doc, sticky).parent).toBeUndefined()
    expect(() => setParent(doc, kind, thuis)).toThrow(/cannot belong/)
    expect(() => setParent(doc, sticky, sticky)).toThrow(/expected circle or box/)
  })
})

describe('bringToFront', () => {
  it('raises items in their order, a circle just below the items it owns', () => {
    const { doc, ids, kind, school } = mdoBoard()
    const a = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0, parent: kind })
    const b = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0 })
    const c = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0, parent: kind })
    bringToFront(doc, [c, school])
    expect(idsOf(doc).slice(-4)).toEqual([a, b, school, c])
    bringToFront(doc, [kind])
    expect(idsOf(doc).slice(-5)).toEqual([b, school, kind, a, c])
  })
})

describe('deleteItems', () => {
  it('deletes a circle with the items it owns and every arrow attached to them', () => {
    const { doc, ids, kind, school, thuis, vragen, afspraken } = mdoBoard()
    const own = addSticky(doc, { ids, kind: 'plus', x: 0, y: -300, parent: kind })
    const free = addSticky(doc, { ids, kind: 'plus', x: 0, y: 900 })
    linkItems(doc, free, own, { ids })
    const schoolThuis = readBoard(doc).items.find(
      (item) => item.type === 'arrow' && item.from === school && item.to === thuis,
    )
    deleteItems(doc, [kind])
    const expected = [vragen, school, thuis, afspraken, schoolThuis?.id, free]
    expect(idsOf(doc).sort()).toEqual(expected.sort())
    expect(readBoard(doc).problems).toEqual([])
  })

  it('skips ids that are already gone', () => {
    const { doc, ids } = newBoard()
    const a = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0 })
    deleteItems(doc, [a])
    expect(() => deleteItems(doc, [a, missing])).not.toThrow()
    expect(idsOf(doc)).toEqual([])
  })
})

describe('every command', () => {
  it('runs as exactly one transaction', () => {
    const { doc, ids, kind, school, vragen, afspraken } = mdoBoard()
    const sticky = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0 })
    const arrow = linkItems(doc, kind, sticky, { ids })
    const agreement = addAgreement(doc, { ids, parent: afspraken })
    const blank = new Y.Doc()
    const commands: Record<string, () => unknown> = {
      createBoard: () => createBoard(blank, { template: 'mdo-zorg', title: '', now: 0, ids }),
      setTitle: () => setTitle(doc, 'MDO'),
      addSticky: () => addSticky(doc, { ids, kind: 'goal', x: 0, y: 0, parent: kind }),
      addCircle: () => addCircle(doc, { ids, role: 'other', cx: 0, cy: 0, r: 10 }),
      addBox: () => addBox(doc, { ids, role: 'other', x: 0, y: 0, w: 10, h: 10 }),
      moveItems: () => moveItems(doc, [kind, school], 1, 1),
      resizeItem: () => resizeItem(doc, sticky, { x: 0, y: 0, w: 50, h: 50 }),
      setText: () => setText(doc, sticky, 'text', 'Zet door'),
      setStickyKind: () => setStickyKind(doc, sticky, 'goal'),
      linkItems: () => linkItems(doc, school, sticky, { ids }),
      setArrowValence: () => setArrowValence(doc, arrow, 'up'),
      addAgreement: () => addAgreement(doc, { ids, parent: afspraken }),
      setAgreementStatus: () => setAgreementStatus(doc, agreement, 'done'),
      addQuestion: () => addQuestion(doc, { ids, parent: vragen }),
      setParent: () => setParent(doc, sticky, school),
      dropItems: () => dropItems(doc, [sticky]),
      bringToFront: () => bringToFront(doc, [kind, sticky]),
      deleteItems: () => deleteItems(doc, [kind]),
    }
    const counts = Object.fromEntries(
      Object.entries(commands).map(([name, run]) => [
        name,
        transactionsDuring(name === 'createBoard' ? blank : doc, run),
      ]),
    )
    expect(counts).toEqual(Object.fromEntries(Object.keys(commands).map((name) => [name, 1])))
  })

  it('passes the origin on, so undo and "skip my own updates" can tell local from remote', () => {
    const { doc, ids } = newBoard()
    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    const local = { user: 'voorzitter' }
    const id = addSticky(doc, { ids, kind: 'tip', x: 0, y: 0 }, local)
    moveItems(doc, [id], 1, 1, local)
    deleteItems(doc, [id], local)
    expect(origins).toEqual([local, local, local])
  })
})
