// The fast reader and the zod schemas must agree: whatever the fast path accepts, zod accepts with
// the same snapshot, key order included; and on entries without keys set to undefined (which the
// fast path leaves to zod) it accepts everything zod accepts. Zod stays the source of truth.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  AGREEMENT_FIELDS,
  AGREEMENT_STATUSES,
  BOX_ROLES,
  CIRCLE_ROLES,
  LIMITS,
  STICKY_KIND_VALUES,
  VALENCES,
  Y_ITEM_SCHEMAS,
  type ItemType,
} from '../../shared/index.ts'
import { fastFields, readFast } from '../../shared/readFast.ts'

const L = LIMITS
const text = (value: string) => () => new Y.Text(value)

const anyId = fc.oneof(
  fc.constantFrom('sticky:abc', 'circle:X_1-2', 'a:b', 'box:' + 'x'.repeat(64)),
  fc.stringMatching(/^[a-z][a-z-]{0,31}:[A-Za-z0-9_-]{1,64}$/),
)
const number = (min: number, max: number) =>
  fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max, 0, -0))
const orderKey = fc.constantFrom(
  'a0',
  'a1',
  'a0V',
  'Zz',
  'b00',
  'a0G1',
  'zzzzzzzzzzzzzzzzzzzzzzzzzzzV',
)
const yText = fc.oneof(
  fc.string({ maxLength: 40 }).map((value) => () => new Y.Text(value)),
  fc.constant(text('x'.repeat(L.textLength))),
)
const oneOf = (values: readonly unknown[]) => fc.constantFrom(...values)

/** Valid values per field; the text fields give a factory, for a fresh Y.Text each time. */
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  id: anyId,
  parent: anyId,
  from: anyId,
  to: anyId,
  x: number(-L.coordinate, L.coordinate),
  y: number(-L.coordinate, L.coordinate),
  w: number(0, L.size),
  h: number(0, L.size),
  z: orderKey,
  kind: oneOf(STICKY_KIND_VALUES),
  color: fc.constantFrom('#a0B1c2', '#FFFFFF', '#000000'),
  valence: oneOf(VALENCES),
  status: oneOf(AGREEMENT_STATUSES),
  askedBy: fc.string({ maxLength: L.shortText }),
  decisionNeeded: fc.boolean(),
}

const HOSTILE: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.string(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    L.coordinate + 1,
    -L.coordinate - 0.5,
    L.size + 1e-9,
    -1e-9,
    'x'.repeat(L.shortText + 1),
    'zz',
    'a',
    '',
    '#12345',
    '#1234567',
    '#12345g',
    'red',
    'sticky: bad',
    'Sticky:abc',
    'sticky:' + 'x'.repeat(65),
    'plus ',
    2.5,
    1,
    5,
    '2',
    null,
    true,
    0,
  ),
  fc.constantFrom(
    text('x'.repeat(L.textLength + 1)),
    () => new Y.Map(),
    () => new Y.Array(),
    () => new Uint8Array(3),
  ),
)

const SHAPES: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
  sticky: {
    text: yText,
    kind: VALID.kind!,
    color: VALID.color!,
    author: fc.string({ maxLength: L.shortText }),
    hoe: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('x'.repeat(L.textLength))),
    wie: fc.string({ maxLength: L.shortText }),
  },
  circle: { label: yText, number: fc.constantFrom(2, 3, 4), role: oneOf(CIRCLE_ROLES) },
  box: {
    label: yText,
    number: fc.constantFrom(1, 5),
    role: oneOf(BOX_ROLES),
    stickyKind: oneOf(STICKY_KIND_VALUES),
  },
  arrow: { label: yText, from: anyId, to: anyId, valence: VALID.valence! },
  agreement: {
    ...Object.fromEntries(AGREEMENT_FIELDS.map((field) => [field, yText])),
    status: VALID.status!,
    source: anyId,
  },
  question: { text: yText, askedBy: VALID.askedBy!, decisionNeeded: VALID.decisionNeeded! },
}

const BASE_KEYS = ['id', 'x', 'y', 'w', 'h', 'z', 'parent'] as const

const badId = fc.constantFrom(
  'Sticky:abc',
  'sticky:',
  ':abc',
  'sticky:' + 'x'.repeat(65),
  'sticky:a b',
  42,
)
const badText = fc.constantFrom(
  text('x'.repeat(L.textLength + 1)),
  'plain string',
  () => new Y.Map(),
)
const badEnum = fc.constantFrom('Plus', 'plus ', '', 'kind', 'up ', 0)

/** Values just past each field's rules: the boundaries a hand-written check could get wrong. */
const NEAR_MISS: Record<string, fc.Arbitrary<unknown>> = {
  id: badId,
  parent: badId,
  from: badId,
  to: badId,
  x: fc.constantFrom(L.coordinate + 1e-9 * L.coordinate, -L.coordinate - 1, Number.NaN, Infinity),
  y: fc.constantFrom(L.coordinate * (1 + 1e-12), -Infinity, '1', null),
  w: fc.constantFrom(-1e-9, L.size + 1e-9, -Infinity, Number.NaN, '5'),
  h: fc.constantFrom(-1, L.size * 2, Infinity),
  z: fc.constantFrom('zz', 'a', '', 'a0' + 'V'.repeat(L.orderKey - 1), 'a00', 'a0 ', 0),
  type: fc.constantFrom('Sticky', 'circle', 'ink', 'box '),
  kind: badEnum,
  role: badEnum,
  valence: badEnum,
  status: badEnum,
  color: fc.constantFrom('#12345', '#1234567', '#12345g', 'red', '#ABCDEF\n', 0x123456),
  number: fc.constantFrom(0, 1, 2, 3, 4, 5, 2.5, '2', null),
  askedBy: fc.constantFrom('x'.repeat(L.shortText + 1), 42, null),
  author: fc.constantFrom('x'.repeat(L.shortText + 1), 42, null),
  wie: fc.constantFrom('x'.repeat(L.shortText + 1), 42, new Y.Text('wie')),
  hoe: fc.constantFrom('x'.repeat(L.textLength + 1), 42, null),
  decisionNeeded: fc.constantFrom('true', 0, 1, null),
  text: badText,
  label: badText,
  ...Object.fromEntries(AGREEMENT_FIELDS.map((field) => [field, badText])),
}

/** Raw entries for a type: valid fields with at most two spoiled (near miss, hostile, missing). */
function entriesOf(type: string): fc.Arbitrary<[string, unknown][]> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {
    ...Object.fromEntries(BASE_KEYS.map((key) => [key, VALID[key]!])),
    type: fc.constant(type),
    ...SHAPES[type],
  }
  const keys = Object.keys(fields)
  type Spoil =
    | { kind: 'near' }
    | { kind: 'drop' }
    | { kind: 'undefined' }
    | { kind: 'hostile'; value: unknown }
  const spoil = fc.tuple(
    fc.constantFrom(...keys),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<Spoil>({ kind: 'near' }) },
      { weight: 1, arbitrary: fc.constant<Spoil>({ kind: 'drop' }) },
      { weight: 1, arbitrary: fc.constant<Spoil>({ kind: 'undefined' }) },
      { weight: 1, arbitrary: HOSTILE.map((value): Spoil => ({ kind: 'hostile', value })) },
    ),
  )
  const extra = fc.option(
    fc.tuple(fc.constantFrom('extra', 'constructor', 'points', 'label', 'text'), HOSTILE),
  )
  return fc
    .tuple(fc.record(fields), fc.array(spoil, { maxLength: 2 }), fc.record(NEAR_MISS), extra)
    .map(([valid, spoils, nearMiss, more]) => {
      const values: Record<string, unknown> = { ...valid }
      for (const [key, spoiled] of spoils) {
        if (spoiled.kind === 'drop') delete values[key]
        else if (spoiled.kind === 'undefined') values[key] = undefined
        else values[key] = spoiled.kind === 'near' ? nearMiss[key] : spoiled.value
      }
      if (more && !(more[0] in values)) values[more[0]] = more[1]
      // Factories give a fresh Y type per run: a Y type can be in one doc only.
      return Object.entries(values).map(([key, value]) => [
        key,
        typeof value === 'function' ? (value as () => unknown)() : value,
      ])
    })
}

/** The entry as the doc holds it (its Y.Texts integrated), read back from the items map. */
function stored(entries: [string, unknown][]): Y.Map<unknown> {
  const doc = new Y.Doc()
  doc.getMap<unknown>('items').set('item', new Y.Map(entries))
  return doc.getMap<unknown>('items').get('item') as Y.Map<unknown>
}

describe('readFast agrees with the zod schemas', () => {
  it.each(Object.keys(SHAPES))('on valid and hostile %s entries', (type) => {
    fc.assert(
      fc.property(entriesOf(type), (entries) => {
        const entry = stored(entries)
        const fast = readFast(type as ItemType, entry)
        const zod = Y_ITEM_SCHEMAS[type as ItemType].safeParse(Object.fromEntries(entry.entries()))
        if (fast !== undefined) {
          expect(zod.success).toBe(true)
          expect(fast).toStrictEqual(zod.data)
          expect(Object.keys(fast)).toEqual(Object.keys(zod.data ?? {}))
        } else if ([...entry.values()].every((value) => value !== undefined)) {
          // Without keys set to undefined, only an invalid entry goes to zod.
          expect(zod.success).toBe(false)
        }
      }),
      { numRuns: 1500 },
    )
  })

  it.each(Object.keys(SHAPES))('covers every field of the %s schema, in its order', (type) => {
    // A field added to a schema turns the fast path off for its type until it is added there too.
    expect(fastFields(type as ItemType)?.map((field) => field.key)).toEqual(
      Object.keys(Y_ITEM_SCHEMAS[type as ItemType].shape),
    )
    // …and this test's generators must know it, or it would never be checked.
    expect(Object.keys(Y_ITEM_SCHEMAS[type as ItemType].shape).sort()).toEqual(
      [...BASE_KEYS, 'type', ...Object.keys(SHAPES[type]!)].sort(),
    )
  })

  it('leaves ink and shapes, whose rules span fields, to zod', () => {
    const entry = stored([['type', 'ink']])
    expect(readFast('ink', entry)).toBeUndefined()
    expect(readFast('shape', stored([['type', 'shape']]))).toBeUndefined()
  })
})
