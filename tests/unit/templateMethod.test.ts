// How each template is worked with (its steps, outline sections, sticky kinds, who sits at its
// table) and its words in the reader's language: the MDO keeps its six steps, a workshop sheet
// walks its own, and a title the template wrote reads in Dutch or English from one document.
import { describe, expect, it } from 'vitest'
import {
  addSticky,
  copyToPlenary,
  currentStep,
  labelKey,
  methodOf,
  readBoard,
  showsSection,
  shownLabel,
  STEP_GUIDES,
  STEP_LABELS,
  stepBesideIn,
  stepsOf,
  stickyKindsOf,
  TEMPLATE_NAMES,
  type BoxItem,
  type CircleItem,
  type Item,
  type LabelItem,
  type StickyItem,
} from '../../shared/index.ts'
import { newBoard } from './helpers/board.ts'

const itemsOf = (template: Parameters<typeof newBoard>[0]) =>
  readBoard(newBoard(template).doc).items

describe('template methods', () => {
  it('the MDO walks its six steps; a tips–tops table its own three; a blank board none', () => {
    expect(stepsOf('mdo').map((step) => step.id)).toEqual([
      'voorbereiding',
      'start',
      'overzicht',
      'inzicht',
      'uitzicht',
      'afronding',
    ])
    expect(stepsOf('tips-tops-interessant').map((s) => `${s.number} ${s.label.nl}`)).toEqual([
      '1 Ik-ronde',
      '2 Wij-ronde',
      '3 Delen met de groep',
    ])
    expect(stepsOf('blank')).toEqual([])
    expect(stepsOf('no-such-template')).toEqual([])
  })

  it('reads a step the template does not have (a new control room) as its first', () => {
    expect(currentStep('tips-tops-interessant', 'voorbereiding')?.id).toBe('ik-ronde')
    expect(currentStep('tips-tops-interessant', 'wij-ronde')?.id).toBe('wij-ronde')
    expect(currentStep('mdo', 'ik-ronde')?.id).toBe('voorbereiding')
    expect(currentStep('blank', 'overzicht')).toBeNull()
    expect(stepBesideIn('kies-3', 'kiezen', 1)).toBe('concreet')
    expect(stepBesideIn('kies-3', 'concreet', 1)).toBe('concreet')
    expect(stepBesideIn('kies-3', 'voorbereiding', 1)).toBe('kiezen')
    expect(stepBesideIn('mdo', 'overzicht', -1)).toBe('start')
  })

  it('every step of every template has a label, a focus and questions in both languages', () => {
    for (const template of TEMPLATE_NAMES) {
      for (const step of stepsOf(template)) {
        expect(STEP_LABELS[step.id]).toEqual(step.label)
        const guide = STEP_GUIDES[step.id]
        for (const text of [guide.focus, ...guide.questions]) {
          expect(text.nl.length * text.en.length).toBeGreaterThan(0)
        }
        expect(guide.questions.length).toBeGreaterThanOrEqual(2)
      }
    }
  })

  it('offers the kinds of the board: Top, Tip, Interessant on a tips–tops board', () => {
    expect(stickyKindsOf('tips-tops-interessant', itemsOf('tips-tops-interessant'))).toEqual([
      'top',
      'tip',
      'interesting',
    ])
    expect(stickyKindsOf('mdo', itemsOf('mdo'))).toEqual([
      'plus',
      'minus',
      'question',
      'goal',
      'need',
      'note',
    ])
    // A column of a kind the template did not name adds that kind (a tips column on a blank board).
    const column = { type: 'box', role: 'column', stickyKind: 'interesting' } as Item
    expect(stickyKindsOf('blank', [column])).toContain('interesting')
  })

  it('shows a section the template has, and any other once something is in it', () => {
    expect(showsSection('tips-tops-interessant', 'agreements', 0)).toBe(false)
    expect(showsSection('tips-tops-interessant', 'agreements', 1)).toBe(true)
    expect(showsSection('mdo', 'interactions', 0)).toBe(true)
    expect(showsSection('mdo', 'areas', 0)).toBe(false)
  })

  it('seats professionals at a workshop table and the family at an MDO, with its lists', () => {
    expect(methodOf('tips-tops-interessant').audience).toBe('professionals')
    expect(methodOf('ondersteuningsroute').audience).toBe('professionals')
    expect(methodOf('mdo').audience).toBe('family')
    expect(methodOf('tips-tops-interessant').lists).toBe(false)
    expect(methodOf('mdo').lists).toBe(true)
  })
})

describe('template labels in the reader’s language', () => {
  it('reads the MDO’s circles and boxes in English, and keeps the Dutch in the document', () => {
    const items = itemsOf('mdo')
    const titles = (lang: 'nl' | 'en') =>
      items
        .filter(
          (item): item is CircleItem | BoxItem => item.type === 'circle' || item.type === 'box',
        )
        .map((item) => shownLabel(item, lang))
    expect(titles('en')).toEqual([
      'Questions',
      'Child/young person',
      'School/education',
      'Home/parenting',
      'Agreements',
    ])
    expect(titles('nl')).toEqual([
      'Vragen',
      'Kind/jongere',
      'School/onderwijs',
      'Thuis/opvoeding',
      'Afspraken',
    ])
  })

  it('shows a renamed title as typed, in either language', () => {
    const circle = itemsOf('mdo').find((item) => item.type === 'circle') as CircleItem
    const renamed = { ...circle, label: 'Sam' }
    expect(shownLabel(renamed, 'en')).toBe('Sam')
    expect(shownLabel(renamed, 'nl')).toBe('Sam')
  })

  it('reads a column’s wrapped hint in English, wrapped at the same width', () => {
    const hint = itemsOf('tips-tops-interessant').find(
      (item): item is LabelItem => item.type === 'label',
    )!
    const width = Math.max(...hint.text.split('\n').map((line) => line.length))
    const english = shownLabel(hint, 'en')
    expect(english.replace(/\n/g, ' ')).toBe(
      'What appeals to you? What would you adopt, which chances do you see?',
    )
    for (const line of english.split('\n')) expect(line.length).toBeLessThanOrEqual(width)
  })

  it('gives a column one key in both languages, so a copy finds its column on the plenary board', () => {
    expect(labelKey('Interesting')).toBe(labelKey('Interessant'))
    expect(labelKey(' my  Column ')).toBe(labelKey('My column'))
    const table = newBoard('blank')
    const input = { ids: table.ids, kind: 'interesting', text: 'Wie betaalt?', x: 0, y: 0 } as const
    const id = addSticky(table.doc, input)
    const sticky = readBoard(table.doc).items.find((item) => item.id === id) as StickyItem
    const plenary = newBoard('tips-tops-interessant')
    const [copied] = copyToPlenary(plenary.doc, [{ sticky, column: 'Interesting' }], {
      table: 'Tafel 4',
    })
    const { items } = readBoard(plenary.doc)
    const placed = items.find((item) => item.id === copied) as StickyItem
    const column = items.find((item) => item.id === placed.parent) as BoxItem
    expect(column.label).toBe('Interessant')
    expect(placed.author).toBe('Tafel 4')
  })
})
