// A marker added from the outline lands inside its circle, clear of what is already there, and
// still somewhere sensible when the circle is full.
import { describe, expect, it } from 'vitest'
import { STICKY_SIZE } from '../../../shared/index.ts'
import { freeSpotInCircle } from '../../../client/src/panels/placement.ts'

const circle = { x: -260, y: -560, w: 520, h: 520 }
const centre = { x: 0, y: -300 }
const r = 260

function corners(at: { x: number; y: number }) {
  const { w, h } = STICKY_SIZE
  return [
    [at.x, at.y],
    [at.x + w, at.y],
    [at.x, at.y + h],
    [at.x + w, at.y + h],
  ] as const
}

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }) {
  const { w, h } = STICKY_SIZE
  return a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h
}

describe('freeSpotInCircle', () => {
  it('puts the first marker beside the centre, wholly inside the circle', () => {
    const at = freeSpotInCircle(circle, [])
    for (const [x, y] of corners(at))
      expect(Math.hypot(x - centre.x, y - centre.y)).toBeLessThanOrEqual(r)
    expect(
      Math.hypot(at.x + STICKY_SIZE.w / 2 - centre.x, at.y + STICKY_SIZE.h / 2 - centre.y),
    ).toBeLessThan(130)
  })

  it('keeps new markers off the ones already placed', () => {
    const placed: { x: number; y: number; w: number; h: number }[] = []
    for (let i = 0; i < 4; i++) {
      const at = freeSpotInCircle(circle, placed)
      for (const other of placed) expect(overlaps(at, other)).toBe(false)
      for (const [x, y] of corners(at))
        expect(Math.hypot(x - centre.x, y - centre.y)).toBeLessThanOrEqual(r)
      placed.push({ ...at, ...STICKY_SIZE })
    }
  })

  it('cascades from the centre when the circle is full', () => {
    const full = [{ ...circle }]
    const first = freeSpotInCircle(circle, full)
    const second = freeSpotInCircle(circle, [...full, { ...first, ...STICKY_SIZE }])
    const middle = { x: centre.x - STICKY_SIZE.w / 2, y: centre.y - STICKY_SIZE.h / 2 }
    expect(Math.abs(first.x - middle.x)).toBeLessThanOrEqual(128)
    expect(second).not.toEqual(first)
  })
})
