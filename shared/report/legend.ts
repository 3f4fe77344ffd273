// The key to the board page: stickies too small there for their text at a readable size carry a
// number, and the report lists each number with its text and where it sits. Numbered in the order
// the report reads: the circles by their number, then the boxes, then what lies loose; within
// each, by kind in the order of the method, then top to bottom.
import { BOX_ROLE_LABELS, CIRCLE_ROLE_LABELS, STICKY_KIND_LABELS, type Lang } from '../labels.ts'
import { STICKY_KIND_VALUES, type Item, type StickyItem } from '../schema.ts'
import { STICKY_KINDS } from '../stickyKinds.ts'
import { readingOrder } from './model.ts'
import { REPORT_LABELS } from './reportLabels.ts'

export interface LegendRow {
  number: number
  /** The kind's symbol and name, as "+ Pluspunt". */
  kind: string
  text: string
  /** The circle or box it belongs to, as its heading reads ("2. Kind/jongere"). */
  place: string
}

export interface Legend {
  numbers: ReadonlyMap<string, number>
  rows: LegendRow[]
}

/** Numbers for the stickies `ids` of `items`, and the legend's rows in that order. */
export function numberStickies(
  items: readonly Item[],
  ids: ReadonlySet<string>,
  lang: Lang,
): Legend {
  const owners = items
    .filter((item) => item.type === 'circle' || item.type === 'box')
    .sort((a, b) => rank(a) - rank(b) || readingOrder(a, b))
  const order = new Map<string | undefined, number>(owners.map((owner, i) => [owner.id, i]))
  const byId = new Map<string, Item>(items.map((item) => [item.id, item]))
  const ownerOf = (sticky: StickyItem) =>
    sticky.parent !== undefined && order.has(sticky.parent) ? sticky.parent : undefined
  const kindOrder = (sticky: StickyItem) => STICKY_KIND_VALUES.indexOf(sticky.kind)
  const stickies = items
    .filter((item): item is StickyItem => item.type === 'sticky' && ids.has(item.id))
    .sort(
      (a, b) =>
        (order.get(ownerOf(a)) ?? owners.length) - (order.get(ownerOf(b)) ?? owners.length) ||
        kindOrder(a) - kindOrder(b) ||
        readingOrder(a, b),
    )
  const numbers = new Map<string, number>()
  const rows = stickies.map((sticky, i) => {
    numbers.set(sticky.id, i + 1)
    const owner = byId.get(ownerOf(sticky) ?? '')
    return {
      number: i + 1,
      kind: `${STICKY_KINDS[sticky.kind].symbol} ${STICKY_KIND_LABELS[sticky.kind][lang]}`,
      text: sticky.text,
      place: owner ? placeName(owner, lang) : REPORT_LABELS.loose[lang],
    }
  })
  return { numbers, rows }
}

/** Circles by their number before boxes, as the report lists them. */
const rank = (item: Item) => (item.type === 'circle' ? (item.number ?? 99) : 100)

function placeName(owner: Item, lang: Lang): string {
  const label =
    owner.type === 'circle'
      ? owner.label || CIRCLE_ROLE_LABELS[owner.role][lang]
      : owner.type === 'box'
        ? owner.label || BOX_ROLE_LABELS[owner.role][lang]
        : ''
  const number = 'number' in owner ? owner.number : undefined
  return number === undefined ? label : `${number}. ${label}`
}
