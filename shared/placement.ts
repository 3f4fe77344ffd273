// Free places for new points in a circle or a box (reveal, kies 3, plenary, next meeting): one
// pure function, so no automatic path drops a point on top of another. When the region is full the
// search widens ring by ring around it, so points are never stacked (see placeFree).
import RBush from 'rbush'

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface Region extends Rect {
  /** A circle is the largest circle in its rect; a box is the rect itself. */
  shape: 'circle' | 'box'
}

interface Node {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** Room kept between two points, in board units. */
export const PLACE_GAP = 12
/** Distance between candidate spots, in board units. */
export const PLACE_STEP = 20
const STEP = PLACE_STEP
/** How far past a full region the search may go, in region sizes. */
const MAX_GROWTH = 4

const node = (r: Rect, gap: number): Node => ({
  minX: Math.min(r.x, r.x + r.w) - gap,
  minY: Math.min(r.y, r.y + r.h) - gap,
  maxX: Math.max(r.x, r.x + r.w) + gap,
  maxY: Math.max(r.y, r.y + r.h) + gap,
})

function inside(region: Region, rect: Rect, grow: number): boolean {
  if (region.shape === 'box') {
    return (
      rect.x >= region.x - grow &&
      rect.y >= region.y - grow &&
      rect.x + rect.w <= region.x + region.w + grow &&
      rect.y + rect.h <= region.y + region.h + grow
    )
  }
  const cx = region.x + region.w / 2
  const cy = region.y + region.h / 2
  const r = Math.min(region.w, region.h) / 2 + grow
  return [
    [rect.x, rect.y],
    [rect.x + rect.w, rect.y],
    [rect.x, rect.y + rect.h],
    [rect.x + rect.w, rect.y + rect.h],
  ].every(([x = 0, y = 0]) => Math.hypot(x - cx, y - cy) <= r)
}

/**
 * Top-left corners for `count` new points of `size` in `region`, clear of `existing` (and of each
 * other) by PLACE_GAP. A circle fills from its centre outwards; a box in reading order below
 * `top` (its header). When the region holds fewer than `count`, the rest go on the nearest free
 * spots just outside it, widening ring by ring: a full circle spills over its edge rather than
 * stacking points, and the caller may grow a box to cover them. Deterministic.
 */
export function placeFree(
  region: Region,
  existing: readonly Rect[],
  size: { w: number; h: number },
  count: number,
  opts: { top?: number } = {},
): { x: number; y: number }[] {
  const tree = new RBush<Node>()
  tree.load(existing.map((rect) => node(rect, PLACE_GAP)))
  const placed: { x: number; y: number }[] = []
  const cx = region.x + region.w / 2
  const cy = region.y + region.h / 2
  const top = opts.top ?? region.y
  const limit = MAX_GROWTH * Math.max(region.w, region.h, size.w, size.h)
  for (let grow = 0; placed.length < count && grow <= limit; grow += Math.max(STEP, grow)) {
    const spots: { x: number; y: number; d: number }[] = []
    for (let y = Math.min(top, region.y) - grow; y <= region.y + region.h + grow; y += STEP) {
      for (let x = region.x - grow; x <= region.x + region.w + grow; x += STEP) {
        const rect = { x, y, ...size }
        if (region.shape === 'box' && y < top && grow === 0) continue
        if (!inside(region, rect, grow)) continue
        const d =
          region.shape === 'circle'
            ? Math.hypot(x + size.w / 2 - cx, y + size.h / 2 - cy)
            : (y - top) * 1e4 + (x - region.x)
        spots.push({ x, y, d })
      }
    }
    spots.sort((a, b) => a.d - b.d || a.y - b.y || a.x - b.x)
    for (const spot of spots) {
      if (placed.length >= count) break
      const rect = { ...spot, ...size }
      if (tree.collides(node(rect, 0))) continue
      placed.push({ x: spot.x, y: spot.y })
      tree.insert(node(rect, PLACE_GAP))
    }
  }
  // Past every ring (a board at its limits): a cascade, the only case where points may touch.
  while (placed.length < count) {
    const i = placed.length
    placed.push({ x: cx - size.w / 2 + (i % 8) * 16, y: cy - size.h / 2 + (i % 8) * 16 })
  }
  return placed
}

/** A box's title takes its first rows: points placed in it go below. */
export const BOX_HEADER = 60

/**
 * Free spots for `count` points of `size` in a circle or box (placeFree with the container's own
 * shape, below a box's title), clear of `held`: what the container already holds.
 */
export function placeInContainer(
  container: Rect & { type: 'circle' | 'box' },
  held: readonly Rect[],
  size: { w: number; h: number },
  count = 1,
): { x: number; y: number }[] {
  const region: Region = { ...container, shape: container.type === 'circle' ? 'circle' : 'box' }
  const top = container.type === 'box' ? container.y + BOX_HEADER : undefined
  return placeFree(region, held, size, count, { top })
}
