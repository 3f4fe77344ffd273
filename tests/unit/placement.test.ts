import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSticky,
  clientIdsOf,
  createBoard,
  moveItems,
  placeFree,
  publishDrafts,
  readBoard,
  spaceArrivedDrafts,
  type Item,
  type ItemId,
  type Rect,
  type Region,
} from '../../shared/index.ts'

const size = { w: 180, h: 120 }
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const within = (region: Region, r: Rect) =>
  region.shape === 'box'
    ? r.x >= region.x &&
      r.y >= region.y &&
      r.x + r.w <= region.x + region.w &&
      r.y + r.h <= region.y + region.h
    : [
        [r.x, r.y],
        [r.x + r.w, r.y],
        [r.x, r.y + r.h],
        [r.x + r.w, r.y + r.h],
      ].every(
        ([x = 0, y = 0]) =>
          Math.hypot(x - region.x - region.w / 2, y - region.y - region.h / 2) <=
          Math.min(region.w, region.h) / 2,
      )

describe('placeFree', () => {
  it('places points in a large region without overlap, all inside it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'circle' | 'box'>('circle', 'box'),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: -500, max: 500 }),
        (shape, count, x) => {
          const region: Region = { shape, x, y: 0, w: 1200, h: 1200 }
          const placed = placeFree(region, [], size, count).map((p) => ({ ...p, ...size }))
          expect(placed).toHaveLength(count)
          for (const [i, a] of placed.entries()) {
            expect(within(region, a)).toBe(true)
            for (const b of placed.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('never covers an existing point, and spills outside a full circle instead of stacking', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 14 }), (count) => {
        const region: Region = { shape: 'circle', x: 0, y: 0, w: 520, h: 520 }
        const existing = [{ x: 170, y: 200, ...size }]
        const placed = placeFree(region, existing, size, count).map((p) => ({ ...p, ...size }))
        const all = [...existing, ...placed]
        for (const [i, a] of all.entries()) {
          for (const b of all.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
        }
      }),
      { numRuns: 14 },
    )
  })
})

describe('placeFree, one marker at a time (the outline adds them so)', () => {
  const circle: Region = { shape: 'circle', x: -260, y: -560, w: 520, h: 520 }
  const centre = { x: 0, y: -300 }
  const r = 260
  const addOne = (placed: Rect[]) => {
    const [at] = placeFree(circle, placed, size, 1)
    placed.push({ ...at!, ...size })
    return placed.at(-1)!
  }
  /** How far the point's nearest corner or edge lies from the centre. */
  const reach = (p: Rect) =>
    Math.hypot(
      Math.max(p.x, Math.min(centre.x, p.x + p.w)) - centre.x,
      Math.max(p.y, Math.min(centre.y, p.y + p.h)) - centre.y,
    )

  it('puts the first marker on the centre, wholly inside the circle', () => {
    const first = addOne([])
    expect(within(circle, first)).toBe(true)
    expect(
      Math.hypot(first.x + size.w / 2 - centre.x, first.y + size.h / 2 - centre.y),
    ).toBeLessThan(20)
  })

  it('fills the circle without overlap, then spills just over its edge instead of stacking', () => {
    const placed: Rect[] = []
    for (let i = 0; i < 12; i++) addOne(placed)
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) expect(overlaps(a, b), `${i}`).toBe(false)
    }
    // The first ones fill the circle; once it is full, every next one lies over its edge, still
    // touching the circle it belongs to rather than somewhere far away.
    const firstOutside = placed.findIndex((p) => !within(circle, p))
    expect(firstOutside).toBeGreaterThanOrEqual(3)
    for (const p of placed.slice(0, firstOutside)) expect(within(circle, p)).toBe(true)
    for (const p of placed.slice(firstOutside)) {
      expect(within(circle, p)).toBe(false)
      expect(reach(p)).toBeLessThanOrEqual(r)
    }
  })
})

describe('publishDrafts places revealed points apart', () => {
  it('six drafts into Thuis overlap neither each other nor what was there', () => {
    const doc = new Y.Doc()
    createBoard(doc, { template: 'mdo', title: 't', now: 0 })
    const thuis = readBoard(doc).items.find((i) => i.type === 'circle' && i.role === 'thuis')!
    const drafts = Array.from({ length: 6 }, (_, i) => ({
      id: `draft-thuis-${i}0000`,
      round: 'r1',
      kind: 'minus' as const,
      text: `punt ${i}`,
      parent: thuis.id,
    }))
    publishDrafts(doc, drafts, {})
    const inThuis = readBoard(doc).items.filter((i) => i.parent === thuis.id)
    expect(inThuis.length).toBeGreaterThanOrEqual(6)
    for (const [i, a] of inThuis.entries()) {
      for (const b of inThuis.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
    }
  })
})

describe('spaceArrivedDrafts: two devices reveal at the same moment', () => {
  const draftsFor = (parent: ItemId, who: string) =>
    Array.from({ length: 3 }, (_, i) => ({
      id: `draft-${who}-${i}00000`,
      round: 'r1',
      kind: 'minus' as const,
      text: `${who} ${i}`,
      parent,
    }))
  const sync = (from: Y.Doc, to: Y.Doc) =>
    Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
  const crowded = (doc: Y.Doc, parent: string) => {
    const held = readBoard(doc).items.filter((item) => item.parent === parent)
    return held.flatMap((a, i) =>
      held
        .slice(i + 1)
        .filter((b) => overlaps(a, b))
        .map((b) => [a.id, b.id]),
    )
  }

  function twoDevices() {
    const voorzitter = new Y.Doc()
    createBoard(voorzitter, { template: 'mdo', title: 't', now: 0 })
    const thuis = readBoard(voorzitter).items.find(
      (i) => i.type === 'circle' && i.role === 'thuis',
    )!
    addSticky(voorzitter, {
      kind: 'plus',
      text: 'al daar',
      x: thuis.x + 300,
      y: thuis.y + 220,
      parent: thuis.id,
    })
    const parent = new Y.Doc()
    sync(voorzitter, parent)
    // Each places its drafts on its own copy, before it has seen the other's.
    publishDrafts(voorzitter, draftsFor(thuis.id, 'anne'), {})
    const arrived = publishDrafts(parent, draftsFor(thuis.id, 'bram'), { anonymous: true })
    sync(parent, voorzitter)
    return { voorzitter, parent, thuis, arrived }
  }

  it('moves the arrivals that cover a point, and the copies agree afterwards', () => {
    const { voorzitter, parent, thuis, arrived } = twoDevices()
    expect(crowded(voorzitter, thuis.id).length).toBeGreaterThan(0)
    const moved = spaceArrivedDrafts(voorzitter, arrived)
    expect(moved.length).toBeGreaterThan(0)
    expect(arrived).toEqual(expect.arrayContaining(moved))
    expect(crowded(voorzitter, thuis.id)).toEqual([])
    expect(readBoard(voorzitter).items.filter((i) => i.parent === thuis.id)).toHaveLength(7)
    sync(voorzitter, parent)
    expect(readBoard(parent).items).toEqual(readBoard(voorzitter).items)
    // Once apart, the same arrivals again move nothing.
    expect(spaceArrivedDrafts(voorzitter, arrived)).toEqual([])
  })

  it('writes the move under a fresh client id, and leaves alone what was laid on purpose', () => {
    const { voorzitter, thuis, arrived } = twoDevices()
    const updates: Uint8Array[] = []
    voorzitter.on('update', (update: Uint8Array) => updates.push(update))
    spaceArrivedDrafts(voorzitter, arrived)
    expect(updates).toHaveLength(1)
    expect(clientIdsOf(updates[0]!).has(voorzitter.clientID)).toBe(false)
    // Someone drags their own point onto the plus: no arrival, so it stays where it was put.
    const held = readBoard(voorzitter).items.filter((i): i is Item => i.parent === thuis.id)
    const plus = held.find((i) => i.type === 'sticky' && i.text === 'al daar')!
    const own = held.find((i) => i.type === 'sticky' && i.text === 'anne 0')!
    moveItems(voorzitter, [own.id], plus.x - own.x, plus.y - own.y)
    expect(spaceArrivedDrafts(voorzitter, arrived)).toEqual([])
    expect(readBoard(voorzitter).items.find((i) => i.id === own.id)).toMatchObject({
      x: plus.x,
      y: plus.y,
    })
  })
})
