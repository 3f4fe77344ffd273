// The drawing tools' drags: a freehand stroke with pen pressure, a shape dragged out from corner
// to corner, and the eraser. Previews are plain Konva nodes on the interaction layer.
import type Konva from 'konva'
import { Line } from 'konva/lib/shapes/Line.js'
import { Ellipse } from 'konva/lib/shapes/Ellipse.js'
import { Arrow } from 'konva/lib/shapes/Arrow.js'
import { Rect } from 'konva/lib/shapes/Rect.js'
import { INK_STRIDE, isSegment, LIMITS, type Item, type ShapeKind } from '../../../shared/index.ts'
import { containerAt, type CanvasContext } from './context.ts'
import type { Drag, PointerSample } from './drags.ts'
import { boxFromPoints, centreOfBox, itemBox, type Point } from './geometry.ts'
import { distanceToStroke, strokeOutline } from './strokes.ts'
import { INK } from './theme.ts'

/** Rounds to `decimals` places: shorter numbers in the doc, no float noise like 0.35000000000000003. */
const round = (value: number, decimals: number) => {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

/** A width in board units that looks `pixels` wide at the current zoom, within the limits. */
function widthOnScreen(ctx: CanvasContext, pixels: number): number {
  const { min, max } = LIMITS.strokeWidth
  return Math.min(max, Math.max(min, round(pixels / ctx.camera.scale(), 1)))
}

/** A freehand stroke, stored as ink when the pen lifts. */
export function strokeDrag(ctx: CanvasContext, start: PointerSample): Drag {
  const width = widthOnScreen(ctx, 3)
  const points: number[] = []
  const line = new Line({ closed: true, fill: INK, listening: false })
  line.perfectDrawEnabled(false)
  ctx.draft.add(line)
  const add = (p: PointerSample) => {
    points.push(round(p.board.x, 1), round(p.board.y, 1), round(p.pressure, 2))
    line.points(strokeOutline(points, width, false))
  }
  add(start)
  return {
    fine: true,
    move: add,
    end(p) {
      // A lifted pen reports no pressure; the last real sample already ends the stroke.
      const n = points.length
      if (points[n - 3] !== round(p.board.x, 1) || points[n - 2] !== round(p.board.y, 1)) {
        add({ ...p, pressure: points[n - 1] ?? p.pressure })
      }
      line.destroy()
      const xs = points.filter((_, i) => i % INK_STRIDE === 0)
      const ys = points.filter((_, i) => i % INK_STRIDE === 1)
      const centre = {
        x: (Math.min(...xs) + Math.max(...xs)) / 2,
        y: (Math.min(...ys) + Math.max(...ys)) / 2,
      }
      const parent = containerAt(ctx.index, centre)?.id
      // A stroke longer than one item may hold goes on in the next, sharing a point.
      const chunk = LIMITS.inkPoints * INK_STRIDE
      for (let from = 0; from < points.length; from += chunk - INK_STRIDE) {
        const part = points.slice(from, from + chunk)
        ctx.commands.addInk({ x: 0, y: 0, points: part, color: INK, width, parent })
        if (from + chunk >= points.length) break
      }
    },
    cancel: () => line.destroy(),
  }
}

/** Drags out a rectangle, ellipse, triangle, line or arrow from corner to corner. */
export function shapeDrag(ctx: CanvasContext, shape: ShapeKind, start: PointerSample): Drag {
  const strokeWidth = widthOnScreen(ctx, 2)
  const preview = shapePreview(shape, strokeWidth)
  ctx.draft.add(preview)
  let w = 0
  let h = 0
  const move = (p: PointerSample) => {
    w = p.board.x - start.board.x
    h = p.board.y - start.board.y
    preview.setAttrs(previewAttrs(shape, start.board, w, h))
  }
  return {
    move,
    end(p) {
      move(p)
      preview.destroy()
      // A click without a drag is the tool's tap, which places a default shape.
      if (Math.hypot(w, h) * ctx.camera.scale() < 4) return
      const centre = centreOfBox(boxFromPoints(start.board, p.board))
      const parent = containerAt(ctx.index, centre)?.id
      const { x, y } = start.board
      ctx.commands.addShape({ shape, x, y, w, h, strokeWidth, parent })
    },
    cancel: () => preview.destroy(),
  }
}

/** Places a shape of a default size centred on a tap. */
export function placeShape(ctx: CanvasContext, shape: ShapeKind, at: Point): void {
  const w = 200
  const h = isSegment(shape) ? 0 : 140
  const parent = containerAt(ctx.index, at)?.id
  const strokeWidth = widthOnScreen(ctx, 2)
  ctx.commands.addShape({ shape, x: at.x - w / 2, y: at.y - h / 2, w, h, strokeWidth, parent })
}

function previewAttrs(shape: ShapeKind, start: Point, w: number, h: number): Konva.NodeConfig {
  const aw = Math.abs(w)
  const ah = Math.abs(h)
  const x = Math.min(start.x, start.x + w)
  const y = Math.min(start.y, start.y + h)
  if (isSegment(shape)) return { x: start.x, y: start.y, points: [0, 0, w, h] }
  if (shape === 'ellipse') return { x: x + aw / 2, y: y + ah / 2, radiusX: aw / 2, radiusY: ah / 2 }
  if (shape === 'triangle') return { x, y, points: [aw / 2, 0, aw, ah, 0, ah] }
  return { x, y, width: aw, height: ah }
}

function shapePreview(shape: ShapeKind, strokeWidth: number): Konva.Shape {
  const common = { stroke: INK, strokeWidth, listening: false }
  if (shape === 'ellipse') return new Ellipse({ ...common, radiusX: 0, radiusY: 0 })
  if (shape === 'triangle') return new Line({ ...common, closed: true })
  if (shape === 'line') return new Line(common)
  if (shape === 'arrow') return new Arrow({ ...common, fill: INK, points: [] })
  return new Rect(common)
}

/** The eraser: deletes every ink stroke and shape the pointer passes over. */
export function eraseDrag(ctx: CanvasContext, start: PointerSample): Drag {
  const erased = new Set<string>()
  let last = start.board
  const sweep = (p: PointerSample) => {
    const reach = 10 / ctx.camera.scale()
    // Sample the way from the last event, so a fast swipe does not jump over a thin stroke.
    const steps = Math.max(1, Math.ceil(Math.hypot(p.board.x - last.x, p.board.y - last.y) / reach))
    const doomed: Item['id'][] = []
    for (let i = 1; i <= steps; i++) {
      const at = {
        x: last.x + ((p.board.x - last.x) * i) / steps,
        y: last.y + ((p.board.y - last.y) * i) / steps,
      }
      const near = {
        minX: at.x - reach,
        minY: at.y - reach,
        maxX: at.x + reach,
        maxY: at.y + reach,
      }
      for (const item of ctx.index.search(near)) {
        if (!erased.has(item.id) && touches(item, at, reach)) {
          erased.add(item.id)
          doomed.push(item.id)
        }
      }
    }
    last = p.board
    if (doomed.length > 0) ctx.commands.deleteItems(doomed)
  }
  sweep(start)
  return { move: sweep, end: sweep, cancel: () => {} }
}

function touches(item: Item, at: Point, reach: number): boolean {
  if (item.type === 'ink') {
    return distanceToStroke(item.points, at.x - item.x, at.y - item.y) <= item.width / 2 + reach
  }
  if (item.type !== 'shape') return false
  if (isSegment(item.shape)) {
    return distanceToSegment(at, item, { x: item.x + item.w, y: item.y + item.h }) <= reach
  }
  const box = itemBox(item)
  return (
    at.x >= box.minX - reach &&
    at.x <= box.maxX + reach &&
    at.y >= box.minY - reach &&
    at.y <= box.maxY + reach
  )
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length2 = dx * dx + dy * dy
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}
