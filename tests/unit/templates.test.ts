// Templates: the MDO board is the drie-cirkels sheet (1 Vragen, circles 2–4, 5 Afspraken, three
// interaction arrows), laid out without overlaps, and every template reads without problems.
import { describe, expect, it } from 'vitest'
import {
  isTemplateName,
  readBoard,
  TEMPLATE_NAMES,
  TEMPLATES,
  type BoxItem,
  type Item,
  type LabelItem,
  type ShapeItem,
  type TemplateName,
} from '../../shared/index.ts'
import { TEMPLATE_PART_LABELS } from '../../shared/templates/labels.ts'
import { wrapText } from '../../shared/templates/parts.ts'
import { newBoard } from './helpers/board.ts'

const P = TEMPLATE_PART_LABELS

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

function sheet(name: TemplateName) {
  const { items } = readBoard(newBoard(name).doc)
  const boxes = items.filter((item): item is BoxItem => item.type === 'box')
  const labels = items.filter((item): item is LabelItem => item.type === 'label')
  const shapes = items.filter((item): item is ShapeItem => item.type === 'shape')
  const columns = boxes.filter((box) => box.role === 'column').sort((a, b) => a.x - b.x)
  const inside = (item: Item, box: Item) =>
    item.x >= box.x &&
    item.y >= box.y &&
    item.x + item.w <= box.x + box.w + 1 &&
    item.y + item.h <= box.y + box.h + 1
  return { items, boxes, labels, shapes, columns, inside }
}

const SHEETS = TEMPLATE_NAMES.filter((name) => !['mdo', 'mdo-zorg', 'blank'].includes(name))

describe('workshop and planning templates', () => {
  it.each(SHEETS)('%s: no two areas overlap, every hint fits inside its area', (name) => {
    const { boxes, labels, inside } = sheet(name)
    expect(boxes.length).toBeGreaterThan(0)
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1))
        expect(overlap(a, b), `${a.label} × ${b.label}`).toBe(false)
    }
    for (const label of labels.filter((item) => item.parent !== undefined)) {
      const box = boxes.find((candidate) => candidate.id === label.parent)
      expect(box && inside(label, box), `${label.text} in ${box?.label}`).toBe(true)
    }
  })

  it.each(SHEETS)('%s: speaks Dutch on the board', (name) => {
    const { boxes, labels } = sheet(name)
    const english = new Set<string>(Object.values(P).map((label) => label.en))
    const dutch = new Set<string>(Object.values(P).map((label) => label.nl))
    for (const text of [...boxes.map((box) => box.label), ...labels.map((l) => l.text)]) {
      const words = text.replace(/\n/g, ' ')
      if (dutch.has(words) || /^\d$/.test(words)) continue
      expect(english.has(words), `${words} is English`).toBe(false)
      expect(words, 'a Dutch label or hint').toMatch(/\b(wat|we|je|hoe|doel|subdoel|De|MDO|Hoe)\b/i)
    }
  })

  it('tips–tops–interessant: three columns left to right, each with its question and kind', () => {
    const { columns, labels } = sheet('tips-tops-interessant')
    expect(columns.map((c) => c.label)).toEqual(['Tops', 'Tips', 'Interessant'])
    // A sticky added in a column becomes that column's kind (client/src/canvas/press.ts).
    expect(columns.map((c) => c.stickyKind)).toEqual(['top', 'tip', 'interesting'])
    expect(sheet('feedback').columns.every((c) => c.stickyKind === undefined)).toBe(true)
    const hints = [P.topsHint, P.tipsHint, P.interessantHint]
    columns.forEach((column, i) => {
      const hint = labels.find((label) => label.parent === column.id)
      expect(hint?.text.replace(/\n/g, ' ')).toBe(hints[i]!.nl)
    })
  })

  it('kies 3 → acties: the chosen points, and beside them the one list of actions', () => {
    const { boxes, columns, labels, shapes } = sheet('kies-3')
    expect(columns.map((c) => c.label)).toEqual(['Kies 3'])
    // The actions are the board's agreements (wat, hoe, wie, …), listed by their box: no second
    // grid of Wat/Hoe/Wie columns beside it, no ruled rows or hints inside it.
    const actions = boxes.filter((box) => box.role === 'agreements')
    expect(actions.map((box) => box.label)).toEqual(['Acties'])
    expect(actions[0]!.x).toBeGreaterThan(columns[0]!.x + columns[0]!.w)
    expect(labels.filter((label) => label.parent === actions[0]!.id)).toEqual([])
    expect(shapes).toEqual([])
  })

  it('ondersteuningsroute: a triangle of three levels, keep on the left, improve on the right', () => {
    const { boxes, labels, shapes } = sheet('ondersteuningsroute')
    const [triangle, ...others] = shapes.filter((shape) => shape.shape === 'triangle')
    expect(triangle).toBeDefined()
    expect(others).toEqual([])
    const lines = shapes.filter((shape) => shape.shape === 'line')
    expect(lines).toHaveLength(2)
    for (const line of lines) {
      expect(line.x).toBeGreaterThanOrEqual(triangle!.x)
      expect(line.x + line.w).toBeLessThanOrEqual(triangle!.x + triangle!.w)
    }
    const left = boxes.filter((box) => box.x + box.w <= triangle!.x).sort((a, b) => a.y - b.y)
    const right = boxes
      .filter((box) => box.x >= triangle!.x + triangle!.w)
      .sort((a, b) => a.y - b.y)
    expect(left).toHaveLength(3)
    expect(right).toHaveLength(3)
    const levels: string[] = [P.level3, P.level2, P.level1].map((level) => level.nl)
    expect(left.map((box) => box.label)).toEqual(levels.map((l) => `${l}: ${P.keep.nl}`))
    expect(right.map((box) => box.label)).toEqual(levels.map((l) => `${l}: ${P.improve.nl}`))
    // The basis is the widest level, at the bottom of the triangle.
    const levelLabels = labels.filter((label) => levels.includes(label.text))
    expect(levelLabels.sort((a, b) => a.y - b.y).map((label) => label.text)).toEqual(levels)
  })

  it('plan van aanpak: goals with two sub-goals each, their columns, and the three conditions', () => {
    const { boxes, columns, labels } = sheet('plan-van-aanpak')
    expect(columns.map((c) => c.label)).toEqual([
      'Doelen',
      'Activiteiten',
      'Wie doet wat?',
      'Wat evalueren we, en hoe?',
    ])
    const inGoals = labels.filter((label) => label.parent === columns[0]!.id)
    expect(inGoals.map((label) => label.text)).toEqual(
      [1, 2, 3].flatMap((n) => [`Doel ${n}`, 'Subdoel', 'Subdoel']),
    )
    const others = boxes.filter((box) => box.role === 'other').sort((a, b) => a.x - b.x)
    expect(others.map((box) => box.label)).toEqual([
      'Afbakening',
      'Haalbaarheid',
      'Randvoorwaarden',
    ])
    expect(others.every((box) => box.y > columns[0]!.y + columns[0]!.h)).toBe(true)
  })

  it('feed up – feed back – feed forward: three columns in that order', () => {
    const { columns } = sheet('feedback')
    expect(columns.map((c) => c.label)).toEqual([P.feedUp.nl, P.feedBack.nl, P.feedForward.nl])
  })

  it('wraps hint text at spaces, never splitting a word', () => {
    expect(wrapText('Wat spreekt je aan?  Wat neem je over?', 12)).toBe(
      'Wat spreekt\nje aan? Wat\nneem je\nover?',
    )
    expect(wrapText('Onderwijsbehoeften', 5)).toBe('Onderwijsbehoeften')
    expect(wrapText('', 10)).toBe('')
  })
})
