// Text that flows down A4 portrait pages: headings that never sit alone at a page's foot, wrapped
// paragraphs, bullet lists and tables whose rows break across pages with their header repeated.
import type { jsPDF } from 'jspdf'
import { MUTED, type Pen, type TextStyle } from './pen.ts'

export const A4 = { w: 595.28, h: 841.89 } as const
const MARGIN = { top: 56, bottom: 60, side: 56 } as const
const BODY = 10

export interface Column {
  title: string
  /** Share of the table's width. */
  weight: number
}

export class Flow {
  private y = MARGIN.top
  readonly width = A4.w - 2 * MARGIN.side
  private readonly left = MARGIN.side
  private readonly bottom = A4.h - MARGIN.bottom

  constructor(
    private readonly pen: Pen,
    private readonly pdf: jsPDF,
  ) {}

  newPage(): void {
    this.pdf.addPage('a4', 'portrait')
    this.y = MARGIN.top
  }

  /** Starts a new page unless `height` still fits on this one. */
  private room(height: number): void {
    if (this.y + height > this.bottom && this.y > MARGIN.top) this.newPage()
  }

  gap(points: number): void {
    this.y += points
  }

  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11.5
    // Keep a heading with at least three lines of what follows.
    this.room(size * 1.6 + BODY * 4)
    this.y += level === 1 ? 0 : size * 0.6
    this.y += this.pen.block(text, this.left, this.y, this.width, { size, bold: true })
    this.y += size * 0.3
  }

  paragraph(text: string, style: Partial<TextStyle> = {}, indent = 0): void {
    const full: TextStyle = { size: BODY, ...style }
    const lines = this.pen.wrap(this.pen.clean(text), this.width - indent, full.size)
    for (const line of lines) {
      this.room(full.size * 1.25)
      this.y += this.pen.lines([line], this.left + indent, this.y, full)
    }
    this.y += 3
  }

  /** A label and its value on one line (the value wraps under itself). */
  field(label: string, value: string): void {
    const labelW = 130
    const lines = this.pen.wrap(this.pen.clean(value), this.width - labelW, BODY)
    this.room(BODY * 1.25 * Math.min(lines.length, 3))
    this.pen.block(label, this.left, this.y, labelW - 8, { size: BODY, color: MUTED })
    this.y += this.pen.lines(lines, this.left + labelW, this.y, { size: BODY }) + 2
  }

  bullets(items: readonly string[], symbol = '•', indent = 12): void {
    for (const item of items) {
      const lines = this.pen.wrap(this.pen.clean(item), this.width - indent - 12, BODY)
      lines.forEach((line, i) => {
        this.room(BODY * 1.25)
        if (i === 0)
          this.pen.lines([this.pen.clean(symbol)], this.left + indent, this.y, { size: BODY })
        this.y += this.pen.lines([line], this.left + indent + 12, this.y, { size: BODY })
      })
      this.y += 1.5
    }
    this.y += 3
  }

  table(columns: readonly Column[], rows: readonly (readonly string[])[]): void {
    const total = columns.reduce((sum, c) => sum + c.weight, 0)
    const widths = columns.map((c) => (c.weight / total) * this.width)
    const pad = 4
    const size = 9
    const lineH = size * 1.25
    const drawRow = (cells: readonly string[], header: boolean) => {
      const wrapped = cells.map((cell, i) =>
        this.pen.wrap(this.pen.clean(cell), widths[i]! - 2 * pad, size),
      )
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineH + 2 * pad
      return { wrapped, height, header }
    }
    const head = drawRow(
      columns.map((c) => c.title),
      true,
    )
    const paint = (row: ReturnType<typeof drawRow>) => {
      let x = this.left
      row.wrapped.forEach((lines, i) => {
        // Set per cell: bold header text changes the stroke.
        this.pen.stroke([173, 181, 189], 0.5)
        if (row.header) this.pen.fill([233, 236, 239])
        this.pen.rect(x, this.y, widths[i]!, row.height, row.header ? 'FD' : 'S')
        this.pen.lines(lines, x + pad, this.y + pad, { size, bold: row.header })
        x += widths[i]!
      })
      this.y += row.height
    }
    this.room(head.height + lineH * 3)
    paint(head)
    for (const cells of rows) {
      const row = drawRow(cells, false)
      // A row taller than a page is cut into page-sized pieces rather than run off the paper.
      const maxLines = Math.floor((this.bottom - MARGIN.top - head.height - 2 * pad) / lineH)
      const pieces = splitRow(row.wrapped, maxLines)
      for (const piece of pieces) {
        const part = {
          wrapped: piece,
          height: Math.max(...piece.map((l) => l.length)) * lineH + 2 * pad,
          header: false,
        }
        if (this.y + part.height > this.bottom) {
          this.newPage()
          paint(head)
        }
        paint(part)
      }
    }
    this.y += 8
  }

  /** "Pagina 2 van 5" at the foot of every page from `first` on, plus a line of small print. */
  numberPages(first: number, label: (page: number, total: number) => string, footer: string): void {
    const total = this.pdf.getNumberOfPages()
    for (let page = first; page <= total; page++) {
      this.pdf.setPage(page)
      const bottom = this.pdf.internal.pageSize.getHeight() - 30
      const width = this.pdf.internal.pageSize.getWidth()
      this.pen.block(footer, 40, bottom, width - 200, { size: 7, color: MUTED }, 2)
      this.pen.block(
        label(page, total),
        width - 40,
        bottom,
        140,
        { size: 8, color: MUTED, align: 'right' },
        1,
      )
    }
  }
}

function splitRow(cells: string[][], maxLines: number): string[][][] {
  const longest = Math.max(...cells.map((lines) => lines.length))
  if (longest <= maxLines) return [cells]
  const pieces: string[][][] = []
  for (let start = 0; start < longest; start += maxLines) {
    pieces.push(cells.map((lines) => lines.slice(start, start + maxLines)))
  }
  return pieces
}
