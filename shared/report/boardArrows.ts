// The interaction arrows of the board page: a line between the edges of two circles (or boxes),
// its valence in colour, line pattern and badge, and its label beyond the badge on the arrow's
// outer side (as the canvas puts it, client/src/canvas/Arrow.tsx), so it covers no circle's title.
import { VALENCE_STYLES } from '../boardStyle.ts'
import type { Item } from '../schema.ts'
import type { Frame } from './boardPage.ts'
import { hexToRgb, INK, type Pen, type Rgb } from './pen.ts'
import { MIN_PRINT_SIZE } from './stickyText.ts'

export function drawArrow(
  pen: Pen,
  arrow: Extract<Item, { type: 'arrow' }>,
  f: Frame,
  byId: ReadonlyMap<string, Item>,
) {
  const from = byId.get(arrow.from)
  const to = byId.get(arrow.to)
  if (!from || !to) return
  const style = VALENCE_STYLES[arrow.valence]
  const color = hexToRgb(style.stroke)
  const c1 = centre(from)
  const c2 = centre(to)
  const a = edgePoint(from, c1, c2)
  const b = edgePoint(to, c2, c1)
  const s = f.scale
  const [ax, ay, bx, by] = [f.x(a.x), f.y(a.y), f.x(b.x), f.y(b.y)]
  pen.stroke(color, Math.max(style.width * s, 0.5))
  pen.surface.dash(style.dash.map((d) => d * s))
  pen.surface.line(ax, ay, bx, by)
  pen.surface.dash([])
  arrowHead(pen, ax, ay, bx, by, Math.max(28 * s, 4), color)
  const [mx, my] = [(ax + bx) / 2, (ay + by) / 2]
  const r = 22 * s
  pen.fill([255, 255, 255])
  pen.stroke(color, Math.max(3 * s, 0.5))
  pen.surface.ellipse(mx, my, r, r, 'FD')
  pen.block(
    style.badge,
    mx,
    my - r * 0.75,
    r * 2,
    { size: r * 1.2, bold: true, color, align: 'center' },
    1,
  )
  if (arrow.label) drawLabel(pen, arrow.label, { x: mx, y: my }, out(ax, ay, bx, by), r + 3 * s, s)
}

type Point = { x: number; y: number }

/** The unit normal on the outer side of an arrow from (ax, ay) to (bx, by), as the canvas bows it. */
function out(ax: number, ay: number, bx: number, by: number): Point {
  const len = Math.hypot(bx - ax, by - ay) || 1
  return { x: -(by - ay) / len, y: (bx - ax) / len }
}

/** The label `distance` from the badge's centre along `normal`, aligned away from the arrow. */
function drawLabel(pen: Pen, text: string, mid: Point, normal: Point, distance: number, s: number) {
  const size = Math.max(16 * s, MIN_PRINT_SIZE)
  const label = pen.clean(text)
  const lines = pen.fitLines(label, Math.max(240 * s, pen.widestWord(label, size)), size, 3)
  const pad = 3 * s
  const width = Math.max(...lines.map((line) => pen.width(line, size))) + 2 * pad
  const height = lines.length * size * 1.25 + pad
  const at = { x: mid.x + normal.x * distance, y: mid.y + normal.y * distance }
  const align = normal.x < -0.5 ? 'right' : normal.x > 0.5 ? 'left' : 'center'
  const left = align === 'right' ? at.x - width : align === 'left' ? at.x : at.x - width / 2
  const top = normal.y < -0.5 ? at.y - height : normal.y > 0.5 ? at.y : at.y - height / 2
  // On a white ground, so a line or a circle's rim under it does not cross the words.
  pen.fill([255, 255, 255])
  pen.rect(left, top, width, height, 'F')
  pen.lines(lines, left + width / 2, top + pad / 2, { size, color: INK, align: 'center' })
}

export function arrowHead(
  pen: Pen,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  size: number,
  color: Rgb,
) {
  const angle = Math.atan2(y2 - y1, x2 - x1)
  const spread = Math.PI / 7
  pen.fill(color)
  pen.surface.triangle(
    [
      x2,
      y2,
      x2 - size * Math.cos(angle - spread),
      y2 - size * Math.sin(angle - spread),
      x2 - size * Math.cos(angle + spread),
      y2 - size * Math.sin(angle + spread),
    ],
    'F',
  )
}

const centre = (item: Item) => ({ x: item.x + item.w / 2, y: item.y + item.h / 2 })

/** Where the line from `c` towards `toward` leaves the item: its circle's rim or box's edge. */
function edgePoint(item: Item, c: { x: number; y: number }, toward: { x: number; y: number }) {
  const dx = toward.x - c.x
  const dy = toward.y - c.y
  const len = Math.hypot(dx, dy) || 1
  if (item.type === 'circle') {
    const r = Math.min(item.w, item.h) / 2
    return { x: c.x + (dx / len) * r, y: c.y + (dy / len) * r }
  }
  const t = Math.min(
    dx === 0 ? Infinity : Math.abs(item.w / 2 / dx),
    dy === 0 ? Infinity : Math.abs(item.h / 2 / dy),
    1,
  )
  return { x: c.x + dx * t, y: c.y + dy * t }
}
