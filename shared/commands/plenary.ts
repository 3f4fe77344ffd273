// A workshop's plenary board collects what the tables wrote: the leader picks stickies on a table
// and copies them over. A sticky lands in the plenary column of the same name (Tops to Tops, in
// either language) or, when there is none, in an area named after its table. Table data is
// checked like a clipboard. The room reads the plenary board from afar: its stickies are larger.
import type * as Y from 'yjs'
import { BoardError, describeIssues } from '../errors.ts'
import { newItemId, randomIds, type IdSource, type ItemId } from '../ids.ts'
import { readBoard } from '../read.ts'
import { LIMITS, SNAPSHOT_SCHEMAS, type BoxItem, type Item, type StickyItem } from '../schema.ts'
import { labelKey } from '../templates/text.ts'
import { PLACE_GAP, PLACE_STEP, placeFree } from '../placement.ts'
import { STICKY_SIZE } from './create.ts'
import { checkItem, insertItem, requireItem, writeFields, zKeysOnTop } from './write.ts'

export interface PlenaryCopy {
  /** A sticky as a table's reader returned it; checked again here. */
  sticky: unknown
  /** The label of the column or area it sat in on its table, if any, as stored there. */
  column?: string
}

export interface ToPlenary {
  /** The table's name ("Tafel 3"): the area for stickies without a matching column. */
  table: string
  ids?: IdSource
}

const AREA = { w: 640, h: 1070, gap: 120 }

/** "Bram, Tafel 2", or "Tafel 2" for an anonymous sticky. */
const fromTable = (author: string | undefined, table: string): string | undefined =>
  [author, table].filter(Boolean).join(', ').slice(0, LIMITS.shortText) || undefined
const GRID = { padding: 20, gap: 15, header: 80 }

/** Copies the stickies into the plenary doc in one transaction; returns the new ids. */
export function copyToPlenary(
  plenary: Y.Doc,
  copies: readonly PlenaryCopy[],
  input: ToPlenary,
  origin?: unknown,
): ItemId[] {
  if (copies.length > LIMITS.clipboardItems) {
    throw new BoardError(`at most ${LIMITS.clipboardItems} stickies at once`)
  }
  const table = input.table.trim().slice(0, LIMITS.shortText)
  const stickies = copies.map((copy, index) => {
    const parsed = SNAPSHOT_SCHEMAS.sticky.safeParse(copy.sticky)
    if (!parsed.success) {
      throw new BoardError(`sticky ${index} cannot be copied: ${describeIssues(parsed.error)}`)
    }
    return { sticky: parsed.data, column: copy.column?.trim() ? labelKey(copy.column) : undefined }
  })
  const ids = input.ids ?? randomIds
  const { items } = readBoard(plenary)
  const boxes = items.filter((item): item is BoxItem => item.type === 'box')
  const created: BoxItem[] = []
  const areaFor = (column: string | undefined): BoxItem => {
    const named = column && boxes.find((box) => labelKey(box.label) === column)
    if (named) return named
    const own = [...boxes, ...created].find((box) => box.role === 'other' && box.label === table)
    if (own) return own
    const area = newArea(items, created, table, ids)
    created.push(area)
    return area
  }

  const boxOf = stickies.map(({ column }) => areaFor(column))
  const spots = spotsInBoxes(items, boxOf)
  const heights = new Map<string, number>()
  const placed = stickies.map(({ sticky }, i): StickyItem => {
    const box = boxOf[i]!
    const { size, ...at } = spots[i]!
    const bottom = at.y + size.h + GRID.padding
    if (bottom > box.y + (heights.get(box.id) ?? box.h)) heights.set(box.id, bottom - box.y)
    return {
      id: newItemId('sticky', ids),
      type: 'sticky',
      ...at,
      ...size,
      z: '',
      parent: box.id,
      kind: sticky.kind,
      text: sticky.text,
      // Everything a sticky says travels with it: colour, author, an action card's hoe and wie;
      // and the plenary says which table it came from, after the author's name when it had one.
      color: sticky.color,
      author: fromTable(sticky.author, table),
      hoe: sticky.hoe,
      wie: sticky.wie,
    }
  })
  const keys = zKeysOnTop(plenary, created.length + placed.length)
  const stacked: Item[] = [...created, ...placed].map((item, i) => ({
    ...item,
    z: keys[i] ?? item.z,
  }))
  for (const item of stacked) {
    const grown = heights.get(item.id)
    if (item.type === 'box' && grown !== undefined) item.h = Math.min(LIMITS.size, grown)
    checkItem(item)
  }
  const grownBoxes = boxes.flatMap((box) => {
    const h = heights.get(box.id)
    return h === undefined ? [] : [{ box, h: Math.min(LIMITS.size, h) }]
  })
  plenary.transact(() => {
    for (const item of stacked) insertItem(plenary, item)
    for (const { box, h } of grownBoxes) writeFields(requireItem(plenary, box.id, 'box').map, { h })
  }, origin)
  return placed.map((sticky) => sticky.id)
}

/**
 * Two stickies across the box, at a normal sticky's proportions: half as large again in a column
 * of the workshop templates, so their text (which grows with the sticky, Sticky.tsx) can still
 * be read when the board is shown whole on a projector. Never smaller than a normal sticky. Two
 * fit side by side on placeFree's grid (a PLACE_STEP apart, PLACE_GAP between them).
 */
function plenarySize(box: BoxItem): { w: number; h: number } {
  const inner = box.w - 2 * GRID.padding
  const w = Math.max(STICKY_SIZE.w, Math.floor((inner - PLACE_GAP - PLACE_STEP) / 2))
  return { w, h: Math.round((w * STICKY_SIZE.h) / STICKY_SIZE.w) }
}

/**
 * Per sticky, a free place in its box (placement.ts): in reading order below the box's header and
 * any text in it (a column's hint), clear of what the box holds. A full box goes on downwards, and
 * the caller makes it taller, so a column stays a column.
 */
function spotsInBoxes(items: readonly Item[], boxOf: readonly BoxItem[]) {
  const spots: { x: number; y: number; size: { w: number; h: number } }[] = []
  for (const box of new Set(boxOf)) {
    const mine = boxOf.flatMap((b, i) => (b === box ? [i] : []))
    const size = plenarySize(box)
    const held = items.filter((item) => item.parent === box.id && item.type !== 'arrow')
    const texts = held.filter((item) => item.type === 'label')
    const top = Math.max(box.y + GRID.header, ...texts.map((label) => label.y + label.h + GRID.gap))
    // Room below for every new sticky in one column, so none has to spill beside the box.
    const lowest = Math.max(box.h, ...held.map((item) => item.y + item.h - box.y))
    const region = {
      shape: 'box' as const,
      x: box.x + GRID.padding,
      y: box.y,
      w: box.w - 2 * GRID.padding,
      h: lowest + mine.length * (size.h + PLACE_GAP + PLACE_STEP),
    }
    const places = placeFree(region, held, size, mine.length, { top })
    mine.forEach((index, k) => (spots[index] = { ...(places[k] ?? box), size }))
  }
  return spots
}

/** A new area for one table, to the right of everything on the plenary board. */
function newArea(
  items: readonly Item[],
  created: readonly BoxItem[],
  label: string,
  ids: IdSource,
) {
  const framed = [...items, ...created].filter((item) => item.type !== 'arrow')
  const right = framed.length > 0 ? Math.max(...framed.map((item) => item.x + item.w)) : 0
  const top = framed.length > 0 ? Math.min(...framed.map((item) => item.y)) : 0
  const box: BoxItem = {
    id: newItemId('box', ids),
    type: 'box',
    x: Math.min(right + AREA.gap, LIMITS.coordinate - AREA.w),
    y: top,
    w: AREA.w,
    h: AREA.h,
    z: '',
    role: 'other',
    label,
  }
  return box
}
