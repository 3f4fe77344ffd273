// Templates: the MDO board is the drie-cirkels sheet (1 Vragen, circles 2–4, 5 Afspraken, three
// interaction arrows), laid out without overlaps, and every template reads without problems.
import { describe, expect, it } from 'vitest'
import {
  isTemplateName,
  readBoard,
  TEMPLATE_NAMES,
  TEMPLATES,
  type Item,
} from '../../shared/index.ts'
import { newBoard } from './helpers/board.ts'

function overlap(a: Item, b: Item): boolean {
  if (a.type === 'circle' && b.type === 'circle') {
    const distance = Math.hypot(a.x + a.w / 2 - (b.x + b.w / 2), a.y + a.h / 2 - (b.y + b.h / 2))
    return distance < a.w / 2 + b.w / 2
  }
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

describe('templates', () => {
  it.each(TEMPLATE_NAMES)('%s reads without problems', (name) => {
    const { doc } = newBoard(name)
    expect(readBoard(doc).problems).toEqual([])
    expect(readBoard(doc).meta.template).toBe(name)
  })

  it('mdo: circles 2 kind, 3 school, 4 thuis; boxes 1 Vragen, 5 Afspraken; three arrows', () => {
    const { items } = readBoard(newBoard('mdo').doc)
    const circles = items.flatMap((item) => (item.type === 'circle' ? [item] : []))
    const boxes = items.flatMap((item) => (item.type === 'box' ? [item] : []))
    const arrows = items.flatMap((item) => (item.type === 'arrow' ? [item] : []))
    expect(circles.map((c) => [c.number, c.role, c.label])).toEqual([
      [2, 'kind', 'Kind/jongere'],
      [3, 'school', 'School/onderwijs'],
      [4, 'thuis', 'Thuis/opvoeding'],
    ])
    expect(boxes.map((b) => [b.number, b.role, b.label])).toEqual([
      [1, 'questions', 'Vragen'],
      [5, 'agreements', 'Afspraken'],
    ])
    const pairs = arrows.map((arrow) => [arrow.from, arrow.to].sort().join(' '))
    const circleIds = circles.map((circle) => circle.id)
    const expected = circleIds.flatMap((a, i) =>
      circleIds.slice(i + 1).map((b) => [a, b].sort().join(' ')),
    )
    expect(pairs.sort()).toEqual(expected.sort())
    expect(arrows.every((arrow) => arrow.valence === 'neutral' && arrow.label === '')).toBe(true)
  })

  it('mdo-zorg adds a Zorg/jeugdhulp circle, and no two template shapes overlap', () => {
    const { items } = readBoard(newBoard('mdo-zorg').doc)
    const shapes = items.filter((item) => item.type === 'circle' || item.type === 'box')
    expect(shapes.filter((item) => item.type === 'circle').map((c) => c.role)).toEqual([
      'kind',
      'school',
      'thuis',
      'zorg',
    ])
    for (const [i, a] of shapes.entries()) {
      for (const b of shapes.slice(i + 1)) expect(overlap(a, b), `${a.id} × ${b.id}`).toBe(false)
    }
  })

  it('blank holds nothing but its meta', () => {
    expect(readBoard(newBoard('blank').doc).items).toEqual([])
  })

  it('knows its own names only', () => {
    expect(TEMPLATE_NAMES.every(isTemplateName)).toBe(true)
    expect(['constructor', '__proto__', 'MDO', 42, null].some(isTemplateName)).toBe(false)
    for (const template of Object.values(TEMPLATES)) {
      expect(template.name.nl && template.name.en && template.description.nl).toBeTruthy()
    }
  })
})
