// The board's items as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read
// the diacritics), one row per validated item. A cell that a spreadsheet would run as a formula
// gets a leading apostrophe: text from a board is never executed.
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

export const CSV_COLUMNS = [
  'id',
  'type',
  'kind',
  'container',
  'text',
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

export function csvCell(value: string | number): string {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function itemsCsv(board: BoardSnapshot, lang: Lang): string {
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
    if (item.type === 'question') Object.assign(row, { wie: item.askedBy })
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
