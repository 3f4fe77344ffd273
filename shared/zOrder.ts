// Stacking order: every item carries a fractional index (`z`) so concurrent inserts merge without
// renumbering; equal keys from two peers are broken by id, so every peer sorts the same way.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

const KEY_PATTERN = /^[0-9A-Za-z]+$/

export function isOrderKey(value: string): boolean {
  if (!KEY_PATTERN.test(value)) return false
  try {
    // The library validates its input; asking for a successor is the cheapest way to call that.
    generateKeyBetween(value, null)
    return true
  } catch {
    return false
  }
}

export function compareByZ(a: { z: string; id: string }, b: { z: string; id: string }): number {
  if (a.z !== b.z) return a.z < b.z ? -1 : 1
  if (a.id !== b.id) return a.id < b.id ? -1 : 1
  return 0
}

/** The highest valid key among `keys`; invalid ones (from a bad peer) are ignored. */
export function topKey(keys: Iterable<unknown>): string | null {
  let top: string | null = null
  for (const key of keys) {
    if (typeof key === 'string' && (top === null || key > top) && isOrderKey(key)) top = key
  }
  return top
}

/** `count` keys above `top`, in ascending order. */
export function keysAbove(top: string | null, count: number): string[] {
  return generateNKeysBetween(top, null, count)
}
