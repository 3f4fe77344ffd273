// Where a marker added from the outline lands: inside its circle, on the free spot nearest the
// centre, so keyboard users build the same board as people dragging stickies.
import { STICKY_SIZE, type Item } from '../../../shared/index.ts'

interface Rect {
  x: number
  y: number
  w: number
  h: number
}

const GAP = 12
/** Distance between candidate spots, in board units. */
const STEP = 30

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

function insideCircle(rect: Rect, cx: number, cy: number, r: number): boolean {
  const corners = [
    [rect.x, rect.y],
    [rect.x + rect.w, rect.y],
    [rect.x, rect.y + rect.h],
    [rect.x + rect.w, rect.y + rect.h],
  ] as const
  return corners.every(([x, y]) => Math.hypot(x - cx, y - cy) <= r)
}

/**
 * Top-left corner for a new sticky in `circle`: the free spot nearest the centre that lies inside
 * the circle and clears `others`; when the circle is full, a small cascade from the centre.
 */
export function freeSpotInCircle(
  circle: Rect,
  others: readonly Rect[],
  size: { w: number; h: number } = STICKY_SIZE,
): { x: number; y: number } {
  const cx = circle.x + circle.w / 2
  const cy = circle.y + circle.h / 2
  const r = Math.min(circle.w, circle.h) / 2
  // Fill from just up and left of the centre, as people write: four markers then sit as a block
  // around the centre instead of one in the middle blocking the rest.
  const ax = cx - (size.w + GAP) / 2
  const ay = cy - (size.h + GAP) / 2
  const spots: { x: number; y: number; d: number }[] = []
  const reach = Math.ceil(r / STEP)
  for (let j = -reach; j <= reach; j++) {
    for (let i = -reach; i <= reach; i++) {
      const [sx, sy] = [ax + i * STEP, ay + j * STEP]
      const rect = { x: sx - size.w / 2, y: sy - size.h / 2, ...size }
      if (insideCircle(rect, cx, cy, r)) spots.push({ ...rect, d: Math.hypot(sx - ax, sy - ay) })
    }
  }
  spots.sort((a, b) => a.d - b.d || a.y - b.y || a.x - b.x)
  const padded = others.map((o) => ({
    x: o.x - GAP,
    y: o.y - GAP,
    w: o.w + 2 * GAP,
    h: o.h + 2 * GAP,
  }))
  const free = spots.find((spot) => !padded.some((o) => overlaps({ ...spot, ...size }, o)))
  if (free) return { x: free.x, y: free.y }
  const shift = (others.length % 8) * 16
  return { x: cx - size.w / 2 + shift, y: cy - size.h / 2 + shift }
}

/** The items a new sticky should not cover: everything in the circle but the circle and arrows. */
export function obstaclesIn(circle: Item, found: readonly Item[]): Item[] {
  return found.filter((item) => item.id !== circle.id && item.type !== 'arrow')
}
