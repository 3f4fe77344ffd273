// Small pure pieces of BoardIndex: boxes, one-to-many link sets, and readBoard's problem order.
import type { Item, ItemId, Problem } from '../../../shared/index.ts'

export interface Box {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** Lines and arrow shapes keep their direction in a negative w or h. */
export function boxOf(item: Item): Box {
  const [x1, x2] = [item.x, item.x + item.w]
  const [y1, y2] = [item.y, item.y + item.h]
  return {
    minX: Math.min(x1, x2),
    minY: Math.min(y1, y2),
    maxX: Math.max(x1, x2),
    maxY: Math.max(y1, y2),
  }
}

export function unionOf(a: Box, b: Box): Box {
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  }
}

export function sameBox(a: Box, b: Box): boolean {
  return a.minX === b.minX && a.minY === b.minY && a.maxX === b.maxX && a.maxY === b.maxY
}

export function addTo(map: Map<string, Set<ItemId>>, key: string, id: ItemId): void {
  const set = map.get(key) ?? new Set<ItemId>()
  set.add(id)
  map.set(key, set)
}

export function removeFrom(map: Map<string, Set<ItemId>>, key: string, id: ItemId): void {
  const set = map.get(key)
  set?.delete(id)
  if (set?.size === 0) map.delete(key)
}

/** The order readBoard reports problems in: by id, then reason, by code unit. */
export function compareProblems(a: Problem, b: Problem): number {
  const ka = `${a.id ?? ''}\u0000${a.reason}`
  const kb = `${b.id ?? ''}\u0000${b.reason}`
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** Two readings of an item that say the same (items are plain data: values, arrays, records). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  if (keysA.length !== Object.keys(b).length) return false
  const recordA = a as Record<string, unknown>
  const recordB = b as Record<string, unknown>
  return keysA.every((key) => key in recordB && sameData(recordA[key], recordB[key]))
}
