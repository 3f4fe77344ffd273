// Commands that arrange items: move, resize, stack, re-parent, delete. A circle or box carries the
// items that belong to it, so moving, raising or deleting it does the same to them.
import * as Y from 'yjs'
import { centreOf, containerIn } from '../containers.ts'
import { BoardError } from '../errors.ts'
import type { ItemId } from '../ids.ts'
import { placeInContainer } from '../placement.ts'
import { itemsMap, readBoard } from '../read.ts'
import { canHaveParent, INK_STRIDE, isContainer, type InkItem } from '../schema.ts'
import { compareByZ } from '../zOrder.ts'
import { checkItem, childrenOf, requireItem, writeFields, zKeysOnTop, type Found } from './write.ts'

/** The items themselves plus, for each circle or box among them, the items it owns. */
function withChildren(doc: Y.Doc, ids: readonly ItemId[]): Found[] {
  const found = new Map<string, Found>()
  for (const id of ids) {
    const entry = requireItem(doc, id)
    found.set(id, entry)
    if (isContainer(entry.item)) {
      for (const child of childrenOf(doc, id)) found.set(child.item.id, child)
    }
  }
  return [...found.values()]
}

/** Moves items by (dx, dy). Arrows follow their ends, so they are not moved themselves. */
export function moveItems(
  doc: Y.Doc,
  ids: readonly ItemId[],
  dx: number,
  dy: number,
  origin?: unknown,
): void {
  const moves = withChildren(doc, ids)
    .filter(({ item }) => item.type !== 'arrow')
    .map(({ map, item }) => ({ map, item: { ...item, x: item.x + dx, y: item.y + dy } }))
  for (const { item } of moves) checkItem(item)
  doc.transact(() => {
    for (const { map, item } of moves) writeFields(map, { x: item.x, y: item.y })
  }, origin)
}

/**
 * Sets an item's bounds; the items a container owns stay where they are. An ink stroke is scaled
 * to its new box; a line or arrow shape takes a negative w or h as pointing left or up.
 */
export function resizeItem(
  doc: Y.Doc,
  id: ItemId,
  bounds: { x: number; y: number; w: number; h: number },
  origin?: unknown,
): void {
  const { map, item } = requireItem(doc, id)
  if (item.type === 'arrow') throw new BoardError('an arrow is sized by its ends')
  const { x, y, w, h } = bounds
  const fields = { x, y, w, h, ...(item.type === 'ink' && { points: scaledStroke(item, w, h) }) }
  checkItem({ ...item, ...fields })
  doc.transact(() => writeFields(map, fields), origin)
}

/** The stroke's points stretched to a w × h box, clamped so rounding never leaves the box. */
function scaledStroke(ink: InkItem, w: number, h: number): number[] {
  const sx = ink.w > 0 ? w / ink.w : 1
  const sy = ink.h > 0 ? h / ink.h : 1
  const fit = (value: number, max: number) => Math.min(Math.max(value, 0), max)
  return ink.points.map((value, i) =>
    i % INK_STRIDE === 0 ? fit(value * sx, w) : i % INK_STRIDE === 1 ? fit(value * sy, h) : value,
  )
}

/** Raises items above everything else, keeping their order among themselves. */
export function bringToFront(doc: Y.Doc, ids: readonly ItemId[], origin?: unknown): void {
  const raised = withChildren(doc, ids).sort(
    // A container goes below the items it owns, or it would hide them.
    (a, b) =>
      Number(isContainer(b.item)) - Number(isContainer(a.item)) || compareByZ(a.item, b.item),
  )
  const keys = zKeysOnTop(doc, raised.length)
  doc.transact(() => {
    for (const [i, z] of keys.entries()) raised[i]?.map.set('z', z)
  }, origin)
}

/** Makes `parent` (a circle or box) own the item, or frees it when `parent` is undefined. */
export function setParent(
  doc: Y.Doc,
  id: ItemId,
  parent: ItemId | undefined,
  origin?: unknown,
): void {
  const { map, item } = requireItem(doc, id)
  if (!canHaveParent(item)) throw new BoardError(`a ${item.type} cannot belong to another item`)
  if (parent !== undefined) requireItem(doc, parent, 'circle', 'box')
  doc.transact(() => writeFields(map, { parent }), origin)
}

/**
 * "Verplaats naar…": puts the item on a free spot inside the circle or box and makes that its
 * parent, without a drag. A sticky moved into a column of its own kind (Tips, Tops) takes that
 * kind, as a sticky made there would.
 */
export function moveInto(doc: Y.Doc, id: ItemId, target: ItemId, origin?: unknown): void {
  const { map, item } = requireItem(doc, id)
  if (!canHaveParent(item)) throw new BoardError(`a ${item.type} cannot belong to another item`)
  const owner = requireItem(doc, target, 'circle', 'box').item
  if (!isContainer(owner)) throw new BoardError(`${target} is not a circle or box`)
  const { items } = readBoard(doc)
  const held = items.filter((other) => other.parent === target && other.id !== id)
  const [spot] = placeInContainer(owner, held, item)
  const kind = item.type === 'sticky' && owner.type === 'box' ? owner.stickyKind : undefined
  const moved = { ...item, ...(spot ?? { x: owner.x, y: owner.y }), parent: target }
  checkItem(moved.type === 'sticky' && kind ? { ...moved, kind } : moved)
  doc.transact(() => {
    writeFields(map, { x: moved.x, y: moved.y, parent: target, ...(kind && { kind }) })
  }, origin)
}

/**
 * After a drag: each item belongs to the topmost circle or box under its centre, or to none.
 * Circles, boxes and arrows in `ids` are left as they are.
 */
export function dropItems(doc: Y.Doc, ids: readonly ItemId[], origin?: unknown): void {
  const { items } = readBoard(doc)
  const drops = ids
    .map((id) => requireItem(doc, id))
    .filter(({ item }) => canHaveParent(item))
    .map(({ map, item }) => {
      const centre = centreOf(item)
      return { map, parent: containerIn(items, centre.x, centre.y)?.id }
    })
  doc.transact(() => {
    for (const { map, parent } of drops) writeFields(map, { parent })
  }, origin)
}

/**
 * Deletes items, the items circles and boxes among them own, and every arrow attached to any of
 * them. Ids already gone are skipped: a peer may have deleted them first, which is the same end.
 * Unreadable items can be deleted too, so a facilitator can clear what a bad peer wrote.
 */
export function deleteItems(doc: Y.Doc, ids: readonly ItemId[], origin?: unknown): void {
  const items = itemsMap(doc)
  const listed = new Set<unknown>(ids.filter((id) => items.has(id)))
  const doomed = new Set<unknown>(listed)
  items.forEach((value, key) => {
    if (value instanceof Y.Map && listed.has(value.get('parent'))) doomed.add(key)
  })
  items.forEach((value, key) => {
    if (!(value instanceof Y.Map) || value.get('type') !== 'arrow') return
    if (doomed.has(value.get('from')) || doomed.has(value.get('to'))) doomed.add(key)
  })
  doc.transact(() => {
    for (const id of doomed) if (typeof id === 'string') items.delete(id)
  }, origin)
}
