// Text that flows down A4 portrait pages: headings kept with what follows them, wrapped
// paragraphs, bullet lists and tables whose rows break across pages with their header repeated.
import type { jsPDF } from 'jspdf'
import { MUTED, type Pen, type TextStyle } from './pen.ts'

export const A4 = { w: 595.28, h: 841.89 } as const
const MARGIN = { top: 56, bottom: 60, side: 56 } as const
const BODY = 10

/** 1 the report's title, 2 a part of it, 3 a circle or list, 4 a group of stickies in it. */
export type HeadingLevel = 1 | 2 | 3 | 4

const HEADINGS: Record<
  HeadingLevel,
  { size: number; before: number; after: number; indent: number }
> = {
  1: { size: 20, before: 0, after: 6, indent: 0 },
  2: { size: 14, before: 8.4, after: 4.2, indent: 0 },
  3: { size: 11.5, before: 6.9, after: 3.45, indent: 0 },
  4: { size: 9.5, before: 0, after: 3, indent: 4 },
}

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
  /** Headings waiting for the first lines of what they head. */
  private pending: { text: string; level: HeadingLevel }[] = []

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

  /**
   * A heading waits for what follows it and goes on the page where that starts (keep with next):
   * a heading is never the last line of a page, whatever the height of its table or list.
   */
  heading(text: string, level: HeadingLevel = 2): void {
    this.pending.push({ text, level })
  }

  /** Draws the waiting headings, on a new page unless they and `first` points fit on this one. */
  private lead(first: number): void {
    const headings = this.pending.map(({ text, level }) => {
      const style = HEADINGS[level]
      const lines = this.pen.wrap(this.pen.clean(text), this.width - style.indent, style.size)
      return { lines, style, height: style.before + lines.length * style.size * 1.25 + style.after }
    })
    this.pending = []
    const height = headings.reduce((sum, heading) => sum + heading.height, 0)
    this.room(height + first)
    for (const { lines, style } of headings) {
      this.y += style.before
      this.y += this.pen.lines(lines, this.left + style.indent, this.y, {
        size: style.size,
        bold: true,
      })
      this.y += style.after
    }
  }

  /** Headings that nothing followed: drawn where the text ends. */
  private flush(): void {
    if (this.pending.length > 0) this.lead(0)
  }

  paragraph(text: string, style: Partial<TextStyle> = {}, indent = 0): void {
    const full: TextStyle = { size: BODY, ...style }
    const lines = this.pen.wrap(this.pen.clean(text), this.width - indent, full.size)
    const lineH = full.size * 1.25
    this.lead(lineH * Math.min(lines.length, 2))
    for (const line of lines) {
      this.room(lineH)
      this.y += this.pen.lines([line], this.left + indent, this.y, full)
    }
    this.y += 3
  }

  /** A label and its value on one line (the value wraps under itself). */
  field(label: string, value: string): void {
    const labelW = 130
    const lines = this.pen.wrap(this.pen.clean(value), this.width - labelW, BODY)
    this.lead(BODY * 1.25 * Math.min(lines.length, 3))
    this.pen.block(label, this.left, this.y, labelW - 8, { size: BODY, color: MUTED })
    this.y += this.pen.lines(lines, this.left + labelW, this.y, { size: BODY }) + 2
  }

  /** One bullet per item; an item with nothing to read gets no bullet at all. */
  bullets(items: readonly string[], symbol = '•', indent = 12): void {
    const lineH = BODY * 1.25
    const wrapped = items
      .map((item) => this.pen.clean(item))
      .filter((item) => item.trim() !== '')
      .map((item) => this.pen.wrap(item, this.width - indent - 12, BODY))
    if (wrapped.length === 0) return
    this.lead(lineH * Math.min(wrapped[0]!.length, 2))
    for (const lines of wrapped) {
      lines.forEach((line, i) => {
        this.room(lineH)
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
    // The header goes with the first row (or its first lines), and the table's heading with both.
    const first = rows[0] ? drawRow(rows[0], false) : null
    this.lead(head.height + Math.min(first?.height ?? 0, lineH * 3 + 2 * pad))
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
    this.flush()
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
