// Copy and paste as plain JSON, so a selection can travel through the system clipboard, to another
// board or another tab. A clipboard is untrusted input: pasting checks all of it before writing.
import type * as Y from 'yjs'
import { z } from 'zod'
import { BoardError, describeIssues } from '../errors.ts'
import { newItemId, randomIds, type IdSource, type ItemId } from '../ids.ts'
import { readBoard } from '../read.ts'
import {
  canHaveParent,
  isContainer,
  isItemType,
  LIMITS,
  SNAPSHOT_SCHEMAS,
  type Item,
} from '../schema.ts'
import { compareByZ } from '../zOrder.ts'
import { checkItem, insertItem, zKeysOnTop } from './write.ts'

export const CLIPBOARD_FORMAT = 'mdo-board-clipboard'

/** An item as readers return it: plain JSON, text as strings. */
export type PlainItem = Item

export interface Clipboard {
  format: typeof CLIPBOARD_FORMAT
  version: 1
  /** Bottom to top, as they were stacked. */
  items: PlainItem[]
}

export interface PasteOptions {
  /** Offset from where the items were copied. */
  dx: number
  dy: number
  ids?: IdSource
}

const clipboardSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(1, { error: 'a clipboard version this app does not know' }),
  items: z
    .array(z.unknown())
    .max(LIMITS.clipboardItems, { error: `at most ${LIMITS.clipboardItems} items at once` }),
})

/**
 * The items, the items circles and boxes among them own, and the arrows between any two of them.
 * Ids no longer on the board (a peer deleted them just now) are skipped, as deleteItems does.
 */
export function copyItems(doc: Y.Doc, ids: readonly ItemId[]): Clipboard {
  const { items } = readBoard(doc)
  const wanted = new Set<string>(ids)
  const owners = new Set<string>(
    items.filter((item) => wanted.has(item.id) && isContainer(item)).map((item) => item.id),
  )
  const copied = new Set<string>()
  for (const item of items) {
    if (wanted.has(item.id) || (item.parent !== undefined && owners.has(item.parent))) {
      copied.add(item.id)
    }
  }
  for (const item of items) {
    if (item.type === 'arrow' && copied.has(item.from) && copied.has(item.to)) copied.add(item.id)
  }
  // readBoard made these objects for this call alone, so the clipboard shares nothing with the doc.
  return {
    format: CLIPBOARD_FORMAT,
    version: 1,
    items: items.filter((item) => copied.has(item.id)),
  }
}

/**
 * Pastes a clipboard (from copyItems, or anything a user put on the system clipboard) as new
 * items above everything, moved by (dx, dy). Links are remapped to the pasted copies: a parent
 * that was not pasted is dropped, and an arrow whose ends are neither pasted nor on this board is
 * left out. Refuses the whole paste, writing nothing, when any part of the clipboard is invalid.
 */
export function pasteItems(
  doc: Y.Doc,
  clipboard: unknown,
  options: PasteOptions,
  origin?: unknown,
): ItemId[] {
  const items = readClipboard(clipboard)
  const ids = options.ids ?? randomIds
  const copies = new Map<string, { item: Item; id: ItemId }>()
  for (const item of items) {
    if (item.type !== 'arrow') copies.set(item.id, { item, id: newItemId(item.type, ids) })
  }
  const onBoard = new Map(readBoard(doc).items.map((item) => [item.id, item]))
  const end = (id: ItemId): ItemId | undefined => {
    const target = copies.get(id)?.item ?? onBoard.get(id)
    if (target === undefined || target.type === 'arrow') return undefined
    return copies.get(id)?.id ?? target.id
  }
  const owner = (item: Item): ItemId | undefined => {
    const parent = item.parent === undefined ? undefined : copies.get(item.parent)
    return parent && canHaveParent(item) && isContainer(parent.item) ? parent.id : undefined
  }

  const pasted: Item[] = []
  for (const item of items) {
    if (item.type === 'arrow') {
      const [from, to] = [end(item.from), end(item.to)]
      if (from === undefined || to === undefined || from === to) continue
      pasted.push({ ...item, id: newItemId('arrow', ids), parent: undefined, from, to })
    } else {
      const id = copies.get(item.id)?.id ?? newItemId(item.type, ids)
      const at = { x: item.x + options.dx, y: item.y + options.dy }
      pasted.push({ ...item, id, ...at, parent: owner(item) })
    }
  }
  const keys = zKeysOnTop(doc, pasted.length)
  const stacked = pasted.map((item, i) => ({ ...item, z: keys[i] ?? item.z }))
  for (const item of stacked) checkItem(item)
  doc.transact(() => {
    for (const item of stacked) insertItem(doc, item)
  }, origin)
  return stacked.map((item) => item.id)
}

/** The clipboard's items, each valid on its own and with its own id; throws a BoardError if not. */
/** Whether pasteItems can read this clipboard: every item checked as a paste checks it. */
export function isReadableClipboard(clipboard: unknown): boolean {
  try {
    readClipboard(clipboard)
    return true
  } catch (error) {
    if (error instanceof BoardError) return false
    throw error
  }
}

function readClipboard(clipboard: unknown): Item[] {
  const format =
    typeof clipboard === 'object' && clipboard !== null ? Reflect.get(clipboard, 'format') : null
  if (format !== CLIPBOARD_FORMAT) throw new BoardError('cannot paste: not a board clipboard')
  const parsed = clipboardSchema.safeParse(clipboard)
  if (!parsed.success) throw new BoardError(`cannot paste: ${describeIssues(parsed.error)}`)
  const seen = new Set<string>()
  const items = parsed.data.items.map((value, index) => {
    const type = typeof value === 'object' && value !== null ? Reflect.get(value, 'type') : null
    if (!isItemType(type)) throw new BoardError(`cannot paste: item ${index} has no known type`)
    const item = SNAPSHOT_SCHEMAS[type].safeParse(value)
    if (!item.success) {
      throw new BoardError(`cannot paste: item ${index} (${type}): ${describeIssues(item.error)}`)
    }
    if (seen.has(item.data.id)) throw new BoardError(`cannot paste: ${item.data.id} appears twice`)
    seen.add(item.data.id)
    return item.data
  })
  // Stacked as they were, whatever order a hand-made clipboard lists them in.
  return items.sort(compareByZ)
}
