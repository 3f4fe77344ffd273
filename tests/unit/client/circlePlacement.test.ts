// A circle added during the meeting: Zorg in the middle of the three when there is room, other
// circles on the nearest free spot beside them, never over what is already on the board.
import { describe, expect, it } from 'vitest'
import {
  addCircle,
  addSticky,
  centreOf,
  readBoard,
  type CircleRole,
  type Item,
} from '../../../shared/index.ts'
import {
  DEFAULT_RADIUS,
  MARGIN,
  placeNewCircle,
  type CirclePlacement,
} from '../../../client/src/panels/circlePlacement.ts'
import { mdoBoard, newBoard } from '../helpers/board.ts'

const VIEW_CENTRE = { x: 1000, y: 2000 }

/** Places a circle of `role` on the board as the menu does, and returns where it went. */
function add(doc: ReturnType<typeof newBoard>['doc'], role: CircleRole): CirclePlacement {
  const at = placeNewCircle(readBoard(doc).items, role, VIEW_CENTRE)
  addCircle(doc, { role, label: role, ...at })
  return at
}

/** How far the new circle stays clear of an item (negative: they overlap). */
function clearance(at: CirclePlacement, item: Item): number {
  if (item.type === 'circle') {
    const c = centreOf(item)
    return Math.hypot(at.cx - c.x, at.cy - c.y) - at.r - item.w / 2
  }
  const x = Math.min(Math.max(at.cx, item.x), item.x + item.w)
  const y = Math.min(Math.max(at.cy, item.y), item.y + item.h)
  return Math.hypot(at.cx - x, at.cy - y) - at.r
}

describe('placeNewCircle', () => {
  it('puts Zorg in the middle of Kind, School and Thuis, smaller than they are', () => {
    const { doc } = mdoBoard()
    const circles = readBoard(doc).items.filter((item) => item.type === 'circle')
    const centres = circles.map(centreOf)
    const at = add(doc, 'zorg')
    expect(at.cx).toBeCloseTo(centres.reduce((sum, c) => sum + c.x, 0) / 3)
    expect(at.cy).toBeCloseTo(centres.reduce((sum, c) => sum + c.y, 0) / 3)
    expect(at.r).toBeLessThan(circles[0]!.w / 2)
    // Room for at least one marker (180 × 120) inside it.
    expect(at.r).toBeGreaterThanOrEqual(Math.hypot(90, 60))
  })

  it('puts a second Zorg beside the circles, because the middle is taken', () => {
    const { doc } = mdoBoard()
    const first = add(doc, 'zorg')
    const second = add(doc, 'zorg')
    expect(Math.hypot(second.cx - first.cx, second.cy - first.cy)).toBeGreaterThan(first.r)
  })

  it('puts other circles next to the three, clear of every item, as large as the three', () => {
    const { doc } = mdoBoard()
    const before = readBoard(doc).items.filter((item) => item.type !== 'arrow')
    const at = add(doc, 'other')
    expect(at.r).toBe(DEFAULT_RADIUS)
    for (const item of before) expect(clearance(at, item)).toBeGreaterThanOrEqual(MARGIN)
    // Near: below the triangle, where the template's own Zorg circle goes, not far away.
    expect(Math.abs(at.cx)).toBeLessThan(300)
    expect(at.cy).toBeGreaterThan(600)
    expect(at.cy).toBeLessThan(1000)
  })

  it('keeps adding circles clear of each other and of the rest', () => {
    const { doc } = mdoBoard()
    const placed = [add(doc, 'other'), add(doc, 'other'), add(doc, 'other'), add(doc, 'other')]
    const items = readBoard(doc).items.filter((item) => item.type !== 'arrow')
    for (const at of placed) {
      const others = items.filter((item) => {
        const c = centreOf(item)
        return c.x !== at.cx || c.y !== at.cy
      })
      for (const item of others) expect(clearance(at, item)).toBeGreaterThanOrEqual(MARGIN)
    }
  })

  it('lets Zorg in the middle only just overlap the three, so it still holds a marker', () => {
    const { doc } = mdoBoard()
    const three = readBoard(doc).items.filter((item) => item.type === 'circle')
    const at = add(doc, 'zorg')
    for (const circle of three) expect(clearance(at, circle)).toBeGreaterThan(-0.1 * at.r * 2)
  })

  it('leaves the middle alone when a loose sticky sits there', () => {
    const { doc } = mdoBoard()
    addSticky(doc, { kind: 'note', x: -90, y: 0 })
    const at = add(doc, 'zorg')
    expect(Math.hypot(at.cx, at.cy - 66)).toBeGreaterThan(300)
  })

  it('places a circle on an empty board in the middle of the view', () => {
    const { doc } = newBoard('blank')
    expect(add(doc, 'other')).toEqual({ cx: VIEW_CENTRE.x, cy: VIEW_CENTRE.y, r: DEFAULT_RADIUS })
  })
})
