// Drawn items from a hostile or buggy peer: ink, shapes and labels written straight into the
// items map are skipped and reported when they fail validation, and the rest of the board reads.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addInk,
  inkPointsProblem,
  LIMITS,
  readBoard,
  SNAPSHOT_SCHEMAS,
} from '../../shared/index.ts'
import { newBoard } from './helpers/board.ts'
import { seededRandom } from './helpers/random.ts'

const at = { x: 10, y: 20, w: 100, h: 50, z: 'a0' }

/** A valid item's raw fields per drawn type, for cases that spoil one of them. */
const VALID: Record<'ink' | 'shape' | 'label', () => Record<string, unknown>> = {
  ink: () => ({
    ...at,
    type: 'ink',
    points: [0, 0, 0.5, 100, 50, 1],
    color: '#1e1e1e',
    width: 4,
  }),
  shape: () => ({
    ...at,
    type: 'shape',
    shape: 'rect',
    stroke: '#1e1e1e',
    fill: 'none',
    strokeWidth: 2,
    label: new Y.Text('Basis'),
  }),
  label: () => ({ ...at, type: 'label', text: new Y.Text('Rust'), fontSize: 24 }),
}

function writeRaw(doc: Y.Doc, type: keyof typeof VALID, changes: Record<string, unknown>) {
  const id = `${type}:bad`
  const fields = { ...VALID[type](), id, ...changes }
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined)
  doc.transact(() => doc.getMap<unknown>('items').set(id, new Y.Map(entries)))
  return id
}

const spoiled: [type: keyof typeof VALID, what: string, Record<string, unknown>, RegExp][] = [
  ['ink', 'points in a Y.Array', { points: new Y.Array() }, /points: .*expected array/],
  ['ink', 'no points', { points: [] }, /points: a stroke needs at least one point/],
  ['ink', 'half a point', { points: [0, 0, 0.5, 1] }, /x, y, pressure for every point/],
  ['ink', 'a NaN', { points: [0, 0, 0.5, Number.NaN, 1, 1] }, /points\.3: .*NaN/],
  ['ink', 'an infinity', { points: [0, Infinity, 0.5] }, /points\.1: .*Infinity/],
  ['ink', 'a string point', { points: [0, '0', 0.5] }, /points\.1: .*expected number/],
  ['ink', 'a huge array', { points: new Array(300_000).fill(0) }, /at most 5000 points/],
  ['ink', 'a point outside', { points: [0, 0, 0.5, 150, 0, 0.5] }, /point 1 lies outside/],
  ['ink', 'pressure below 0', { points: [0, 0, -1] }, /point 0 has a pressure outside/],
  ['ink', 'no colour', { color: undefined }, /color/],
  ['ink', 'an absurd width', { width: 1000 }, /width: Too big/],
  ['ink', 'a negative width', { w: -100 }, /w: Too small/],
  ['shape', 'an unknown kind', { shape: 'star' }, /shape: Invalid option/],
  ['shape', 'a kind that is a number', { shape: 3 }, /shape: Invalid option/],
  ['shape', 'a rectangle drawn backwards', { w: -100 }, /w: only a line or arrow/],
  ['shape', 'a line past the size limit', { shape: 'line', h: -LIMITS.size - 1 }, /h: Too small/],
  ['shape', 'a fill with CSS in it', { fill: 'url(x)' }, /fill: expected #rrggbb or none/],
  ['shape', 'its label as a string', { label: 'Basis' }, /label: expected a Y.Text/],
  ['shape', 'no stroke width', { strokeWidth: undefined }, /strokeWidth/],
  ['label', 'a giant font', { fontSize: 1e6 }, /fontSize: Too big/],
  ['label', 'a font size that is NaN', { fontSize: Number.NaN }, /fontSize/],
  ['label', 'its text as a number', { text: 7 }, /text: expected a Y.Text/],
  ['label', 'giant text', { text: new Y.Text('x'.repeat(LIMITS.textLength + 1)) }, /longer than/],
]

describe('readBoard with hostile drawings', () => {
  it.each(Object.keys(VALID))('reads a valid %s written by a peer', (type) => {
    const { doc } = newBoard()
    const id = writeRaw(doc, type as keyof typeof VALID, {})
    expect(readBoard(doc)).toMatchObject({ problems: [], items: [{ id, type }] })
  })

  it.each(spoiled)('skips and reports a %s with %s', (type, _, changes, reason) => {
    const { doc, ids } = newBoard()
    const good = addInk(doc, { ids, points: [0, 0, 0.5], x: 0, y: 0 })
    const bad = writeRaw(doc, type, changes)
    const board = readBoard(doc)
    expect(board.items.map((item) => item.id)).toEqual([good])
    expect(board.problems).toEqual([{ id: bad, reason: expect.stringMatching(reason) }])
  })

  it('lets a line or arrow run backwards', () => {
    const { doc } = newBoard()
    for (const shape of ['line', 'arrow']) {
      const id = writeRaw(doc, 'shape', { shape, w: -100, h: -LIMITS.size })
      expect(readBoard(doc)).toMatchObject({ problems: [], items: [{ id, w: -100 }] })
    }
  })

  it('never throws on seeded garbage points, and keeps only strokes inside their box', () => {
    const values = [0, 1, 0.5, 49, 50, 51, 100, -1, -0.5, Number.NaN, Infinity, 1e300, '1', null]
    let kept = 0
    for (let seed = 0; seed < 200; seed++) {
      const random = seededRandom(seed)
      // Mostly plausible x, y, pressure triples (box 100 × 50), now and then a spoiled value.
      const plausible = [() => random.int(101), () => random.int(51), () => random.next()]
      const length = 3 * random.int(4) + (random.chance(0.1) ? 1 : 0)
      const points = Array.from({ length }, (_, i) =>
        random.chance(0.95) ? plausible[i % 3]?.() : random.pick(values),
      )
      const { doc } = newBoard()
      writeRaw(doc, 'ink', { points })
      const { items, problems } = readBoard(doc)
      for (const item of items) {
        expect(SNAPSHOT_SCHEMAS.ink.safeParse(item).success).toBe(true)
        if (item.type === 'ink')
          expect(inkPointsProblem(item.points, item.w, item.h)).toBeUndefined()
      }
      expect(items.length + problems.length).toBe(1)
      kept += items.length
    }
    // Both paths ran, or the checks above prove little.
    expect(kept).toBeGreaterThan(10)
    expect(kept).toBeLessThan(190)
  })
})
