// The board's items as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read
// the diacritics), one row per validated item, names only when asked for. A cell that a
// spreadsheet would run as a formula gets a leading apostrophe: text from a board is never run.
import {
  AGREEMENT_STATUS_LABELS,
  BOX_ROLE_LABELS,
  CIRCLE_ROLE_LABELS,
  ITEM_TYPE_LABELS,
  STICKY_KIND_LABELS,
  VALENCE_LABELS,
  type Lang,
} from '../labels.ts'
import type { BoardSnapshot } from '../read.ts'
import type { Item } from '../schema.ts'
import { boardForExport } from './names.ts'

export const CSV_COLUMNS = [
  'id',
  'type',
  'kind',
  'container',
  'text',
  'author',
  'wat',
  'wie',
  'waarom',
  'wanneer',
  'hoe',
  'status',
  'from',
  'to',
  'x',
  'y',
  'w',
  'h',
] as const

type Column = (typeof CSV_COLUMNS)[number]

// What starts a formula: = + - @ or the minus sign, also in any form that folds to one of them
// (NFKC: full-width ＝ ＋ － ＠, the small, superscript and subscript forms), and also behind
// whitespace of any kind (a no-break or ideographic space, a tab, a line break), an invisible
// format character (a zero-width space, a byte order mark, a direction mark) or a quote, which a
// spreadsheet may skip. A leading tab or CR is caught whatever follows.
const SKIPPED = /^[\s\p{Cf}"]*/u
const SIGNS = '=+-@\u2212'

function startsFormula(text: string): boolean {
  const first = text.replace(SKIPPED, '').codePointAt(0)
  if (first === undefined) return false
  return SIGNS.includes(String.fromCodePoint(first).normalize('NFKC').charAt(0) || ' ')
}

// A Dutch spreadsheet opens a comma-separated file split at semicolons (its list separator), where
// quotes in the middle of a field protect nothing: a cell's text after a semicolon or a line
// break starts a cell of its own there, so it is guarded like the start.
const PIECE = /([;\n\r])([^;\n\r]*)/g

/**
 * One CSV cell: text a spreadsheet would run as a formula gets an apostrophe before it. A number
 * (a coordinate) is written as it is: -40 is a value, not a formula.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value)
  let text = value.replace(PIECE, (_, separator: string, piece: string) =>
    startsFormula(piece) ? `${separator}'${piece}` : `${separator}${piece}`,
  )
  if (/^[\t\r]/.test(text) || startsFormula(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** `author` holds a sticky's author and a question's asker, and stays empty without `names`. */
export function itemsCsv(
  snapshot: BoardSnapshot,
  lang: Lang,
  options: { names: boolean } = { names: false },
): string {
  const board = boardForExport(snapshot, options.names)
  const byId = new Map<string, Item>(board.items.map((item) => [item.id, item]))
  const name = (id: string | undefined) => {
    const item = id === undefined ? undefined : byId.get(id)
    if (!item) return ''
    if (item.type === 'circle') return item.label || CIRCLE_ROLE_LABELS[item.role][lang]
    if (item.type === 'box') return item.label || BOX_ROLE_LABELS[item.role][lang]
    return item.id
  }
  const rows = board.items.map((item) => {
    const row: Partial<Record<Column, string | number>> = {
      id: item.id,
      type: ITEM_TYPE_LABELS[item.type][lang],
      kind: kindOf(item, lang),
      container: name(item.parent),
      text: textOf(item),
      x: Math.round(item.x),
      y: Math.round(item.y),
      w: Math.round(item.w),
      h: Math.round(item.h),
    }
    if (item.type === 'agreement') {
      Object.assign(row, {
        wat: item.wat,
        wie: item.wie,
        waarom: item.waarom,
        wanneer: item.wanneer,
        hoe: item.hoe,
        status: AGREEMENT_STATUS_LABELS[item.status][lang],
      })
    }
    if (item.type === 'question') Object.assign(row, { author: item.askedBy })
    if (item.type === 'sticky') {
      Object.assign(row, { author: item.author ?? '', wie: item.wie ?? '', hoe: item.hoe ?? '' })
      // An action card from before kies 3 made agreements: its text is its wat, as in the report.
      if (item.kind === 'action') Object.assign(row, { wat: item.text })
    }
    if (item.type === 'arrow') Object.assign(row, { from: name(item.from), to: name(item.to) })
    return CSV_COLUMNS.map((column) => csvCell(row[column] ?? '')).join(',')
  })
  return `\ufeff${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`
}

function kindOf(item: Item, lang: Lang): string {
  if (item.type === 'sticky') return STICKY_KIND_LABELS[item.kind][lang]
  if (item.type === 'circle') return CIRCLE_ROLE_LABELS[item.role][lang]
  if (item.type === 'box') return BOX_ROLE_LABELS[item.role][lang]
  if (item.type === 'arrow') return VALENCE_LABELS[item.valence][lang]
  if (item.type === 'shape') return item.shape
  return ''
}

function textOf(item: Item): string {
  switch (item.type) {
    case 'sticky':
    case 'question':
    case 'label':
      return item.text
    case 'circle':
    case 'box':
    case 'arrow':
    case 'shape':
      return item.label
    default:
      return ''
  }
}
