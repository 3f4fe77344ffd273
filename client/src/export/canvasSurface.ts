// The board page drawn on a browser canvas instead of a PDF page: the same drawing code
// (shared/report/boardPage.ts), so the PNG and the print show what page 1 of the PDF shows.
import { drawBoardPage } from '../../../shared/report/boardPage.ts'
import type { ReportModel } from '../../../shared/report/model.ts'
import { Pen } from '../../../shared/report/pen.ts'
import type { PaintMode, Rgb, Surface, TextOptions } from '../../../shared/report/surface.ts'

/** Landscape page sizes in points, as jsPDF uses them. */
const PAGES = { a4: { w: 841.89, h: 595.28 }, a3: { w: 1190.55, h: 841.89 } } as const
const FONT = "system-ui, 'Segoe UI', Roboto, sans-serif"

const css = ([r, g, b]: Rgb) => `rgb(${r} ${g} ${b})`

class CanvasSurface implements Surface {
  constructor(private readonly ctx: CanvasRenderingContext2D) {}

  private paint(mode: PaintMode) {
    if (mode !== 'S') this.ctx.fill()
    if (mode !== 'F') this.ctx.stroke()
  }
  fill(color: Rgb) {
    this.ctx.fillStyle = css(color)
  }
  stroke(color: Rgb, width: number) {
    this.ctx.strokeStyle = css(color)
    this.ctx.lineWidth = width
  }
  dash(pattern: readonly number[]) {
    this.ctx.setLineDash([...pattern])
  }
  roundCaps(on: boolean) {
    this.ctx.lineCap = on ? 'round' : 'butt'
    this.ctx.lineJoin = on ? 'round' : 'miter'
  }
  rect(x: number, y: number, w: number, h: number, mode: PaintMode) {
    this.ctx.beginPath()
    this.ctx.rect(x, y, w, h)
    this.paint(mode)
  }
  roundedRect(x: number, y: number, w: number, h: number, r: number, mode: PaintMode) {
    this.ctx.beginPath()
    this.ctx.roundRect(x, y, w, h, r)
    this.paint(mode)
  }
  ellipse(cx: number, cy: number, rx: number, ry: number, mode: PaintMode) {
    this.ctx.beginPath()
    this.ctx.ellipse(cx, cy, Math.abs(rx), Math.abs(ry), 0, 0, 2 * Math.PI)
    this.paint(mode)
  }
  triangle([x1, y1, x2, y2, x3, y3]: readonly number[], mode: PaintMode) {
    this.ctx.beginPath()
    this.ctx.moveTo(x1!, y1!)
    this.ctx.lineTo(x2!, y2!)
    this.ctx.lineTo(x3!, y3!)
    this.ctx.closePath()
    this.paint(mode)
  }
  line(x1: number, y1: number, x2: number, y2: number) {
    this.polyline([x1, y1, x2, y2])
  }
  polyline(points: readonly number[]) {
    this.ctx.beginPath()
    this.ctx.moveTo(points[0] ?? 0, points[1] ?? 0)
    for (let i = 2; i + 1 < points.length; i += 2) this.ctx.lineTo(points[i]!, points[i + 1]!)
    this.ctx.stroke()
  }
  text(text: string, x: number, y: number, { size, color, align, bold }: TextOptions) {
    this.ctx.font = `${bold ? '600 ' : ''}${size}px ${FONT}`
    this.ctx.fillStyle = css(color)
    this.ctx.textAlign = align
    this.ctx.fillText(text, x, y)
  }
  textWidth(text: string, size: number) {
    this.ctx.font = `${size}px ${FONT}`
    return this.ctx.measureText(text).width
  }
  hasGlyph() {
    // The browser falls back to another font by itself, emoji included.
    return true
  }
}

/** Page 1 of the PDF as a canvas, `pixelsPerPoint` pixels for each point. */
export function boardPageCanvas(model: ReportModel, pixelsPerPoint = 2): HTMLCanvasElement {
  const page = PAGES[model.options.paper]
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(page.w * pixelsPerPoint)
  canvas.height = Math.round(page.h * pixelsPerPoint)
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('this browser cannot draw on a canvas')
  ctx.scale(pixelsPerPoint, pixelsPerPoint)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, page.w, page.h)
  // No legend goes with the picture: a sticky's text is drawn smaller rather than numbered.
  drawBoardPage(new Pen(new CanvasSurface(ctx)), model, page.w, page.h, { numbered: false })
  return canvas
}
