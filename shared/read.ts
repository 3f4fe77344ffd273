// Reads a board document into plain, validated snapshots. Nothing in the doc is trusted: an item
// a hostile or buggy peer wrote is skipped or repaired and reported as a Problem, never thrown.
import * as Y from 'yjs'
import { describeIssues, type Problem } from './errors.ts'
import {
  canHaveParent,
  isContainer,
  isItemType,
  ITEMS_MAP,
  META_MAP,
  metaSchemas,
  SCHEMA_VERSION,
  Y_ITEM_SCHEMAS,
  type BoardMeta,
  type Item,
} from './schema.ts'
import { readFast } from './readFast.ts'
import { compareByZ } from './zOrder.ts'

export interface BoardSnapshot {
  meta: BoardMeta
  /** Sorted bottom to top: by z, then by id. */
  items: Item[]
  /** Sorted by id, so two peers with the same doc report the same list. */
  problems: Problem[]
}

export type ItemReading = { ok: true; item: Item } | { ok: false; problem: Problem }

export const metaMap = (doc: Y.Doc) => doc.getMap<unknown>(META_MAP)
export const itemsMap = (doc: Y.Doc) => doc.getMap<unknown>(ITEMS_MAP)

/**
 * Validates one entry of the items map on its own. `key` is the entry's key, which the item's id
 * must match. Links to other items (arrow ends, parent) are checked by readBoard.
 */
export function readItem(value: unknown, key?: string): ItemReading {
  const id = key ?? (value instanceof Y.Map ? value.get('id') : undefined)
  const fail = (reason: string): ItemReading => ({ ok: false, problem: problemFor(id, reason) })
  if (!(value instanceof Y.Map)) return fail(`not a Y.Map but ${describe(value)}`)
  const type: unknown = value.get('type')
  if (!isItemType(type)) return fail(`unknown item type ${describe(type)}`)
  const fast = readFast(type, value)
  if (fast) {
    return key !== undefined && fast.id !== key
      ? fail(`id ${fast.id} differs from its key`)
      : { ok: true, item: fast }
  }
  const parsed = Y_ITEM_SCHEMAS[type].safeParse(Object.fromEntries(value.entries()))
  if (!parsed.success) return fail(`invalid ${type}: ${describeIssues(parsed.error)}`)
  if (key !== undefined && parsed.data.id !== key)
    return fail(`id ${parsed.data.id} differs from its key`)
  return { ok: true, item: parsed.data }
}

export function readBoard(doc: Y.Doc): BoardSnapshot {
  const problems: Problem[] = []
  const meta = readMeta(doc, problems)
  const byId = new Map<string, Item>()
  itemsMap(doc).forEach((value, key) => {
    const reading = readItem(value, key)
    if (reading.ok) byId.set(key, reading.item)
    else problems.push(reading.problem)
  })
  // Judge every arrow against the same set before removing any, so the outcome (and the reasons)
  // cannot depend on the order in which this peer happens to iterate the map.
  const brokenArrows = [...byId.values()].flatMap((item) => {
    const reason = item.type === 'arrow' ? arrowProblem(item.from, item.to, byId) : undefined
    return reason ? [{ id: item.id, reason }] : []
  })
  for (const problem of brokenArrows) byId.delete(problem.id)
  problems.push(...brokenArrows)
  for (const item of byId.values()) {
    const reason = parentProblem(item, byId)
    if (reason === undefined) continue
    byId.set(item.id, withoutParent(item))
    problems.push({ id: item.id, reason: `${reason}; parent cleared` })
  }
  return {
    meta,
    items: [...byId.values()].sort(compareByZ),
    problems: problems.sort(compareProblems),
  }
}

const DEFAULT_META: BoardMeta = { schemaVersion: 0, title: '', template: 'blank', createdAt: 0 }

export function readMeta(doc: Y.Doc, problems: Problem[] = []): BoardMeta {
  const map = metaMap(doc)
  if (map.size === 0) {
    problems.push({ reason: 'board has no meta: not created yet, or not synced yet' })
    return { ...DEFAULT_META }
  }
  const meta = { ...DEFAULT_META }
  for (const key of Object.keys(metaSchemas) as (keyof BoardMeta)[]) {
    const parsed = metaSchemas[key].safeParse(map.get(key))
    if (parsed.success) Object.assign(meta, { [key]: parsed.data })
    else problems.push({ reason: `meta.${key}: ${describeIssues(parsed.error)}` })
  }
  if (meta.schemaVersion > SCHEMA_VERSION) {
    problems.push({
      reason: `board uses schema ${meta.schemaVersion}, newer than this app's ${SCHEMA_VERSION}`,
    })
  }
  return meta
}

function arrowProblem(from: string, to: string, byId: Map<string, Item>): string | undefined {
  if (from === to) return 'arrow starts and ends at the same item'
  for (const end of [from, to]) {
    const target = byId.get(end)
    if (!target) return `arrow end ${end} is missing`
    if (target.type === 'arrow') return `arrow end ${end} is another arrow`
  }
  return undefined
}

function parentProblem(item: Item, byId: Map<string, Item>): string | undefined {
  if (item.parent === undefined) return undefined
  if (!canHaveParent(item)) return `a ${item.type} cannot belong to another item`
  const parent = byId.get(item.parent)
  if (!parent) return `parent ${item.parent} is missing`
  if (!isContainer(parent)) return `parent ${item.parent} is a ${parent.type}, not a circle or box`
  return undefined
}

function withoutParent<T extends Item>(item: T): T {
  const copy = { ...item }
  delete copy.parent
  return copy
}

function problemFor(id: unknown, reason: string): Problem {
  // Ids from a bad peer can be anything; report a bounded string or nothing.
  return typeof id === 'string' ? { id: id.slice(0, 100), reason } : { reason }
}

/** A short, safe description of an untrusted value (JSON.stringify throws on BigInt). */
function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value.slice(0, 40)}'`
  if (value === null) return 'null'
  if (typeof value === 'object') {
    // Decoded JSON may carry its own `constructor` key; only trust a string name.
    const name: unknown = (value.constructor as { name?: unknown } | undefined)?.name
    return typeof name === 'string' ? name.slice(0, 40) : 'object'
  }
  return typeof value
}

function compareProblems(a: Problem, b: Problem): number {
  const ka = `${a.id ?? ''}\u0000${a.reason}`
  const kb = `${b.id ?? ''}\u0000${b.reason}`
  return ka < kb ? -1 : ka > kb ? 1 : 0
}
