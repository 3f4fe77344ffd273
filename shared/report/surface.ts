// What the board page is drawn on: a few primitives, in points, that a PDF page (jsPDF, below)
// and a browser canvas (client/src/export/canvasSurface.ts) both provide. So the PNG, the print
// and page 1 of the PDF are one drawing.
import type { jsPDF } from 'jspdf'
import type { ReportFont } from './font.ts'

export type Rgb = readonly [number, number, number]
/** Fill, stroke, or both. */
export type PaintMode = 'F' | 'S' | 'FD'

export interface TextOptions {
  size: number
  color: Rgb
  align: 'left' | 'center' | 'right'
  bold: boolean
}

export interface Surface {
  fill(color: Rgb): void
  stroke(color: Rgb, width: number): void
  /** A dash pattern in points; [] for a solid line. */
  dash(pattern: readonly number[]): void
  roundCaps(on: boolean): void
  rect(x: number, y: number, w: number, h: number, mode: PaintMode): void
  roundedRect(x: number, y: number, w: number, h: number, r: number, mode: PaintMode): void
  ellipse(cx: number, cy: number, rx: number, ry: number, mode: PaintMode): void
  triangle(points: readonly [number, number, number, number, number, number], mode: PaintMode): void
  line(x1: number, y1: number, x2: number, y2: number): void
  /** An open path through (x, y) pairs. */
  polyline(points: readonly number[]): void
  /** One line of text, `y` its baseline. */
  text(text: string, x: number, y: number, options: TextOptions): void
  textWidth(text: string, size: number): number
  hasGlyph(codePoint: number): boolean
}

/** A jsPDF document with the report font embedded; draws on its current page. */
export class PdfSurface implements Surface {
  private readonly codeMap: Record<number, number>

  constructor(
    readonly pdf: jsPDF,
    font: ReportFont,
  ) {
    // A subset's name starts with a six-letter tag (PDF 1.7, 9.6.4), so readers know it is one.
    const name = `MDOBRD+${font.name}`
    pdf.addFileToVFS(`${font.name}.ttf`, font.binary)
    pdf.addFont(`${font.name}.ttf`, name, 'normal', undefined, 'Identity-H')
    pdf.setFont(name, 'normal')
    // jsPDF parsed the font's cmap; which characters it has decides what the Pen replaces.
    type Parsed = { metadata?: { cmap?: { unicode?: { codeMap?: Record<number, number> } } } }
    this.codeMap = (pdf.getFont() as Parsed).metadata?.cmap?.unicode?.codeMap ?? {}
  }

  fill([r, g, b]: Rgb) {
    this.pdf.setFillColor(r, g, b)
  }
  stroke([r, g, b]: Rgb, width: number) {
    this.pdf.setDrawColor(r, g, b)
    this.pdf.setLineWidth(width)
  }
  dash(pattern: readonly number[]) {
    this.pdf.setLineDashPattern([...pattern], 0)
  }
  roundCaps(on: boolean) {
    this.pdf.setLineCap(on ? 'round' : 'butt')
    this.pdf.setLineJoin(on ? 'round' : 'miter')
  }
  rect(x: number, y: number, w: number, h: number, mode: PaintMode) {
    this.pdf.rect(x, y, w, h, mode)
  }
  roundedRect(x: number, y: number, w: number, h: number, r: number, mode: PaintMode) {
    this.pdf.roundedRect(x, y, w, h, r, r, mode)
  }
  ellipse(cx: number, cy: number, rx: number, ry: number, mode: PaintMode) {
    this.pdf.ellipse(cx, cy, rx, ry, mode)
  }
  triangle([x1, y1, x2, y2, x3, y3]: readonly number[], mode: PaintMode) {
    this.pdf.triangle(x1!, y1!, x2!, y2!, x3!, y3!, mode)
  }
  line(x1: number, y1: number, x2: number, y2: number) {
    this.pdf.line(x1, y1, x2, y2)
  }
  polyline(points: readonly number[]) {
    if (points.length < 4) return
    const steps: number[][] = []
    for (let i = 2; i + 1 < points.length; i += 2) {
      steps.push([points[i]! - points[i - 2]!, points[i + 1]! - points[i - 1]!])
    }
    this.pdf.lines(steps, points[0]!, points[1]!, [1, 1], 'S', false)
  }
  text(text: string, x: number, y: number, { size, color, align, bold }: TextOptions) {
    this.pdf.setFontSize(size)
    this.pdf.setTextColor(color[0], color[1], color[2])
    if (bold) {
      // One font file: bold is the glyphs filled and thinly outlined.
      this.pdf.setDrawColor(color[0], color[1], color[2])
      this.pdf.setLineWidth(size * 0.03)
    }
    this.pdf.text(text, x, y, { align, ...(bold ? { renderingMode: 'fillThenStroke' } : {}) })
  }
  textWidth(text: string, size: number) {
    this.pdf.setFontSize(size)
    return this.pdf.getTextWidth(text)
  }
  hasGlyph(code: number) {
    return (this.codeMap[code] ?? 0) !== 0
  }
}
