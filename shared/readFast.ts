// A fast path for reading the common item types: plain checks of the same rules as their zod
// schemas (schema.ts), which stay the source of truth. Zod cannot compile its checks under the
// client's CSP (no eval), and a board opening with thousands of items pays for that. The fast path
// only ever answers "valid, and here is the snapshot zod would give"; anything else (an invalid
// item, a type it does not cover, a value it is unsure of) goes to zod, which also words the
// problem. tests/unit/readFast.test.ts checks that both agree on valid and hostile entries.
import * as Y from 'yjs'
import { isItemId } from './ids.ts'
import {
  AGREEMENT_FIELDS,
  AGREEMENT_STATUSES,
  BOX_ROLES,
  CIRCLE_ROLES,
  LIMITS,
  STICKY_KIND_VALUES,
  VALENCES,
  Y_ITEM_SCHEMAS,
  type Item,
  type ItemType,
} from './schema.ts'
import { isOrderKey } from './zOrder.ts'

export interface Field {
  key: string
  check(value: unknown): boolean
  optional?: true
  /** A Y.Text in the doc, a string in the snapshot. */
  text?: true
}

const inRange = (min: number, max: number) => (value: unknown) =>
  typeof value === 'number' && value >= min && value <= max
const oneOf = (values: readonly unknown[]) => {
  const allowed = new Set(values)
  return (value: unknown) => allowed.has(value)
}
const shortText = (value: unknown) => typeof value === 'string' && value.length <= LIMITS.shortText
const COLOR = /^#[0-9a-fA-F]{6}$/

const field = (key: string, check: (value: unknown) => boolean): Field => ({ key, check })
const optional = (key: string, check: (value: unknown) => boolean): Field => ({
  key,
  check,
  optional: true,
})
const text = (key: string): Field => ({
  key,
  check: (value) => value instanceof Y.Text && value.length <= LIMITS.textLength,
  text: true,
})

// In the order of the schemas' keys (base, type, text fields, the rest), as zod returns them.
const BASE: Field[] = [
  field('id', isItemId),
  field('x', inRange(-LIMITS.coordinate, LIMITS.coordinate)),
  field('y', inRange(-LIMITS.coordinate, LIMITS.coordinate)),
  field('w', inRange(0, LIMITS.size)),
  field('h', inRange(0, LIMITS.size)),
  field(
    'z',
    (value) => typeof value === 'string' && value.length <= LIMITS.orderKey && isOrderKey(value),
  ),
  optional('parent', isItemId),
]

const typed = (type: ItemType, ...rest: Field[]): Field[] => [
  ...BASE,
  field('type', (value) => value === type),
  ...rest,
]

/** The item types the fast path covers; ink and shapes (cross-field rules) are left to zod. */
const FIELDS: Partial<Record<ItemType, Field[]>> = {
  sticky: typed(
    'sticky',
    text('text'),
    field('kind', oneOf(STICKY_KIND_VALUES)),
    optional('color', (value) => typeof value === 'string' && COLOR.test(value)),
    optional('author', shortText),
    optional('hoe', (value) => typeof value === 'string' && value.length <= LIMITS.textLength),
    optional('wie', shortText),
  ),
  circle: typed(
    'circle',
    text('label'),
    optional('number', oneOf([2, 3, 4])),
    field('role', oneOf(CIRCLE_ROLES)),
  ),
  box: typed(
    'box',
    text('label'),
    optional('number', oneOf([1, 5])),
    field('role', oneOf(BOX_ROLES)),
    optional('stickyKind', oneOf(STICKY_KIND_VALUES)),
  ),
  arrow: typed(
    'arrow',
    text('label'),
    field('from', isItemId),
    field('to', isItemId),
    field('valence', oneOf(VALENCES)),
  ),
  agreement: typed(
    'agreement',
    ...AGREEMENT_FIELDS.map(text),
    field('status', oneOf(AGREEMENT_STATUSES)),
    optional('source', isItemId),
  ),
  question: typed(
    'question',
    text('text'),
    field('askedBy', shortText),
    field('decisionNeeded', (value) => typeof value === 'boolean'),
  ),
}

/**
 * The fields of `type` when they are exactly its schema's keys, in order; otherwise undefined, and
 * zod reads that type: a field added to a schema but not here costs speed, never correctness
 * (tests/unit/readFast.test.ts fails until it is added here too).
 */
export function fastFields(type: ItemType): readonly Field[] | undefined {
  const fields = FIELDS[type]
  const shape = (Y_ITEM_SCHEMAS[type] as { shape?: Record<string, unknown> }).shape
  if (!fields || !shape) return undefined
  const keys = Object.keys(shape)
  const same = keys.length === fields.length && keys.every((key, i) => fields[i]?.key === key)
  return same ? fields : undefined
}

const CHECKED = new Map<ItemType, readonly Field[] | undefined>()

/**
 * The snapshot of a valid entry of a covered type, exactly as its zod twin in Y_ITEM_SCHEMAS
 * would parse it; undefined means "ask zod", not "invalid".
 */
export function readFast(type: ItemType, entry: Y.Map<unknown>): Item | undefined {
  if (!CHECKED.has(type)) CHECKED.set(type, fastFields(type))
  const fields = CHECKED.get(type)
  if (!fields) return undefined
  const item: Record<string, unknown> = {}
  for (const { key, check, optional, text } of fields) {
    const value = entry.get(key)
    if (value === undefined) {
      // A key set to undefined is not the same as no key to zod: leave that case to it.
      if (optional && !entry.has(key)) continue
      return undefined
    }
    if (!check(value)) return undefined
    item[key] = text ? (value as Y.Text).toString() : value
  }
  return item as Item
}
