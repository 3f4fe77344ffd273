// A sticky's text on the board page: as large as its box allows, up to the board's own size, and
// never smaller than print stays readable. A text that does not fit at that size, or holds a word
// wider than the box, is not shrunk or cut: the sticky gets a number and its text goes in the
// legend (./legend.ts). So no word on the page is broken in the middle.
import type { Pen, TextStyle } from './pen.ts'

/** Points: the smallest text a printed board page carries (about 2.1 mm capital height). */
export const MIN_PRINT_SIZE = 6
/** What Pen.lines advances per line, as a share of the size. */
const LINE = 1.25
/** From a line's top to the lowest descender of its glyphs, as a share of the size. */
const INK_DEPTH = 1.2
const STEP = 0.25

export interface FittedText {
  size: number
  lines: string[]
}

export interface TextBox {
  width: number
  height: number
  /** How much narrower the first line is (beside the sticky's symbol). */
  indent?: number
}

/**
 * The largest size from `max` down to `min` (in steps of 0.25 pt) at which clean `text` fits the
 * box, each word whole; null when it fits at no size in that range.
 */
export function fitText(
  pen: Pen,
  text: string,
  box: TextBox,
  max: number,
  min: number,
): FittedText | null {
  if (box.width <= 0 || box.height <= 0) return null
  // Widths scale with the size: measured once, the words are wrapped at any size by arithmetic
  // (as Pen.wrap does it), and only the size chosen is wrapped for real.
  const measure = new Measure(pen, text)
  const top = Math.min(max, measure.widest > 0 ? box.width / measure.widest : max)
  if (top < min) return null
  const fits = (size: number, lines: number) =>
    (lines - 1) * LINE * size + INK_DEPTH * size <= box.height
  const steps = Math.floor((top - min) / STEP)
  const sizeAt = (i: number) => (i > steps ? top : min + i * STEP)
  // The largest step that fits; step `steps + 1` is `top` itself. Fewer lines as the size drops.
  let [lo, hi, best] = [0, steps + 1, -1]
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const size = sizeAt(mid)
    if (fits(size, measure.lines(box, size))) [best, lo] = [mid, mid + 1]
    else hi = mid - 1
  }
  // The real wrap, in case the surface measures a line as more than its words (kerning).
  for (let i = best; i >= 0; i--) {
    const size = sizeAt(i)
    const lines = pen.wrap(text, box.width, size, box.indent)
    if (fits(size, lines.length)) return { size, lines }
  }
  return null
}

/** The words of a text and their widths at size 1, per paragraph, as Pen.wrap splits them. */
class Measure {
  private readonly paragraphs: number[][]
  private readonly space: number
  readonly widest: number

  constructor(pen: Pen, text: string) {
    const unit = (word: string) => pen.width(word, 10) / 10
    this.space = unit(' ')
    this.paragraphs = text.split('\n').map((paragraph) => paragraph.split(/ +/).map(unit))
    this.widest = Math.max(0, ...this.paragraphs.flat())
  }

  /** How many lines Pen.wrap makes at `size`, no word being wider than the box. */
  lines({ width, indent = 0 }: TextBox, size: number): number {
    let count = 0
    for (const words of this.paragraphs) {
      let line = -1
      for (const word of words) {
        const room = (count === 0 ? width - indent : width) / size
        const candidate = line < 0 ? word : line + this.space + word
        if (candidate <= room) line = candidate
        else {
          if (line >= 0 || (count === 0 && indent > 0)) count++
          line = word
        }
      }
      count++
    }
    return count
  }
}

/** Draws fitted lines from the box's top left corner, the first one `indent` in. */
export function drawFitted(
  pen: Pen,
  { size, lines }: FittedText,
  x: number,
  top: number,
  indent = 0,
  style: Omit<TextStyle, 'size'> = {},
): void {
  const [first = '', ...rest] = lines
  pen.lines([first], x + indent, top, { ...style, size })
  pen.lines(rest, x, top + size * LINE, { ...style, size })
}
