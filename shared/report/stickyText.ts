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
  // Widths scale with the size, so the widest word gives the largest size that cuts none.
  const widest = pen.widestWord(text, 10) / 10
  const top = Math.min(max, widest > 0 ? box.width / widest : max)
  const at = (size: number): FittedText | null => {
    const lines = pen.wrap(text, box.width, size, box.indent)
    const height = (lines.length - 1) * LINE * size + INK_DEPTH * size
    return height <= box.height ? { size, lines } : null
  }
  if (top < min) return null
  const best = at(top)
  if (best) return best
  // Fewer lines as the size drops: a binary search over the steps from min to below top.
  let [lo, hi] = [0, Math.floor((top - min) / STEP)]
  let found: FittedText | null = null
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const fit = at(min + mid * STEP)
    if (fit) {
      found = fit
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
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
