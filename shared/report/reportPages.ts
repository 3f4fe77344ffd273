// The report pages after the board: what was asked, what each circle holds, how the circles
// influence each other, what was agreed, and how the meeting went. Boards without circles
// (workshop sheets) get their columns and actions instead.
import { AGREEMENT_FIELD_LABELS } from '../labels.ts'
import { AGREEMENT_FIELDS } from '../schema.ts'
import { STICKY_KINDS } from '../stickyKinds.ts'
import type { Flow } from './flow.ts'
import type { LegendRow } from './legend.ts'
import type { KindGroup, ReportModel } from './model.ts'
import { MUTED } from './pen.ts'
import { formatDate, REPORT_LABELS } from './reportLabels.ts'

/** The badges the canvas and page 1 draw on each arrow. */
const VALENCE_BADGES = { up: '↗', down: '↘', neutral: '↔' } as const
const EVALUATION_KINDS = new Set(['top', 'tip'])

/** `legend`: the stickies the board page numbered, listed first, right after the header. */
export function writeReport(
  flow: Flow,
  model: ReportModel,
  legend: readonly LegendRow[] = [],
): void {
  const { lang } = model.options
  const L = (key: keyof typeof REPORT_LABELS) => REPORT_LABELS[key][lang]
  const mdo = model.circles.length > 0

  flow.heading(`${L('report')}: ${model.title || L('untitled')}`, 1)
  flow.field(L('boardCreated'), formatDate(model.createdAt))
  flow.field(L('exported'), formatDate(model.options.exportedAt))
  flow.field(L('stepReached'), model.step ?? L('stepUnknown'))
  flow.field(L('nextMeeting'), model.nextMeeting ?? L('nextMeetingUnset'))
  const present = model.participants
  flow.field(
    model.options.names ? L('participantsPresent') : L('rolesPresent'),
    present === null
      ? L('rolesUnknown')
      : present.length === 0
        ? L('nobodySeen')
        : present.join(', '),
  )
  flow.gap(4)
  flow.paragraph(L('confidential'), { size: 8, color: MUTED })

  if (legend.length > 0) {
    flow.heading(L('legend'))
    flow.paragraph(L('legendNote'), { size: 8, color: MUTED })
    flow.table(
      [
        { title: L('number'), weight: 0.45 },
        { title: L('kind'), weight: 1.1 },
        { title: L('text'), weight: 3.3 },
        { title: L('place'), weight: 1.3 },
      ],
      legend.map((row) => [String(row.number), row.kind, row.text, row.place]),
    )
  }

  if (mdo && model.questions.length === 0) {
    flow.heading(L('questionsAndDecisions'))
    flow.paragraph(L('none'), { color: MUTED })
  } else if (model.questions.length > 0) {
    flow.heading(L('questionsAndDecisions'))
    const line = (q: ReportModel['questions'][number]) =>
      q.askedBy ? `${q.text} (${L('askedBy')} ${q.askedBy})` : q.text
    flow.heading(L('questions'), 3)
    flow.bullets(model.questions.map(line))
    const decisions = model.questions.filter((q) => q.decisionNeeded)
    if (decisions.length > 0) {
      flow.heading(L('decisions'), 3)
      flow.bullets(decisions.map(line), '⚖')
    }
  }

  if (mdo) {
    flow.heading(L('circles'))
    for (const circle of model.circles) {
      flow.heading(
        circle.number === undefined ? circle.label : `${circle.number}. ${circle.label}`,
        3,
      )
      if (circle.groups.length === 0) flow.paragraph(L('empty'), { color: MUTED }, 12)
      groups(flow, circle.groups)
    }
  }

  if (model.arrows.length > 0) {
    flow.heading(L('interaction'))
    for (const a of model.arrows) {
      const line = `${a.from} → ${a.to}: ${a.valenceLabel}${a.label ? ` — ${a.label}` : ''}`
      flow.bullets([line], VALENCE_BADGES[a.valence])
    }
  }

  if (mdo || model.agreements.length > 0) {
    flow.heading(model.agreementsTitle)
    if (model.agreements.length === 0) flow.paragraph(L('none'), { color: MUTED })
    else {
      flow.table(
        [
          ...AGREEMENT_FIELDS.map((field) => ({
            title: AGREEMENT_FIELD_LABELS[field][lang],
            weight: { wat: 1.3, wie: 0.9, waarom: 1.2, wanneer: 1, hoe: 1.3 }[field],
          })),
          { title: L('status'), weight: 0.7 },
        ],
        model.agreements.map((a) => [...AGREEMENT_FIELDS.map((field) => a[field]), a.status]),
      )
    }
  }

  const columns = model.columns.filter((column) => column.groups.length > 0)
  if (columns.length > 0) {
    flow.heading(L('columns'))
    for (const column of columns) {
      flow.heading(
        column.number === undefined ? column.label : `${column.number}. ${column.label}`,
        3,
      )
      groups(flow, column.groups)
    }
  }

  if (mdo) {
    const evaluation = model.loose.filter((g) => EVALUATION_KINDS.has(g.kind))
    flow.heading(L('evaluation'))
    const texts = (kind: string) => evaluation.find((g) => g.kind === kind)?.texts ?? []
    flow.heading(L('tops'), 3)
    flow.bullets(texts('top').length > 0 ? texts('top') : [L('none')], STICKY_KINDS.top.symbol)
    flow.heading(L('tips'), 3)
    flow.bullets(texts('tip').length > 0 ? texts('tip') : [L('none')], STICKY_KINDS.tip.symbol)
    const other = model.loose.filter((g) => !EVALUATION_KINDS.has(g.kind))
    if (other.length > 0) {
      flow.heading(L('otherItems'))
      groups(flow, other)
    }
  } else if (model.loose.length > 0) {
    flow.heading(L('otherItems'))
    groups(flow, model.loose)
  }
  if (model.votes && model.votes.length > 0) {
    flow.heading(L('votes'))
    flow.bullets(
      model.votes.map((v) => `${v.text} — ${v.count} ${v.count === 1 ? L('dot') : L('dots')}`),
      '●',
    )
  }

  if (model.skipped > 0) {
    flow.gap(6)
    flow.paragraph(`${model.skipped} ${L('skipped')}`, { size: 8, color: MUTED })
  }
}

function groups(flow: Flow, list: readonly KindGroup[]): void {
  for (const group of list) {
    flow.heading(`${STICKY_KINDS[group.kind].symbol} ${group.label}`, 4)
    flow.bullets(group.texts, '–', 16)
  }
}
