// What every command needs: find an item it may change, check what it is about to write against
// the same schema readers use (so a valid edit never makes an item vanish), then write it.
import { simpleDiffString } from 'lib0/diff'
import * as Y from 'yjs'
import { BoardError, describeIssues } from '../errors.ts'
import type { ItemId } from '../ids.ts'
import { itemsMap, readItem } from '../read.ts'
import { SNAPSHOT_SCHEMAS, TEXT_FIELDS, type Item, type ItemType } from '../schema.ts'
import { keysAbove, topKey } from '../zOrder.ts'

export type ItemOf<T extends ItemType> = Extract<Item, { type: T }>

export interface Found<T extends ItemType = ItemType> {
  map: Y.Map<unknown>
  item: ItemOf<T>
}

function hasType<T extends ItemType>(item: Item, types: readonly T[]): item is ItemOf<T> {
  return types.length === 0 || (types as readonly ItemType[]).includes(item.type)
}

/** The item with this id, valid and of one of `types` (any type when none are given). */
export function requireItem<T extends ItemType = ItemType>(
  doc: Y.Doc,
  id: string,
  ...types: T[]
): Found<T> {
  const map = itemsMap(doc).get(id)
  if (map === undefined) throw new BoardError(`no item ${id} on this board`)
  const reading = readItem(map, id)
  if (!reading.ok || !(map instanceof Y.Map)) {
    throw new BoardError(`item ${id} is unreadable and cannot be changed`)
  }
  const { item } = reading
  if (!hasType(item, types)) {
    throw new BoardError(`${id} is a ${item.type}, expected ${types.join(' or ')}`)
  }
  return { map, item }
}

/** Valid items whose parent is `id`; unreadable ones are left alone. */
export function childrenOf(doc: Y.Doc, id: string): Found[] {
  const children: Found[] = []
  itemsMap(doc).forEach((value, key) => {
    if (!(value instanceof Y.Map) || value.get('parent') !== id) return
    const reading = readItem(value, key)
    if (reading.ok) children.push({ map: value, item: reading.item })
  })
  return children
}

/** Throws unless `item` is what a reader would accept. */
export function checkItem(item: Item): void {
  const parsed = SNAPSHOT_SCHEMAS[item.type].safeParse(item)
  if (!parsed.success) throw new BoardError(`invalid ${item.type}: ${describeIssues(parsed.error)}`)
}

/** `count` z keys above every item on the board, for new or raised items. */
export function zKeysOnTop(doc: Y.Doc, count: number): string[] {
  const keys: unknown[] = []
  itemsMap(doc).forEach((value) => {
    if (value instanceof Y.Map) keys.push(value.get('z'))
  })
  return keysAbove(topKey(keys), count)
}

export function nextZ(doc: Y.Doc): string {
  const [key] = zKeysOnTop(doc, 1)
  if (key === undefined) throw new Error('fractional-indexing returned no key')
  return key
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Replaces lone UTF-16 surrogates (half an emoji, from a cut string) with U+FFFD. Updates travel
 * as UTF-8, which has no lone surrogates: unrepaired, the writer would keep a string its peers
 * never see, and the board would differ between them forever.
 */
export function wellFormed<T>(value: T): T {
  return (typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD') : value) as T
}

/** Stores a checked snapshot as a new Y.Map, its text fields as Y.Text. */
export function insertItem(doc: Y.Doc, item: Item): void {
  const textFields: readonly string[] = TEXT_FIELDS[item.type]
  const entries = Object.entries(item)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]): [string, unknown] => [
      key,
      textFields.includes(key) ? new Y.Text(wellFormed(String(value))) : plainValue(value),
    ])
  itemsMap(doc).set(item.id, new Y.Map<unknown>(entries))
}

/** Checks the item, then stores it in one transaction; returns its id. */
export function createItem(doc: Y.Doc, item: Item, origin: unknown): ItemId {
  checkItem(item)
  doc.transact(() => insertItem(doc, item), origin)
  return item.id
}

/** Writes plain fields; `undefined` removes a field. Unchanged values are not rewritten. */
export function writeFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) {
      if (map.has(key)) map.delete(key)
    } else if (map.get(key) !== value) {
      map.set(key, plainValue(value))
    }
  }
}

/**
 * A value as stored: strings well-formed, arrays (ink points) copied. Yjs keeps the very array it
 * is given, so a caller changing theirs later would change this peer's doc and no one else's.
 */
function plainValue(value: unknown): unknown {
  return Array.isArray(value) ? [...(value as unknown[])] : wellFormed(value)
}

/** Replaces the text by its smallest single edit, so a peer typing elsewhere keeps their work. */
export function replaceText(text: Y.Text, value: string): void {
  const diff = simpleDiffString(text.toString(), wellFormed(value))
  if (diff.remove > 0) text.delete(diff.index, diff.remove)
  if (diff.insert.length > 0) text.insert(diff.index, diff.insert)
}

/** Checks and writes a change to plain fields of one item, in one transaction. */
export function updateItem<T extends ItemType>(
  doc: Y.Doc,
  id: string,
  type: T,
  fields: Partial<ItemOf<T>>,
  origin?: unknown,
): void {
  const { map, item } = requireItem(doc, id, type)
  checkItem({ ...item, ...fields })
  doc.transact(() => writeFields(map, fields), origin)
}
