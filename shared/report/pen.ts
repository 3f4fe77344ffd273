// A thin layer over jsPDF for the report: one embedded font, text made drawable (missing glyphs
// replaced), wrapping to a width, and bold drawn as fill-and-stroke so one font file is enough.
import type { jsPDF } from 'jspdf'
import { drawableText, type ReportFont } from './font.ts'

export type Rgb = readonly [number, number, number]

export interface TextStyle {
  size: number
  bold?: boolean
  color?: Rgb
  align?: 'left' | 'center' | 'right'
}

export const INK: Rgb = [30, 30, 30]
export const MUTED: Rgb = [100, 100, 100]

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

export class Pen {
  private readonly codeMap: Record<number, number>

  constructor(
    readonly pdf: jsPDF,
    font: ReportFont,
  ) {
    pdf.addFileToVFS(`${font.name}.ttf`, font.binary)
    pdf.addFont(`${font.name}.ttf`, font.name, 'normal', undefined, 'Identity-H')
    pdf.setFont(font.name, 'normal')
    // jsPDF parsed the font's cmap; which characters it has decides what we replace.
    const metadata = (pdf.getFont() as { metadata?: { cmap?: { unicode?: { codeMap?: object } } } })
      .metadata
    this.codeMap = (metadata?.cmap?.unicode?.codeMap ?? {}) as Record<number, number>
  }

  clean(text: string): string {
    return drawableText(text, (code) => (this.codeMap[code] ?? 0) !== 0)
  }

  style({ size, color = INK }: TextStyle): void {
    this.pdf.setFontSize(size)
    this.pdf.setTextColor(color[0], color[1], color[2])
  }

  /** Lines of `text` that fit `width` at the given size (text must be clean). */
  wrap(text: string, width: number, size: number): string[] {
    this.pdf.setFontSize(size)
    const lines: string[] = []
    for (const paragraph of text.split('\n')) {
      const split = this.pdf.splitTextToSize(paragraph, Math.max(width, 1)) as string[]
      if (split.length === 0) lines.push('')
      for (const line of split) lines.push(...this.breakLong(line, width))
    }
    return lines
  }

  /** jsPDF leaves a word wider than the column whole; cut it so it stays inside. */
  private breakLong(line: string, width: number): string[] {
    if (this.pdf.getTextWidth(line) <= width + 0.5) return [line]
    const out: string[] = []
    let current = ''
    for (const char of line) {
      if (current !== '' && this.pdf.getTextWidth(current + char) > width) {
        out.push(current)
        current = char.trim() === '' ? '' : char
      } else current += char
    }
    if (current !== '') out.push(current)
    return out
  }

  width(text: string, size: number): number {
    this.pdf.setFontSize(size)
    return this.pdf.getTextWidth(text)
  }

  /** Draws clean lines from a top edge; returns the height used. */
  lines(lines: readonly string[], x: number, top: number, style: TextStyle): number {
    if (lines.length === 0) return 0
    this.style(style)
    const lineHeight = style.size * 1.25
    const bold = style.bold === true
    if (bold) {
      const color = style.color ?? INK
      this.pdf.setDrawColor(color[0], color[1], color[2])
      this.pdf.setLineWidth(style.size * 0.03)
    }
    lines.forEach((line, i) => {
      if (line === '') return
      this.pdf.text(line, x, top + style.size * 0.95 + i * lineHeight, {
        align: style.align ?? 'left',
        ...(bold ? { renderingMode: 'fillThenStroke' as const } : {}),
      })
    })
    return lines.length * lineHeight
  }

  /** Cleans, wraps and draws; at most `maxLines` lines, the last one ending in '…' when cut. */
  block(
    text: string,
    x: number,
    top: number,
    width: number,
    style: TextStyle,
    maxLines = Infinity,
  ): number {
    let lines = this.wrap(this.clean(text), width, style.size)
    if (lines.length > maxLines) {
      lines = lines.slice(0, Math.max(0, maxLines))
      const last = lines.length - 1
      if (last >= 0) lines[last] = `${lines[last]!.replace(/\s*\S?$/, '')}…`
    }
    return this.lines(lines, x, top, style)
  }

  fill(color: Rgb): void {
    this.pdf.setFillColor(color[0], color[1], color[2])
  }

  stroke(color: Rgb, width: number): void {
    this.pdf.setDrawColor(color[0], color[1], color[2])
    this.pdf.setLineWidth(width)
  }
}
