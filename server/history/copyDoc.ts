// Makes a live board document's content equal to a version's, as one change on top of what the
// live doc holds: what the version lacks is deleted, what differs is written, what is equal is
// left alone (so a text nobody changed keeps its identity and a concurrent edit still merges).
import { isDeepStrictEqual } from 'node:util'
import * as Y from 'yjs'
import { ITEMS_MAP, META_MAP } from '../../shared/schema.ts'
import { VOTES_MAP } from '../../shared/votes.ts'

/** The board document's root maps; any other root is something no screen shows, and is emptied. */
export const CONTENT_ROOTS: readonly string[] = [META_MAP, ITEMS_MAP, VOTES_MAP]

/** Run inside a transaction on `target`; `source` is a doc loaded with the version. */
export function copyContent(source: Y.Doc, target: Y.Doc, transaction: Y.Transaction): void {
  for (const [name, type] of target.share) {
    // A root written as a list, or under a name the board does not use: nothing of it is kept.
    clearSequence(type, transaction)
    if (!CONTENT_ROOTS.includes(name)) clearEntries(type, transaction)
  }
  for (const name of CONTENT_ROOTS) syncMap(source.getMap<unknown>(name), target.getMap(name))
}

function syncMap(from: Y.Map<unknown>, to: Y.Map<unknown>): void {
  for (const key of [...to.keys()]) if (!from.has(key)) to.delete(key)
  for (const [key, value] of from.entries()) {
    const current = to.get(key)
    if (value instanceof Y.Map && current instanceof Y.Map) syncMap(value, current)
    else if (value instanceof Y.Text && current instanceof Y.Text) syncText(value, current)
    else if (!(to.has(key) && sameValue(value, current))) to.set(key, copyOf(value))
  }
}

/** Rewrites only the part between the common start and end, as a person editing it would. */
function syncText(from: Y.Text, to: Y.Text): void {
  const wanted = from.toDelta() as unknown[]
  const had = to.toDelta() as unknown[]
  if (isDeepStrictEqual(wanted, had)) return
  if (!isPlain(wanted) || !isPlain(had)) {
    to.delete(0, to.length)
    to.applyDelta(wanted)
    return
  }
  const next = from.toString()
  const previous = to.toString()
  let start = 0
  while (start < next.length && start < previous.length && next[start] === previous[start]) start++
  let end = 0
  while (
    end < next.length - start &&
    end < previous.length - start &&
    next[next.length - 1 - end] === previous[previous.length - 1 - end]
  ) {
    end++
  }
  // Never cut between the two halves of a surrogate pair (an emoji): Yjs would store neither.
  if (start > 0 && isHighSurrogate(next.charCodeAt(start - 1))) start--
  if (end > 0 && isLowSurrogate(next.charCodeAt(next.length - end))) end--
  to.delete(start, previous.length - start - end)
  to.insert(start, next.slice(start, next.length - end))
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

// Text without formatting or embeds: one string insert per run and no attributes.
const isPlain = (delta: unknown[]) =>
  delta.every((op) => {
    const { insert, attributes } = op as { insert?: unknown; attributes?: unknown }
    return typeof insert === 'string' && attributes === undefined
  })

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false
  return isDeepStrictEqual(a, b)
}

/** A shared type is copied whole (a new type in the live doc); a plain value is written as is. */
function copyOf(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.clone() : value
}

/** A root type of a doc, whatever was written into it. */
type RootType = Y.Doc['share'] extends Map<string, infer T> ? T : never

function clearEntries(type: RootType, transaction: Y.Transaction): void {
  for (const item of type._map.values()) if (!item.deleted) item.delete(transaction)
}

function clearSequence(type: RootType, transaction: Y.Transaction): void {
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted) item.delete(transaction)
  }
}
