// Where a circle added during the meeting goes: Zorg/jeugdhulp in the middle of the three circles
// when there is room, anything else on the nearest free spot beside the circles already there.
import {
  centreOf,
  isContainer,
  type CircleItem,
  type CircleRole,
  type Item,
} from '../../../shared/index.ts'

export interface CirclePlacement {
  cx: number
  cy: number
  r: number
}

interface Point {
  x: number
  y: number
}

interface Box {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** Radius of the template's circles, used when the board has none to measure. */
export const DEFAULT_RADIUS = 260
/** Room kept free between a new circle and what is already on the board. */
export const MARGIN = 40
/** Zorg in the middle is smaller than the three, but still holds a marker or two. */
const MIDDLE_MIN = 0.5
const MIDDLE_MAX = 0.85
/** The middle is "free" only while the three leave at least this much of a radius there. */
const MIDDLE_GAP = 0.3
/** A Zorg circle placed beside the others, like the template's (220 beside 260). */
const ZORG_SCALE = 0.85

const radiusOf = (item: Item) => Math.min(item.w, item.h) / 2

/**
 * The centre and radius for a new circle of `role` among `items` (the board, any order).
 * `fallback` is where to put it on an empty board: the middle of the view.
 */
export function placeNewCircle(
  items: readonly Item[],
  role: CircleRole,
  fallback: Point,
): CirclePlacement {
  const circles = items.filter((item): item is CircleItem => item.type === 'circle')
  const base = circles.length > 0 ? Math.max(...circles.map(radiusOf)) : DEFAULT_RADIUS
  if (role === 'zorg') {
    const middle = middleOfThree(items, circles, base)
    if (middle) return middle
  }
  const r = Math.round(role === 'zorg' ? base * ZORG_SCALE : base)
  const anchor = circles.length > 0 ? centroid(circles.map(centreOf)) : centreOfItems(items)
  const spot = freeSpot(items, r, anchor ?? fallback)
  return { cx: spot.x, cy: spot.y, r }
}

/** The middle of Kind, School and Thuis, if the three are there and nothing else sits in it. */
function middleOfThree(
  items: readonly Item[],
  circles: readonly CircleItem[],
  base: number,
): CirclePlacement | null {
  const three = (['kind', 'school', 'thuis'] as const).map((role) =>
    circles.find((circle) => circle.role === role),
  )
  if (three.some((circle) => circle === undefined)) return null
  const found = three as CircleItem[]
  const centre = centroid(found.map(centreOf))
  const gap = Math.min(...found.map((c) => distance(centre, centreOf(c)) - radiusOf(c)))
  if (gap < base * MIDDLE_GAP) return null
  const r = Math.round(Math.min(base * MIDDLE_MAX, Math.max(gap, base * MIDDLE_MIN)))
  const spot = { cx: centre.x, cy: centre.y, r }
  // Only loose items block it: the three own what is inside them, arrows pass over.
  const ids = new Set<string>(found.map((circle) => circle.id))
  const others = items.filter(
    (item) => item.type !== 'arrow' && item.parent === undefined && !ids.has(item.id),
  )
  return others.some((item) => overlaps(spot, item, 0)) ? null : spot
}

/** The free centre nearest `anchor` on a grid around the items, clear of them all by MARGIN. */
function freeSpot(items: readonly Item[], r: number, anchor: Point): Point {
  // Containers first: most spots are blocked by a circle or box, found in a step or two.
  const obstacles = items
    .filter((item) => item.type !== 'arrow')
    .sort((a, b) => Number(isContainer(b)) - Number(isContainer(a)))
  const bounds = extentOf(obstacles) ?? {
    minX: anchor.x,
    minY: anchor.y,
    maxX: anchor.x,
    maxY: anchor.y,
  }
  const reach = 2 * r + MARGIN
  const step = Math.max(20, r / 4)
  // A grid through the anchor, so the anchor itself is the first spot tried.
  const range = (min: number, max: number, from: number) => [
    Math.floor((min - reach - from) / step),
    Math.ceil((max + reach - from) / step),
  ]
  const [i0 = 0, i1 = 0] = range(bounds.minX, bounds.maxX, anchor.x)
  const [j0 = 0, j1 = 0] = range(bounds.minY, bounds.maxY, anchor.y)
  const spots: (Point & { d: number })[] = []
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const spot = { x: anchor.x + i * step, y: anchor.y + j * step }
      spots.push({ ...spot, d: distance(spot, anchor) })
    }
  }
  // Nearest first; on a tie below before above, as the template puts Zorg below the three.
  spots.sort((a, b) => a.d - b.d || b.y - a.y || a.x - b.x)
  const free = spots.find(
    (spot) => !obstacles.some((item) => overlaps({ cx: spot.x, cy: spot.y, r }, item, MARGIN)),
  )
  // Outside the grid everything is free; the grid reaches far enough that this never runs.
  return free
    ? { x: Math.round(free.x), y: Math.round(free.y) }
    : { x: anchor.x, y: bounds.maxY + reach }
}

/** Whether the circle, grown by `margin`, touches the item: by distance for a circle. */
function overlaps(circle: CirclePlacement, item: Item, margin: number): boolean {
  const reach = circle.r + margin
  if (item.type === 'circle') {
    return distance({ x: circle.cx, y: circle.cy }, centreOf(item)) < reach + radiusOf(item)
  }
  const [minX, maxX] = [Math.min(item.x, item.x + item.w), Math.max(item.x, item.x + item.w)]
  const [minY, maxY] = [Math.min(item.y, item.y + item.h), Math.max(item.y, item.y + item.h)]
  const nearest = {
    x: Math.min(Math.max(circle.cx, minX), maxX),
    y: Math.min(Math.max(circle.cy, minY), maxY),
  }
  return distance({ x: circle.cx, y: circle.cy }, nearest) < reach
}

function extentOf(items: readonly Item[]): Box | null {
  if (items.length === 0) return null
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity }
  for (const item of items) {
    // A line drawn up or to the left has a negative size.
    box.minX = Math.min(box.minX, item.x, item.x + item.w)
    box.minY = Math.min(box.minY, item.y, item.y + item.h)
    box.maxX = Math.max(box.maxX, item.x, item.x + item.w)
    box.maxY = Math.max(box.maxY, item.y, item.y + item.h)
  }
  return box
}

function centreOfItems(items: readonly Item[]): Point | null {
  const box = extentOf(items.filter((item) => item.type !== 'arrow'))
  return box && { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 }
}

function centroid(points: readonly Point[]): Point {
  const sum = points.reduce((a, p) => ({ x: a.x + p.x, y: a.y + p.y }), { x: 0, y: 0 })
  return { x: sum.x / points.length, y: sum.y / points.length }
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y)
}
