// Text and colour on a Surface: text made drawable (missing glyphs replaced), wrapped to a width
// by words (a word wider than the width is cut), cut to a number of lines with '…'.
import { drawableText } from './font.ts'
import type { PaintMode, Rgb, Surface } from './surface.ts'

export type { Rgb } from './surface.ts'

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
  constructor(readonly surface: Surface) {}

  clean(text: string): string {
    return drawableText(text, (code) => this.surface.hasGlyph(code))
  }

  /**
   * Lines of clean `text` that fit `width` at the given size; the first line `indent` narrower
   * (beside a sticky's symbol), and empty when not even the first word fits there.
   */
  wrap(text: string, width: number, size: number, indent = 0): string[] {
    const lines: string[] = []
    const room = () => (lines.length === 0 ? width - indent : width)
    const fits = (line: string) => this.surface.textWidth(line, size) <= room()
    for (const paragraph of text.split('\n')) {
      let line = ''
      for (const word of paragraph.split(/ +/)) {
        const candidate = line === '' ? word : `${line} ${word}`
        if (fits(candidate)) line = candidate
        else {
          if (line !== '' || (lines.length === 0 && indent > 0)) lines.push(line)
          line = ''
          for (const piece of this.cut(word, fits)) {
            if (line !== '') lines.push(line)
            line = piece
          }
        }
      }
      lines.push(line)
    }
    return lines
  }

  /**
   * A word wider than the line, in pieces that fit: after a hyphen or slash where one fits
   * ("één-op-|één", "School/|onderwijs"), else at the last character that fits.
   */
  private cut(word: string, fits: (text: string) => boolean): string[] {
    if (fits(word)) return [word]
    const pieces: string[] = []
    let current = ''
    for (const char of word) {
      if (current === '' || fits(current + char)) {
        current += char
        continue
      }
      const joint = Math.max(current.lastIndexOf('-'), current.lastIndexOf('/')) + 1
      const at = joint > 0 && joint < current.length ? joint : current.length
      pieces.push(current.slice(0, at))
      current = current.slice(at) + char
    }
    return [...pieces, current]
  }

  /** The widest word of clean `text` at `size`: wider than a line, it has to be cut. */
  widestWord(text: string, size: number): number {
    let widest = 0
    for (const word of text.split(/\s+/))
      if (word !== '') widest = Math.max(widest, this.width(word, size))
    return widest
  }

  width(text: string, size: number): number {
    return this.surface.textWidth(text, size)
  }

  /** Draws clean lines from a top edge; returns the height used. */
  lines(lines: readonly string[], x: number, top: number, style: TextStyle): number {
    const lineHeight = style.size * 1.25
    const options = {
      size: style.size,
      color: style.color ?? INK,
      align: style.align ?? 'left',
      bold: style.bold === true,
    }
    lines.forEach((line, i) => {
      if (line !== '') this.surface.text(line, x, top + style.size * 0.95 + i * lineHeight, options)
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
    return this.lines(this.fitLines(this.clean(text), width, style.size, maxLines), x, top, style)
  }

  /** Lines of clean `text` at `size`: at most `maxLines`, the last one ending in '…' when cut. */
  fitLines(text: string, width: number, size: number, maxLines: number): string[] {
    let lines = this.wrap(text, width, size)
    if (lines.length > maxLines) {
      lines = lines.slice(0, Math.max(0, maxLines))
      const last = lines.length - 1
      if (last >= 0) lines[last] = `${lines[last]!.replace(/\s*\S?$/, '')}…`
    }
    return lines
  }

  fill(color: Rgb): void {
    this.surface.fill(color)
  }

  stroke(color: Rgb, width: number): void {
    this.surface.stroke(color, width)
  }

  rect(x: number, y: number, w: number, h: number, mode: PaintMode): void {
    this.surface.rect(x, y, w, h, mode)
  }
}
