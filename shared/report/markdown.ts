// The report as Markdown, from the same model as the PDF: for pasting into a dossier system or a
// mail to the board of directors. Text from the board is escaped so it cannot become markup.
import { AGREEMENT_FIELD_LABELS } from '../labels.ts'
import { AGREEMENT_FIELDS } from '../schema.ts'
import { STICKY_KINDS } from '../stickyKinds.ts'
import type { KindGroup, ReportModel, Section } from './model.ts'
import { formatDate, REPORT_LABELS } from './reportLabels.ts'

/**
 * A lone CR and CRLF end a line for a Markdown reader as LF does, and some readers also break at
 * a vertical tab, form feed, NEL or the Unicode line and paragraph separators: all become LF.
 */
const lines = (text: string) => text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)

/**
 * Backslash-escapes what Markdown would read as markup in one line of board text: inline markup
 * anywhere (emphasis, code, links, HTML, entities, table pipes, math); at the line's start
 * whatever opens a block, since the line may begin a list item's content or a paragraph of its
 * own: a heading (#), quote (>), list item (- + * and 1. or 1)), rule or setext underline (---,
 * ***, ___, ===), code fence (``` ~~~), table row (|) or HTML (<); and a closing # run of a
 * heading. Leading and trailing space goes, so nothing becomes indented code or a hard break.
 */
function escapeLine(line: string): string {
  const inline = line
    .trim()
    .replace(/([\\`*_[\]<>|~$])/g, '\\$1')
    .replace(/&(?=#?\w+;)/g, '\\&')
  return inline
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/(\s)(#+)$/, '$1\\$2')
}

/** Board text on one line (a heading, a table cell, a label): line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return lines(text)
    .map(escapeLine)
    .filter((line) => line !== '')
    .join(' ')
}

/**
 * Board text as a list item's content, keeping its lines: each a hard break (a trailing
 * backslash) and indented under the item, so none can start a block of its own.
 */
export function escapeItem(text: string): string {
  return lines(text)
    .map(escapeLine)
    .filter((line) => line !== '')
    .join('\\\n  ')
}

const cell = (text: string) => escapeMarkdown(text) || ' '

export function reportMarkdown(model: ReportModel): string {
  const { lang } = model.options
  const L = (key: keyof typeof REPORT_LABELS) => REPORT_LABELS[key][lang]
  const out: string[] = []
  const title = model.title || L('untitled')
  out.push(`# ${L('report')}: ${escapeMarkdown(title)}`, '')
  out.push(`- ${L('boardCreated')}: ${formatDate(model.createdAt)}`)
  out.push(`- ${L('exported')}: ${formatDate(model.options.exportedAt)}`)
  out.push(`- ${L('stepReached')}: ${model.step ?? L('stepUnknown')}`)
  out.push(`- ${L('nextMeeting')}: ${model.nextMeeting ?? L('nextMeetingUnset')}`)
  const present =
    model.participants === null
      ? L('rolesUnknown')
      : model.participants.length === 0
        ? L('nobodySeen')
        : model.participants.map(escapeMarkdown).join(', ')
  out.push(
    `- ${model.options.names ? L('participantsPresent') : L('rolesPresent')}: ${present}`,
    '',
  )
  out.push(`> ${L('confidential')}`, '')

  if (model.questions.length > 0) {
    out.push(`## ${L('questionsAndDecisions')}`, '', `### ${L('questions')}`, '')
    const line = (q: ReportModel['questions'][number]) =>
      `- ${escapeItem(q.text)}${q.askedBy ? ` (${L('askedBy')} ${escapeMarkdown(q.askedBy)})` : ''}`
    out.push(...model.questions.map(line), '')
    const decisions = model.questions.filter((q) => q.decisionNeeded)
    if (decisions.length > 0) out.push(`### ${L('decisions')}`, '', ...decisions.map(line), '')
  }
  if (model.circles.length > 0) {
    out.push(`## ${L('circles')}`, '')
    for (const circle of model.circles) out.push(...section(circle, L('empty')))
  }
  if (model.arrows.length > 0) {
    out.push(`## ${L('interaction')}`, '')
    for (const a of model.arrows) {
      const label = a.label ? ` — ${escapeMarkdown(a.label)}` : ''
      out.push(`- ${escapeMarkdown(a.from)} → ${escapeMarkdown(a.to)}: ${a.valenceLabel}${label}`)
    }
    out.push('')
  }
  if (model.circles.length > 0 || model.agreements.length > 0) {
    out.push(`## ${escapeMarkdown(model.agreementsTitle)}`, '')
    if (model.agreements.length === 0) out.push(L('none'), '')
    else {
      const head = [...AGREEMENT_FIELDS.map((f) => AGREEMENT_FIELD_LABELS[f][lang]), L('status')]
      out.push(`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`)
      for (const a of model.agreements) {
        out.push(`| ${[...AGREEMENT_FIELDS.map((f) => cell(a[f])), cell(a.status)].join(' | ')} |`)
      }
      out.push('')
    }
  }
  const columns = model.columns.filter((column) => column.groups.length > 0)
  if (columns.length > 0) {
    out.push(`## ${L('columns')}`, '')
    for (const column of columns) out.push(...section(column, L('empty')))
  }
  if (model.circles.length > 0) {
    const texts = (kind: string) => model.loose.find((g) => g.kind === kind)?.texts ?? []
    out.push(`## ${L('evaluation')}`, '')
    for (const [kind, key] of [
      ['top', 'tops'],
      ['tip', 'tips'],
    ] as const) {
      const list = texts(kind)
      out.push(
        `### ${L(key)}`,
        '',
        ...(list.length ? list.map((t) => `- ${escapeItem(t)}`) : [L('none')]),
        '',
      )
    }
    const other = model.loose.filter((g) => g.kind !== 'top' && g.kind !== 'tip')
    if (other.length > 0) out.push(`## ${L('otherItems')}`, '', ...groups(other))
  } else if (model.loose.length > 0) {
    out.push(`## ${L('otherItems')}`, '', ...groups(model.loose))
  }
  if (model.votes && model.votes.length > 0) {
    out.push(`## ${L('votes')}`, '')
    for (const v of model.votes) {
      out.push(`- ${escapeItem(v.text)} — ${v.count} ${v.count === 1 ? L('dot') : L('dots')}`)
    }
    out.push('')
  }
  if (model.skipped > 0) out.push(`_${model.skipped} ${L('skipped')}_`, '')
  return `${out.join('\n').trimEnd()}\n`
}

function section(s: Section, empty: string): string[] {
  const label = escapeMarkdown(s.label)
  const body = s.groups.length === 0 ? [empty, ''] : groups(s.groups)
  return [`### ${s.number === undefined ? label : `${s.number}. ${label}`}`, '', ...body]
}

function groups(list: readonly KindGroup[]): string[] {
  return list.flatMap((group) => [
    `**${STICKY_KINDS[group.kind].symbol} ${group.label}**`,
    '',
    ...group.texts.map((text) => `- ${escapeItem(text) || '…'}`),
    '',
  ])
}
