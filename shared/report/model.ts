// The report as plain data: what a facilitator files after the meeting, read from the validated
// board (never from raw items) and grouped by ownership (item.parent), not by geometry. The PDF and
// the Markdown are both drawn from this one model.
import type * as Y from 'yjs'
import { attendeesForReport, CONTROL_STEPS, readControl, type ControlState } from '../control.ts'
import {
  AGREEMENT_STATUS_LABELS,
  BOX_ROLE_LABELS,
  CIRCLE_ROLE_LABELS,
  STICKY_KIND_LABELS,
  type Lang,
} from '../labels.ts'
import { readBoard, type BoardSnapshot } from '../read.ts'
import {
  STICKY_KIND_VALUES,
  type AgreementItem,
  type BoxItem,
  type Item,
  type StickyItem,
  type StickyKind,
  type Valence,
} from '../schema.ts'
import { shownLabel } from '../templates/text.ts'
import { readVotes } from '../votes.ts'
import { boardForExport, participantsForExport } from './names.ts'
import {
  formatMeetingDate,
  NEED_LABELS,
  REPORT_LABELS,
  roleLabel,
  valencePhrase,
} from './reportLabels.ts'

export type Paper = 'a4' | 'a3'

/** Someone at the meeting; `role` is already in the report's language. */
export interface Participant {
  role: string
  name?: string
}

export interface ReportOptions {
  lang: Lang
  /** Paper of the board page; the report pages are always A4 portrait. */
  paper: Paper
  /**
   * Print participants' names: beside their roles, as a question's asker, as a sticky's author.
   * Off unless the facilitator opts in; off, the model holds no name at all (names.ts).
   */
  names: boolean
  /** When the export is made, in ms; passed in so shared/ needs no clock. */
  exportedAt: number
  /**
   * Who was there, when the caller knows better than the board; undefined: as the control doc
   * recorded them (shared/attendance.ts), or unknown for a board that recorded nobody.
   */
  participants?: readonly Participant[]
}

export interface KindGroup {
  kind: StickyKind
  /** The kind's name, or the circle-specific name of its needs. */
  label: string
  texts: string[]
}

export interface Section {
  label: string
  number?: number
  groups: KindGroup[]
}

export interface ArrowLine {
  from: string
  to: string
  valence: Valence
  /** In a sentence: "opwaartse spiraal", "neutraal". */
  valenceLabel: string
  label: string
}

export interface QuestionLine {
  text: string
  askedBy: string
  decisionNeeded: boolean
}

export type AgreementRow = Pick<AgreementItem, 'wat' | 'wie' | 'waarom' | 'wanneer' | 'hoe'> & {
  status: string
}

export interface ReportModel {
  options: ReportOptions
  title: string
  template: string
  createdAt: number
  /** The MDO step the board reached, as "6. Afronding"; null when the control doc was not at hand. */
  step: string | null
  /** Null when nobody can tell who was there. Names only with `options.names`. */
  participants: string[] | null
  /** The next meeting as dd-mm-yyyy [hh:mm]; null when not set (or no control doc at hand). */
  nextMeeting: string | null
  /** The validated board, without names unless `options.names` (page 1 draws from it). */
  board: BoardSnapshot
  circles: Section[]
  arrows: ArrowLine[]
  questions: QuestionLine[]
  /** The one list of actions: what the board calls it ("5. Afspraken", "Acties"). */
  agreementsTitle: string
  agreements: AgreementRow[]
  /** Boxes that are not Vragen or Afspraken (workshop columns, free areas), with their stickies. */
  columns: Section[]
  /** Stickies outside every circle and box, by kind, tops and tips of the meeting included. */
  loose: KindGroup[]
  /** The latest dot vote, most dots first; null when there was none or its counts are hidden. */
  votes: { text: string; count: number }[] | null
  /** Items the reader skipped or repaired. */
  skipped: number
}

const AGREEMENT_PARTS = ['wat', 'wie', 'waarom', 'wanneer', 'hoe'] as const

/** Top to bottom, then left to right: the order a reader scans a circle in. */
export const readingOrder = (a: Item, b: Item) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1)

export function buildReport(
  doc: Y.Doc,
  controlDoc: Y.Doc | null,
  given: ReportOptions,
): ReportModel {
  const { lang } = given
  const participants = participantsForExport(
    given.participants ?? recordedParticipants(controlDoc, lang),
    given.names,
  )
  const options = { ...given, ...(participants ? { participants } : {}) }
  const board = boardForExport(readBoard(doc), options.names)
  const control = controlDoc ? readControl(controlDoc).control : null
  const stepId = control?.step ?? null
  const step = CONTROL_STEPS.find((s) => s.id === stepId)
  const byId = new Map(board.items.map((item) => [item.id, item]))
  const children = new Map<string, Item[]>()
  for (const item of board.items) {
    if (item.parent === undefined) continue
    const list = children.get(item.parent) ?? []
    list.push(item)
    children.set(item.parent, list)
  }
  const childrenOf = (id: string) => [...(children.get(id) ?? [])].sort(readingOrder)
  const stickiesOf = (id: string) => childrenOf(id).filter((item) => item.type === 'sticky')

  const name = (item: Item | undefined): string => {
    if (!item) return '?'
    if (item.type === 'circle') return item.label || CIRCLE_ROLE_LABELS[item.role][lang]
    if (item.type === 'box') return item.label || BOX_ROLE_LABELS[item.role][lang]
    if (item.type === 'sticky') return item.text || STICKY_KIND_LABELS[item.kind][lang]
    return 'label' in item ? item.label : 'text' in item ? item.text : item.type
  }

  const circles = board.items
    .filter((item) => item.type === 'circle')
    .sort((a, b) => (a.number ?? 99) - (b.number ?? 99) || readingOrder(a, b))
    .map((circle) => ({
      label: name(circle),
      ...(circle.number !== undefined ? { number: circle.number } : {}),
      groups: groupByKind(stickiesOf(circle.id), lang, NEED_LABELS[circle.role]?.[lang]),
    }))

  const boxes = board.items.filter((item) => item.type === 'box').sort(readingOrder)
  const rowsIn = <T extends Item['type']>(role: 'questions' | 'agreements', type: T) => {
    const owned = boxes.filter((box) => box.role === role).flatMap((box) => childrenOf(box.id))
    const loose = board.items.filter((item) => item.parent === undefined).sort(readingOrder)
    return [...owned, ...loose].filter(
      (item): item is Extract<Item, { type: T }> => item.type === type,
    )
  }

  return {
    options,
    title: board.meta.title,
    template: board.meta.template,
    createdAt: board.meta.createdAt,
    step: step ? `${step.number}. ${step.label[lang]}` : null,
    participants: participantLines(options),
    nextMeeting: control?.nextMeeting ? formatMeetingDate(control.nextMeeting) : null,
    board,
    circles,
    arrows: board.items
      .filter((item) => item.type === 'arrow')
      .map((arrow) => ({
        from: name(byId.get(arrow.from)),
        to: name(byId.get(arrow.to)),
        valence: arrow.valence,
        valenceLabel: valencePhrase(arrow.valence, lang),
        label: arrow.label,
      })),
    questions: rowsIn('questions', 'question')
      .filter((q) => q.text.trim() !== '')
      .map((q) => ({
        text: q.text,
        askedBy: q.askedBy,
        decisionNeeded: q.decisionNeeded,
      })),
    agreementsTitle: listTitle(boxes, circles.length > 0, lang),
    agreements: [
      ...rowsIn('agreements', 'agreement').map((a) => ({
        wat: a.wat,
        wie: a.wie,
        waarom: a.waarom,
        wanneer: a.wanneer,
        hoe: a.hoe,
        status: AGREEMENT_STATUS_LABELS[a.status][lang],
      })),
      ...olderActionCards(board.items, lang),
    ].filter((a) => AGREEMENT_PARTS.some((part) => a[part].trim() !== '')),
    columns: boxes
      .filter((box) => box.role !== 'questions' && box.role !== 'agreements')
      .map((box) => ({
        label: name(box),
        ...(box.number !== undefined ? { number: box.number } : {}),
        groups: groupByKind(stickiesOf(box.id), lang),
      })),
    loose: groupByKind(
      board.items.filter(
        (item): item is StickyItem => item.type === 'sticky' && item.parent === undefined,
      ),
      lang,
    ),
    votes: voteLines(doc, control, byId, lang),
    skipped: board.problems.filter((problem) => problem.id !== undefined).length,
  }
}

/** Counts of the last vote, once it may be seen: closed, or open with its counts shown. */
function voteLines(
  doc: Y.Doc,
  control: ControlState | null,
  byId: Map<string, Item>,
  lang: Lang,
): ReportModel['votes'] {
  const voting = control?.voting
  if (!voting || (voting.hidden && !voting.closed)) return null
  return readVotes(doc, voting).results.flatMap(({ id, count }) => {
    const item = byId.get(id)
    if (item?.type !== 'sticky') return []
    return [{ text: item.text || STICKY_KIND_LABELS[item.kind][lang], count }]
  })
}

/** The agreements box's title as the board shows it, else the report's word for the list. */
function listTitle(boxes: readonly Item[], mdo: boolean, lang: Lang): string {
  const box = boxes.find(
    (item): item is BoxItem => item.type === 'box' && item.role === 'agreements',
  )
  if (!box) return REPORT_LABELS[mdo ? 'agreements' : 'actions'][lang]
  const label = shownLabel(box, lang) || BOX_ROLE_LABELS.agreements[lang]
  return box.number === undefined ? label : `${box.number}. ${label}`
}

/**
 * Action cards of an older "kies 3" (stickies of kind 'action'), read as the agreements kies 3
 * now makes: one list of actions, their wat the card's text. They are not listed as stickies.
 */
function olderActionCards(items: readonly Item[], lang: Lang): AgreementRow[] {
  return items
    .filter((item): item is StickyItem => item.type === 'sticky' && item.kind === 'action')
    .sort(readingOrder)
    .map((card) => ({
      wat: card.text,
      wie: card.wie ?? '',
      waarom: '',
      wanneer: '',
      hoe: card.hoe ?? '',
      status: AGREEMENT_STATUS_LABELS.open[lang],
    }))
}

/** A sticky as one line, with who wrote it, which the board only still knows when names show. */
function stickyLine(sticky: StickyItem, lang: Lang): string {
  const by = sticky.author ? ` (${REPORT_LABELS.writtenBy[lang]} ${sticky.author})` : ''
  return `${sticky.text}${by}`
}

/** A sticky with nothing written on it says nothing: the report leaves it out, no empty bullet. */
const listed = (sticky: StickyItem) => sticky.kind !== 'action' && sticky.text.trim() !== ''

/** Stickies by kind in the fixed order of the method (plus, minus, question, goal, need, …). */
function groupByKind(stickies: readonly StickyItem[], lang: Lang, needLabel?: string): KindGroup[] {
  const sorted = stickies.filter(listed).sort(readingOrder)
  return STICKY_KIND_VALUES.flatMap((kind) => {
    const texts = sorted.filter((s) => s.kind === kind).map((s) => stickyLine(s, lang))
    if (texts.length === 0) return []
    const label = kind === 'need' && needLabel ? needLabel : STICKY_KIND_LABELS[kind][lang]
    return [{ kind, label, texts }]
  })
}

/** Everyone the control doc recorded and the facilitator kept, with their role in `lang`. */
function recordedParticipants(controlDoc: Y.Doc | null, lang: Lang): Participant[] | undefined {
  const attendees = controlDoc ? attendeesForReport(controlDoc) : null
  return attendees?.map(({ role, name }) => ({
    role: roleLabel(role, lang),
    ...(name ? { name } : {}),
  }))
}

function participantLines(options: ReportOptions): string[] | null {
  if (!options.participants) return null
  const lines = options.participants.map((p) => (p.name ? `${p.role}: ${p.name}` : p.role))
  // Without names, two parents are "Ouder" twice: say it once with a count.
  const counts = new Map<string, number>()
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1)
  return [...counts].map(([line, n]) => (n > 1 ? `${line} (${n}×)` : line))
}
