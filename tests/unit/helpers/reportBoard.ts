// A seeded MDO board as a facilitator would leave it after a meeting, for the export tests and
// bench:pdf: markers in every circle, interaction arrows, questions, agreements, tops and tips,
// with Dutch diacritics, a euro sign and an emoji in the text.
import * as Y from 'yjs'
import {
  addAgreement,
  addQuestion,
  addSticky,
  createBoard,
  readBoard,
  setArrowValence,
  setStep,
  setText,
  type ItemId,
  type StickyKind,
} from '../../../shared/index.ts'
import { seededRandom } from './random.ts'
import { sequentialIds } from './board.ts'

export const SEED_CREATED_AT = Date.UTC(2025, 2, 11, 13, 0)

export const MARKERS: Record<'kind' | 'school' | 'thuis', [StickyKind, string][]> = {
  kind: [
    ['plus', 'Zoë leest graag en vertelt enthousiast'],
    ['minus', 'Raakt snel overprikkeld in de drukke klas'],
    ['question', 'Wat helpt haar bij overgangen?'],
    ['goal', 'Zelfstandig een taak van 20 minuten afmaken'],
    ['need', 'Een vaste plek en vooraf weten wat komt'],
  ],
  school: [
    ['plus', 'Leerkracht heeft een goede band met Zoë'],
    ['minus', 'Weinig tijd voor één-op-één begeleiding'],
    ['goal', 'Dagritme visueel maken in de klas'],
    ['need', 'Coaching bij het differentiëren'],
  ],
  thuis: [
    ['plus', 'Ouders zijn betrokken en reëel'],
    ['minus', 'Ochtenden verlopen gespannen'],
    ['need', 'Tips voor een rustige start van de dag'],
    ['goal', 'Samen één vast ochtendritme ĳveren (€ 0 kosten) 👍'],
  ],
}

export const AGREEMENTS = [
  {
    wat: 'Visueel dagritme invoeren',
    wie: 'Juf Inés',
    waarom: 'Overgangen voorspelbaar maken',
    wanneer: 'Vóór de herfstvakantie',
    hoe: 'Pictogrammen op haar tafel',
  },
  {
    wat: 'Ochtendroutine afspreken',
    wie: 'Ouders (moeder en vader)',
    waarom: 'Rustiger begin van de schooldag',
    wanneer: 'Vanaf maandag',
    hoe: 'Kaartje met vijf stappen, samen geoefend',
  },
]

export const QUESTIONS = [
  { text: 'Moet er een arrangement aangevraagd worden?', askedBy: 'IB’er', decisionNeeded: true },
  { text: 'Hoe gaat het met slapen?', askedBy: 'JGZ', decisionNeeded: false },
]

export const EVALUATION: [StickyKind, string][] = [
  ['top', 'Iedereen kwam aan het woord, ook Zoë zelf'],
  ['tip', 'Volgende keer de agenda vooraf rondsturen'],
]

export interface SeededBoard {
  doc: Y.Doc
  control: Y.Doc
  texts: string[]
}

/** The MDO template filled in; `extra` adds that many more markers spread over the circles. */
export function seedMdoBoard(extra = 0, seed = 1): SeededBoard {
  const doc = new Y.Doc()
  const ids = sequentialIds('s')
  createBoard(doc, { template: 'mdo', title: 'MDO Zoë, groep 6 – één', now: SEED_CREATED_AT, ids })
  const items = readBoard(doc).items
  const find = (role: string) => items.find((item) => 'role' in item && item.role === role)!.id
  const texts: string[] = []
  for (const [role, markers] of Object.entries(MARKERS)) {
    const circle = items.find((item) => item.type === 'circle' && item.role === role)!
    markers.forEach(([kind, text], i) => {
      const x = circle.x + 60 + (i % 2) * 200
      const y = circle.y + 120 + Math.floor(i / 2) * 130
      addSticky(doc, { ids, kind, text, x, y, parent: circle.id })
      texts.push(text)
    })
  }
  const arrows = items.filter((item) => item.type === 'arrow').map((item) => item.id)
  setArrowValence(doc, arrows[0]!, 'up')
  setText(doc, arrows[0]!, 'label', 'Warme band geeft rust')
  setArrowValence(doc, arrows[1]!, 'down')
  setText(doc, arrows[1]!, 'label', 'Gespannen ochtenden werken door')
  for (const question of QUESTIONS)
    addQuestion(doc, { ids, parent: find('questions'), ...question })
  for (const agreement of AGREEMENTS)
    addAgreement(doc, { ids, parent: find('agreements'), ...agreement })
  EVALUATION.forEach(([kind, text], i) => {
    addSticky(doc, { ids, kind, text, x: 700 + i * 220, y: 620 })
    texts.push(text)
  })
  addMarkers(doc, items, extra, seed, ids)
  const control = new Y.Doc()
  setStep(control, 'afronding')
  return { doc, control, texts }
}

function addMarkers(
  doc: Y.Doc,
  items: ReturnType<typeof readBoard>['items'],
  count: number,
  seed: number,
  ids: () => string,
): void {
  const random = seededRandom(seed)
  const circles = items.filter((item) => item.type === 'circle')
  const kinds: StickyKind[] = ['plus', 'minus', 'question', 'goal', 'need']
  for (let i = 0; i < count; i++) {
    const circle = random.pick(circles)
    const x = circle.x + random.int(Math.max(1, circle.w - 180))
    const y = circle.y + random.int(Math.max(1, circle.h - 120))
    const text = `Marker ${i + 1}: ${random.pick(['één', 'reëel', 'coördinatie', 'naïef', 'café'])} afspraak over aanpak en begeleiding`
    addSticky(doc, { ids, kind: random.pick(kinds), text, x, y, parent: circle.id as ItemId })
  }
}
