// Reading never trusts the doc: hostile values written straight into the items map (as a bad peer
// could) are skipped or repaired and reported, and the rest of the board still reads.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addCircle,
  addSticky,
  bringToFront,
  LIMITS,
  moveItems,
  readBoard,
  readItem,
  SNAPSHOT_SCHEMAS,
  type Item,
} from '../../shared/index.ts'
import { idsOf, mdoBoard, newBoard } from './helpers/board.ts'
import { seededRandom, type Random } from './helpers/random.ts'

/** A valid sticky's raw fields, for cases that spoil one of them. */
function stickyFields(id: string): Record<string, unknown> {
  return {
    id,
    type: 'sticky',
    x: 10,
    y: 20,
    w: 180,
    h: 120,
    z: 'a0',
    kind: 'plus',
    text: new Y.Text('Goed gedaan'),
  }
}

function writeRaw(doc: Y.Doc, key: string, value: unknown): void {
  doc.transact(() => doc.getMap<unknown>('items').set(key, value))
}

const spoiled: Record<string, [changes: Record<string, unknown>, reason: RegExp]> = {
  'unknown type': [{ type: 'video' }, /unknown item type 'video'/],
  'missing kind': [{ kind: undefined }, /kind/],
  'number for text': [{ text: 42 }, /text: expected a Y.Text/],
  'string for text': [{ text: 'plain' }, /text: expected a Y.Text/],
  'NaN coordinate': [{ x: Number.NaN }, /x:/],
  'infinite coordinate': [{ y: Number.POSITIVE_INFINITY }, /y:/],
  'absurd size': [{ w: 1e12 }, /w:/],
  'giant text': [{ text: new Y.Text('x'.repeat(LIMITS.textLength + 1)) }, /text longer than/],
  'broken z': [{ z: 'zz' }, /z: expected a fractional index/],
  'malformed id': [{ id: 'not an id' }, /id:/],
  'id of another item': [{ id: 'sticky:other' }, /differs from its key/],
  'nested map for kind': [{ kind: new Y.Map() }, /kind/],
  'bad colour': [{ color: 'red; background: url(x)' }, /color/],
}

describe('readBoard with hostile items', () => {
  it.each(Object.entries(spoiled))('skips and reports a sticky with %s', (_, [changes, reason]) => {
    const { doc, ids } = newBoard()
    const good = addSticky(doc, { ids, kind: 'minus', x: 0, y: 0 })
    const fields = { ...stickyFields('sticky:bad'), ...changes }
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined)
    writeRaw(doc, 'sticky:bad', new Y.Map(entries))
    const board = readBoard(doc)
    expect(board.items.map((item) => item.id)).toEqual([good])
    expect(board.problems).toEqual([{ id: 'sticky:bad', reason: expect.stringMatching(reason) }])
  })

  it.each([
    ['a number', 42],
    ['a string', 'sticky'],
    ['null', null],
    ['a plain object', { type: 'sticky' }],
    ['an array', [1, 2]],
    ['a Y.Array', new Y.Array()],
    ['a Y.Text', new Y.Text('hallo')],
  ])('skips an entry that is %s instead of a Y.Map', (_, value) => {
    const { doc } = newBoard()
    writeRaw(doc, 'sticky:odd', value)
    const board = readBoard(doc)
    expect(board.items).toEqual([])
    expect(board.problems).toEqual([{ id: 'sticky:odd', reason: expect.stringMatching(/^not a/) }])
  })

  it('drops arrows to missing items or to arrows, judged the same on every peer', () => {
    const { doc, kind, school } = mdoBoard()
    const put = (id: string, from: unknown, to: unknown) => {
      const fields = { id, type: 'arrow', x: 0, y: 0, w: 0, h: 0, z: 'a0', from, to, valence: 'up' }
      writeRaw(doc, id, new Y.Map<unknown>([...Object.entries(fields), ['label', new Y.Text()]]))
    }
    put('arrow:nowhere', kind, 'circle:gone')
    put('arrow:onarrow', kind, 'arrow:nowhere')
    put('arrow:loop', school, school)
    const { problems, items } = readBoard(doc)
    expect(problems).toEqual([
      { id: 'arrow:loop', reason: 'arrow starts and ends at the same item' },
      { id: 'arrow:nowhere', reason: 'arrow end circle:gone is missing' },
      { id: 'arrow:onarrow', reason: 'arrow end arrow:nowhere is another arrow' },
    ])
    expect(items.filter((item) => item.type === 'arrow')).toHaveLength(3) // the template's
  })

  it('keeps an item whose parent is missing or no container, with the parent cleared', () => {
    const { doc, ids, school } = mdoBoard()
    const zorg = addCircle(doc, { ids, role: 'zorg', cx: 0, cy: 800, r: 200 })
    const orphan = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0, parent: zorg })
    const misplaced = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0, parent: school })
    doc.transact(() => {
      const items = doc.getMap<Y.Map<unknown>>('items')
      items.delete(zorg) // as a buggy peer deleting the circle alone would, without its children
      items.get(misplaced)?.set('parent', orphan)
      items.get(school)?.set('parent', misplaced)
    })
    const { items, problems } = readBoard(doc)
    expect(items.find((item) => item.id === orphan)).not.toHaveProperty('parent')
    expect(items.find((item) => item.id === misplaced)).not.toHaveProperty('parent')
    expect(items.find((item) => item.id === school)).not.toHaveProperty('parent')
    expect(problems.map((problem) => problem.id)).toEqual([school, orphan, misplaced].sort())
    expect(problems.every((problem) => problem.reason.endsWith('parent cleared'))).toBe(true)
  })

  it('reports a meta it cannot read and fills in defaults', () => {
    const { doc } = newBoard()
    doc.getMap('meta').set('title', 17)
    doc.getMap('meta').set('schemaVersion', 99)
    const { meta, problems } = readBoard(doc)
    expect(meta.title).toBe('')
    expect(problems.map((problem) => problem.reason)).toEqual([
      expect.stringMatching(/^board uses schema 99, newer/),
      expect.stringMatching(/^meta.title/),
    ])
    expect(readBoard(new Y.Doc()).problems).toEqual([{ reason: expect.stringMatching(/no meta/) }])
  })
})

describe('readItem', () => {
  it('reads one entry on its own, for incremental rendering', () => {
    const { doc, ids } = newBoard()
    const id = addSticky(doc, { ids, kind: 'goal', text: 'Zelf plannen', x: 0, y: 0 })
    const reading = readItem(doc.getMap('items').get(id), id)
    expect(reading).toMatchObject({ ok: true, item: { id, text: 'Zelf plannen' } })
    expect(readItem(new Y.Text())).toEqual({
      ok: false,
      problem: { reason: 'not a Y.Map but YText' },
    })
  })
})

/** A value a careless or hostile peer might store anywhere. */
function garbage(random: Random): unknown {
  const choices: (() => unknown)[] = [
    () => random.int(2000) - 1000,
    () => random.pick([Number.NaN, Number.POSITIVE_INFINITY, -0, 1e300, 2 ** 53 + 1]),
    () => 'x'.repeat(random.int(3) === 0 ? LIMITS.textLength + 5 : random.int(20)),
    () => random.pick(['sticky', 'circle', 'arrow', 'box', 'ink', '__proto__', 'constructor']),
    () => random.pick(['a0', 'a1', 'zz', '', 'Zz']),
    () => random.pick(['sticky:a', 'circle:b', 'box:c', 'arrow:d', 'sticky:missing']),
    () => random.pick([true, false, null]),
    () => BigInt(random.int(10)),
    () => new Uint8Array([1, 2, 3]),
    () => ({ nested: [1, { deeper: 'x' }] }),
    () => [random.int(5), 'list'],
    () => new Y.Text('t'.repeat(random.int(3) === 0 ? LIMITS.textLength + 1 : 5)),
    () => new Y.Map(),
    () => new Y.Array(),
  ]
  return random.pick(choices)()
}

const FIELDS = ['id', 'type', 'x', 'y', 'w', 'h', 'z', 'parent', 'kind', 'text', 'label'].concat([
  'role',
  'number',
  'from',
  'to',
  'valence',
  'status',
  'wat',
  'askedBy',
  'color',
])

/** Mostly-plausible items with a few fields spoiled, so some survive and some do not. */
function randomItemMap(random: Random, key: string): unknown {
  if (random.chance(0.1)) return garbage(random)
  const map = new Y.Map<unknown>(Object.entries(stickyFields(key)))
  for (let i = random.int(3); i > 0; i--) map.set(random.pick(FIELDS), garbage(random))
  return map
}

describe('readBoard on seeded garbage', () => {
  it('never throws, returns only valid items, and leaves commands working (20 seeds)', () => {
    const keys = ['sticky:a', 'circle:b', 'box:c', 'arrow:d', 'sticky:e', 'sticky:f', 'ink:g']
    let kept = 0
    let skipped = 0
    for (let seed = 0; seed < 20; seed++) {
      const random = seededRandom(seed)
      const { doc, ids, kind } = mdoBoard()
      for (const key of keys) writeRaw(doc, key, randomItemMap(random, key))

      const board = readBoard(doc)
      const present = new Map<string, Item>(board.items.map((item) => [item.id, item]))
      for (const item of board.items) {
        expect(SNAPSHOT_SCHEMAS[item.type].safeParse(item).success).toBe(true)
        if (item.parent) expect(['circle', 'box']).toContain(present.get(item.parent)?.type)
        if (item.type === 'arrow') expectEnds(item, present)
      }
      const lost = keys.filter((key) => !present.has(key))
      expect(board.problems.map((problem) => problem.id)).toEqual(expect.arrayContaining(lost))
      skipped += lost.length
      kept += keys.length - lost.length

      // Commands on the valid items still work beside the garbage.
      const sticky = addSticky(doc, { ids, kind: 'plus', x: 0, y: 0, parent: kind })
      moveItems(doc, [kind], 5, 5)
      bringToFront(doc, [sticky])
      expect(idsOf(doc).at(-1)).toBe(sticky)
    }
    // The generator exercises both paths, or the checks above prove little.
    expect(kept).toBeGreaterThan(10)
    expect(skipped).toBeGreaterThan(10)
  })
})

function expectEnds(arrow: Extract<Item, { type: 'arrow' }>, present: Map<string, Item>): void {
  expect(present.get(arrow.from)?.type).not.toBe('arrow')
  expect(present.get(arrow.to)?.type).not.toBe('arrow')
  expect(present.has(arrow.from) && present.has(arrow.to)).toBe(true)
}
