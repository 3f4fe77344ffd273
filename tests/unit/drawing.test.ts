// Drawing on the board: ink strokes, shapes and text labels, their styles, and the arranging
// commands (move, resize, drop, raise, delete) on them. Each command is one transaction.
import { describe, expect, it } from 'vitest'
import {
  addInk,
  addLabel,
  addQuestion,
  addShape,
  addSticky,
  BoardError,
  bringToFront,
  deleteItems,
  dropItems,
  INK_DEFAULTS,
  LIMITS,
  moveItems,
  readBoard,
  resizeItem,
  setItemStyle,
  setQuestionFields,
  setStickyColor,
  setText,
  SHAPE_DEFAULTS,
  type ShapeKind,
} from '../../shared/index.ts'
import { idsOf, itemOf, mdoBoard, newBoard, transactionsDuring } from './helpers/board.ts'

/** A stroke of `count` points along a diagonal, as a pen would report it. */
function diagonal(count: number): number[] {
  return Array.from({ length: count }, (_, i) => [i, i / 2, 0.5]).flat()
}

describe('addInk', () => {
  it('fits the item to its stroke, the points relative to its top-left corner', () => {
    const { doc, ids } = newBoard()
    const points = [10, 20, 0.5, 30, 5, 0.7, 15, 40, 1]
    const id = addInk(doc, { ids, points, x: 100, y: 100 })
    expect(itemOf(doc, id)).toEqual({
      id,
      type: 'ink',
      x: 110,
      y: 105,
      w: 20,
      h: 35,
      z: expect.any(String),
      points: [0, 15, 0.5, 20, 0, 0.7, 5, 35, 1],
      ...INK_DEFAULTS,
    })
    expect(readBoard(doc).problems).toEqual([])
  })

  it('takes one point as a dot, a colour, a width and a parent', () => {
    const { doc, ids, kind } = mdoBoard()
    const id = addInk(doc, {
      ids,
      points: [0, 0, 1],
      x: 5,
      y: -300,
      color: '#e03131',
      width: 12,
      parent: kind,
    })
    expect(itemOf(doc, id)).toMatchObject({ w: 0, h: 0, color: '#e03131', width: 12, parent: kind })
  })

  it.each([
    ['no points', []],
    ['half a point', [1, 2]],
    ['NaN', [0, 0, 0.5, Number.NaN, 1, 0.5]],
    ['infinity', [0, Number.POSITIVE_INFINITY, 0.5]],
    ['a pressure of 2', [0, 0, 2]],
    ['too many points', diagonal(LIMITS.inkPoints + 1)],
    ['a point off the board', [0, 0, 0.5, 0, 2 * LIMITS.coordinate, 0.5]],
  ])('refuses a stroke with %s and writes nothing', (_, points) => {
    const { doc, ids } = newBoard()
    expect(() => addInk(doc, { ids, points, x: 0, y: 0 })).toThrow(BoardError)
    expect(idsOf(doc)).toEqual([])
  })

  it('refuses a bad colour, width or parent', () => {
    const { doc, ids } = newBoard()
    const note = addSticky(doc, { ids, kind: 'note', x: 0, y: 0 })
    const points = diagonal(3)
    expect(() => addInk(doc, { ids, points, x: 0, y: 0, color: 'red' })).toThrow(/color/)
    expect(() => addInk(doc, { ids, points, x: 0, y: 0, width: 0 })).toThrow(/width/)
    expect(() => addInk(doc, { ids, points, x: 0, y: 0, parent: note })).toThrow(/circle or box/)
    expect(idsOf(doc)).toEqual([note])
  })

  it('keeps the stroke as drawn when the caller reuses its array', () => {
    const { doc, ids } = newBoard()
    const points = diagonal(2)
    const id = addInk(doc, { ids, points, x: 0, y: 0 })
    points.fill(0)
    const item = itemOf(doc, id)
    if (item.type === 'ink') item.points.fill(7) // a snapshot is a copy, too
    expect(itemOf(doc, id)).toMatchObject({ points: diagonal(2) })
  })
})

describe('addShape', () => {
  it('stores a rectangle dragged up and left by its top-left corner', () => {
    const { doc, ids } = newBoard()
    const id = addShape(doc, { ids, shape: 'rect', x: 100, y: 100, w: -50, h: -30 })
    expect(itemOf(doc, id)).toMatchObject({ x: 50, y: 70, w: 50, h: 30, label: '' })
    expect(itemOf(doc, id)).toMatchObject(SHAPE_DEFAULTS)
  })

  it('keeps the direction of a line or arrow, also when resized', () => {
    const { doc, ids } = newBoard()
    const line = addShape(doc, { ids, shape: 'arrow', x: 100, y: 100, w: -50, h: 30 })
    expect(itemOf(doc, line)).toMatchObject({ x: 100, y: 100, w: -50, h: 30 })
    resizeItem(doc, line, { x: 0, y: 0, w: -200, h: -10 })
    expect(itemOf(doc, line)).toMatchObject({ x: 0, y: 0, w: -200, h: -10 })
    const rect = addShape(doc, { ids, shape: 'ellipse', x: 0, y: 0, w: 40, h: 40 })
    expect(() => resizeItem(doc, rect, { x: 0, y: 0, w: -40, h: 40 })).toThrow(/negative size/)
  })

  it('carries an editable label and its own style', () => {
    const { doc, ids } = newBoard()
    const style = { stroke: '#2f9e44', fill: 'none', strokeWidth: 6 }
    const id = addShape(doc, { ids, shape: 'triangle', x: 0, y: 0, w: 90, h: 80, ...style })
    setText(doc, id, 'label', 'Basis')
    expect(itemOf(doc, id)).toMatchObject({ ...style, label: 'Basis' })
  })

  it.each([
    ['an unknown kind', { shape: 'star' as ShapeKind }, /shape: Invalid option/],
    ['a named fill', { fill: 'red' }, /fill: expected #rrggbb or none/],
    ['a stroke width of 0', { strokeWidth: 0 }, /strokeWidth: Too small/],
    [
      'a line longer than the limit',
      { shape: 'line' as const, w: -LIMITS.size - 1 },
      /w: Too small/,
    ],
  ])('refuses %s', (_, change, reason) => {
    const { doc, ids } = newBoard()
    const shape = { ids, shape: 'rect' as ShapeKind, x: 0, y: 0, w: 10, h: 10, ...change }
    expect(() => addShape(doc, shape)).toThrow(reason)
    expect(idsOf(doc)).toEqual([])
  })
})

describe('addLabel', () => {
  it('sizes the label to its text unless told, and edits like any text', () => {
    const { doc, ids } = newBoard()
    const short = itemOf(doc, addLabel(doc, { ids, text: 'Rust', x: 0, y: 0 }))
    const long = itemOf(doc, addLabel(doc, { ids, text: 'Rust in de klas\nen thuis', x: 0, y: 0 }))
    expect(long.w).toBeGreaterThan(short.w)
    expect(long.h).toBeGreaterThan(short.h)
    const sized = addLabel(doc, { ids, text: 'Doel', x: 0, y: 0, fontSize: 48, w: 120, h: 60 })
    setText(doc, sized, 'text', 'Doelen')
    expect(itemOf(doc, sized)).toMatchObject({ text: 'Doelen', fontSize: 48, w: 120, h: 60 })
  })

  it('refuses a font size out of range', () => {
    const { doc, ids } = newBoard()
    for (const fontSize of [LIMITS.fontSize.min - 1, LIMITS.fontSize.max + 1, Number.NaN]) {
      expect(() => addLabel(doc, { ids, text: 'x', x: 0, y: 0, fontSize })).toThrow(/fontSize/)
    }
    expect(idsOf(doc)).toEqual([])
  })
})

describe('setItemStyle', () => {
  it('changes only the style fields of that type', () => {
    const { doc, ids } = newBoard()
    const ink = addInk(doc, { ids, points: diagonal(3), x: 0, y: 0 })
    setItemStyle(doc, ink, { color: '#1971c2', width: 8 })
    expect(itemOf(doc, ink)).toMatchObject({ color: '#1971c2', width: 8 })
    const shape = addShape(doc, { ids, shape: 'rect', x: 0, y: 0, w: 10, h: 10 })
    setItemStyle(doc, shape, { fill: '#fff3a0' })
    expect(itemOf(doc, shape)).toMatchObject({ fill: '#fff3a0', stroke: SHAPE_DEFAULTS.stroke })
  })

  it('grows a label with its font size', () => {
    const { doc, ids } = newBoard()
    const id = addLabel(doc, { ids, text: 'Kind', x: 0, y: 0, fontSize: 20, w: 50, h: 25 })
    setItemStyle(doc, id, { fontSize: 40 })
    expect(itemOf(doc, id)).toMatchObject({ fontSize: 40, w: 100, h: 50 })
  })

  it('refuses a field the type lacks, an invalid value, and items without style', () => {
    const { doc, ids } = newBoard()
    const ink = addInk(doc, { ids, points: diagonal(3), x: 0, y: 0 })
    const shape = addShape(doc, { ids, shape: 'rect', x: 0, y: 0, w: 10, h: 10 })
    const sticky = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0 })
    const before = readBoard(doc)
    expect(() => setItemStyle(doc, shape, { color: '#000000' })).toThrow(/no style 'color'/)
    expect(() => setItemStyle(doc, ink, { width: 2, stroke: '#000000' })).toThrow(/'stroke'/)
    expect(() => setItemStyle(doc, sticky, { color: '#000000' })).toThrow(/no style to set/)
    expect(() => setItemStyle(doc, shape, { strokeWidth: 1000 })).toThrow(BoardError)
    expect(readBoard(doc)).toEqual(before)
  })
})

describe('setStickyColor and setQuestionFields', () => {
  it('set a sticky its own colour and back to its kind colour', () => {
    const { doc, ids } = newBoard()
    const id = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0 })
    setStickyColor(doc, id, '#ffd8a8')
    expect(itemOf(doc, id)).toMatchObject({ color: '#ffd8a8' })
    setStickyColor(doc, id, undefined)
    expect(itemOf(doc, id)).not.toHaveProperty('color')
    expect(() => setStickyColor(doc, id, 'orange')).toThrow(/color/)
  })

  it('change who asked and whether a decision is needed, one at a time', () => {
    const { doc, ids, vragen, kind } = mdoBoard()
    const id = addQuestion(doc, { ids, parent: vragen, text: 'Arrangement?', askedBy: 'mentor' })
    setQuestionFields(doc, id, { decisionNeeded: true })
    expect(itemOf(doc, id)).toMatchObject({ askedBy: 'mentor', decisionNeeded: true })
    setQuestionFields(doc, id, { askedBy: 'moeder' })
    expect(itemOf(doc, id)).toMatchObject({ askedBy: 'moeder', decisionNeeded: true })
    const tooLong = 'x'.repeat(LIMITS.shortText + 1)
    expect(() => setQuestionFields(doc, id, { askedBy: tooLong })).toThrow(/askedBy/)
    expect(() => setQuestionFields(doc, kind, { askedBy: 'juf' })).toThrow(/expected question/)
  })
})

describe('arranging drawings', () => {
  it('moves and deletes drawings with the circle they belong to', () => {
    const { doc, ids, kind } = mdoBoard()
    const parent = kind
    const ink = addInk(doc, { ids, points: diagonal(4), x: 0, y: -300, parent })
    const shape = addShape(doc, { ids, shape: 'line', x: 0, y: -300, w: -40, h: 20, parent })
    const label = addLabel(doc, { ids, text: 'Sport', x: 0, y: -250, parent })
    moveItems(doc, [kind], 10, 20)
    expect(itemOf(doc, ink)).toMatchObject({ x: 10, y: -280 })
    expect(itemOf(doc, shape)).toMatchObject({ x: 10, y: -280, w: -40, h: 20 })
    expect(itemOf(doc, label)).toMatchObject({ x: 10, y: -230 })
    bringToFront(doc, [kind])
    expect(idsOf(doc).slice(-4)).toEqual([kind, ink, shape, label])
    deleteItems(doc, [kind])
    expect(idsOf(doc)).not.toContain(ink)
    expect(idsOf(doc)).not.toContain(shape)
    expect(idsOf(doc)).not.toContain(label)
  })

  it('drops a line into the circle under its middle, not under its start', () => {
    const { doc, ids, kind, school } = mdoBoard()
    const circle = itemOf(doc, school)
    const cx = circle.x + circle.w / 2
    const cy = circle.y + circle.h / 2
    // Starts far right of the school circle and ends far left: only its middle is inside.
    const line = addShape(doc, { ids, shape: 'line', x: cx + 400, y: cy, w: -800, h: 0 })
    const ink = addInk(doc, { ids, points: diagonal(3), x: cx, y: cy, parent: kind })
    dropItems(doc, [line, ink])
    expect(itemOf(doc, line).parent).toBe(school)
    expect(itemOf(doc, ink).parent).toBe(school)
  })

  it('scales an ink stroke to its new box', () => {
    const { doc, ids } = newBoard()
    const id = addInk(doc, { ids, points: [0, 0, 0.2, 10, 20, 0.8], x: 0, y: 0 })
    resizeItem(doc, id, { x: 5, y: 5, w: 30, h: 10 })
    expect(itemOf(doc, id)).toMatchObject({
      x: 5,
      y: 5,
      w: 30,
      h: 10,
      points: [0, 0, 0.2, 30, 10, 0.8],
    })
    expect(readBoard(doc).problems).toEqual([])
  })
})

describe('every drawing command', () => {
  it('runs as exactly one transaction', () => {
    const { doc, ids, kind, vragen } = mdoBoard()
    const sticky = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0 })
    const question = addQuestion(doc, { ids, parent: vragen })
    const ink = addInk(doc, { ids, points: diagonal(3), x: 0, y: 0 })
    const commands: Record<string, () => unknown> = {
      addInk: () => addInk(doc, { ids, points: diagonal(9), x: 0, y: 0, parent: kind }),
      addShape: () => addShape(doc, { ids, shape: 'arrow', x: 0, y: 0, w: -5, h: 5 }),
      addLabel: () => addLabel(doc, { ids, text: 'Thuis', x: 0, y: 0 }),
      setStickyColor: () => setStickyColor(doc, sticky, '#ffffff'),
      setQuestionFields: () => setQuestionFields(doc, question, { askedBy: 'vader' }),
      setItemStyle: () => setItemStyle(doc, ink, { color: '#ffffff', width: 3 }),
      resizeItem: () => resizeItem(doc, ink, { x: 0, y: 0, w: 4, h: 4 }),
    }
    const counts = Object.fromEntries(
      Object.entries(commands).map(([name, run]) => [name, transactionsDuring(doc, run)]),
    )
    expect(counts).toEqual(Object.fromEntries(Object.keys(commands).map((name) => [name, 1])))
  })
})
