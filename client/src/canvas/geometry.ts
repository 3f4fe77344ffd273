// Plain geometry in board coordinates, shared by the item shapes and the gestures: boxes, and the
// curve an interaction arrow follows between two items.
import type { Item } from '../../../shared/index.ts'
import type { Box } from '../state/boardIndex.ts'

export type { Box }

export interface Point {
  x: number
  y: number
}

/** An item's bounds; lines and arrows may run backwards (negative w/h), so normalise. */
export function itemBox(item: Pick<Item, 'x' | 'y' | 'w' | 'h'>): Box {
  const x2 = item.x + item.w
  const y2 = item.y + item.h
  return {
    minX: Math.min(item.x, x2),
    minY: Math.min(item.y, y2),
    maxX: Math.max(item.x, x2),
    maxY: Math.max(item.y, y2),
  }
}

/** The bounds of all the items; null for none. */
export function boxOfItems(items: readonly Pick<Item, 'x' | 'y' | 'w' | 'h'>[]): Box | null {
  return items.map(itemBox).reduce<Box | null>(
    (all, box) =>
      all && {
        minX: Math.min(all.minX, box.minX),
        minY: Math.min(all.minY, box.minY),
        maxX: Math.max(all.maxX, box.maxX),
        maxY: Math.max(all.maxY, box.maxY),
      },
    items.length > 0 ? itemBox(items[0]!) : null,
  )
}

export function boxFromPoints(a: Point, b: Point): Box {
  return {
    minX: Math.min(a.x, b.x),
    minY: Math.min(a.y, b.y),
    maxX: Math.max(a.x, b.x),
    maxY: Math.max(a.y, b.y),
  }
}

/** Grows a box by `fraction` of its size on every side. */
export function expandBox(box: Box, fraction: number): Box {
  const dx = (box.maxX - box.minX) * fraction
  const dy = (box.maxY - box.minY) * fraction
  return { minX: box.minX - dx, minY: box.minY - dy, maxX: box.maxX + dx, maxY: box.maxY + dy }
}

export function containsBox(outer: Box, inner: Box): boolean {
  return (
    inner.minX >= outer.minX &&
    inner.minY >= outer.minY &&
    inner.maxX <= outer.maxX &&
    inner.maxY <= outer.maxY
  )
}

export function intersects(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY
}

export function boxArea(box: Box): number {
  return Math.max(0, box.maxX - box.minX) * Math.max(0, box.maxY - box.minY)
}

export function centreOfBox(box: Box): Point {
  return { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 }
}

/** The end of an arrow: an item's bounds and whether it is drawn round. */
export interface ArrowEnd {
  box: Box
  round: boolean
}

export function arrowEnd(item: Item, dx = 0, dy = 0): ArrowEnd {
  const box = itemBox(item)
  return {
    box: { minX: box.minX + dx, minY: box.minY + dy, maxX: box.maxX + dx, maxY: box.maxY + dy },
    round: item.type === 'circle' || (item.type === 'shape' && item.shape === 'ellipse'),
  }
}

/** Where the ray from the centre of `end` towards `toward` leaves its outline. */
function exitPoint(end: ArrowEnd, toward: Point): Point {
  const c = centreOfBox(end.box)
  const dx = toward.x - c.x
  const dy = toward.y - c.y
  const len = Math.hypot(dx, dy) || 1
  const hw = (end.box.maxX - end.box.minX) / 2
  const hh = (end.box.maxY - end.box.minY) / 2
  if (end.round) {
    const r = Math.min(hw, hh)
    return { x: c.x + (dx / len) * r, y: c.y + (dy / len) * r }
  }
  // Scale the ray until it touches the nearer pair of rectangle sides.
  const t = Math.min(
    dx === 0 ? Infinity : hw / Math.abs(dx),
    dy === 0 ? Infinity : hh / Math.abs(dy),
  )
  return Number.isFinite(t) ? { x: c.x + dx * t, y: c.y + dy * t } : c
}

export interface ArrowCurve {
  /** Flat x, y list along the curve, from the `from` outline to the `to` outline. */
  points: number[]
  /** The middle of the curve, where the valence badge sits. */
  mid: Point
  /** Unit vector from the straight line between the ends towards the bow: the outer side. */
  out: Point
}

const CURVE_SEGMENTS = 24
/** How far the curve bows out, as a share of the distance between the two centres. */
const BEND = 0.35
const LANE_BEND = 0.25

/**
 * A quadratic curve bowing to the right of from→to (on screen, y down). In the MDO template the arrows go round the
 * triangle kind → school → thuis → kind, so they all bow outward, clear of the gap between circles.
 */
export function arrowCurve(from: ArrowEnd, to: ArrowEnd, lane = 0): ArrowCurve {
  const a = centreOfBox(from.box)
  const b = centreOfBox(to.box)
  const dx = b.x - a.x
  const dy = b.y - a.y
  // A second arrow between the same two items, the same way round, bows further out.
  const bend = BEND + lane * LANE_BEND
  const control = { x: (a.x + b.x) / 2 - dy * bend, y: (a.y + b.y) / 2 + dx * bend }
  const start = exitPoint(from, control)
  const end = exitPoint(to, control)
  const at = (t: number): Point => {
    const u = 1 - t
    return {
      x: u * u * start.x + 2 * u * t * control.x + t * t * end.x,
      y: u * u * start.y + 2 * u * t * control.y + t * t * end.y,
    }
  }
  const points: number[] = []
  for (let i = 0; i <= CURVE_SEGMENTS; i++) {
    const p = at(i / CURVE_SEGMENTS)
    points.push(p.x, p.y)
  }
  const len = Math.hypot(dx, dy) || 1
  return { points, mid: at(0.5), out: { x: -dy / len, y: dx / len } }
}

/** A small spiral of about two turns, for the valence glyph: widening upward or narrowing down. */
export function spiralPoints(size: number, upward: boolean): number[] {
  const turns = 2
  const steps = 40
  const points: number[] = []
  for (let i = 0; i <= steps; i++) {
    const t = i / steps
    const angle = t * turns * 2 * Math.PI
    const r = (size / 2) * (upward ? t : 1 - t * 0.85)
    // Rising (or sinking) a little per turn makes it read as a spiral, not a circle.
    const lift = (upward ? -t : t) * size * 0.35
    points.push(Math.cos(angle) * r, Math.sin(angle) * r * 0.6 + lift)
  }
  return points
}
