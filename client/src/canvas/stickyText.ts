// How a sticky's text fills its box: the largest font between a minimum and a maximum at which the
// whole text wraps on word boundaries, its first line beside the kind's badge. When even the
// minimum does not hold it all, the last line that fits ends in an ellipsis (the editor and the
// outline show the rest). Pure: the caller passes how wide a string is at MEASURE_SIZE, since
// widths grow in proportion to the font size, every word is measured once, whatever the size.

/** The font size `Measure` is asked about. */
export const MEASURE_SIZE = 100
export const LINE_HEIGHT = 1.12
const ELLIPSIS = '…'

/** Width of a string at MEASURE_SIZE px. */
export type Measure = (text: string) => number

export interface TextBox {
  width: number
  height: number
  /** The badge's width, taken from the start of the lines beside it. */
  indent: number
  /** Lines that begin above this (from the box's top) sit beside the badge. */
  indentDepth: number
}

export interface TextLine {
  text: string
  /** Left end and vertical middle of the line, from the box's top left. */
  x: number
  y: number
}

export interface TextLayout {
  fontSize: number
  lines: TextLine[]
  truncated: boolean
}

interface Wrapped {
  lines: { text: string; x: number }[]
  fits: boolean
}

/** Greedy word wrap at one size; `breakWords` splits a word too long for any line. */
function wrap(
  paragraphs: readonly string[][],
  size: number,
  box: TextBox,
  measure: Measure,
  breakWords: boolean,
): Wrapped {
  const k = size / MEASURE_SIZE
  const lineHeight = size * LINE_HEIGHT
  const maxLines = Math.max(1, Math.floor(box.height / lineHeight + 1e-6))
  const lines: { text: string; x: number }[] = []
  const indentOf = (line: number) => (line * lineHeight < box.indentDepth ? box.indent : 0)
  const roomOf = (line: number) => box.width - indentOf(line)
  const space = measure(' ') * k
  for (const words of paragraphs) {
    let text = ''
    let width = 0
    const push = () => {
      lines.push({ text, x: indentOf(lines.length) })
      text = ''
      width = 0
    }
    for (const word of words) {
      const w = measure(word) * k
      if (text && width + space + w <= roomOf(lines.length)) {
        text += ` ${word}`
        width += space + w
        continue
      }
      if (text) push()
      // Beside the badge a long word may start on the line below it instead.
      while (w > roomOf(lines.length) && indentOf(lines.length) > 0 && w <= box.width) push()
      if (w <= roomOf(lines.length)) {
        text = word
        width = w
      } else if (!breakWords) {
        return { lines, fits: false }
      } else {
        // Only at the smallest font: a word wider than any line, in pieces that fill lines.
        let rest = word
        while (rest) {
          if (text) push()
          text = longestFitting(rest, roomOf(lines.length), k, measure)
          width = measure(text) * k
          rest = rest.slice(text.length)
        }
      }
      if (lines.length >= maxLines) return { lines, fits: false }
    }
    push()
  }
  return { lines, fits: lines.length <= maxLines }
}

/** The longest start of the word that fits the room; at least its first letter. */
function longestFitting(word: string, room: number, k: number, measure: Measure): string {
  let n = 1
  while (n < word.length && measure(word.slice(0, n + 1)) * k <= room) n++
  return word.slice(0, n)
}

/** The line, shortened until it and the ellipsis fit `room`. */
function withEllipsis(line: string, room: number, k: number, measure: Measure): string {
  let text = line.trimEnd()
  while (text && measure(text + ELLIPSIS) * k > room) {
    const cut = text.lastIndexOf(' ')
    text = (cut > 0 ? text.slice(0, cut) : text.slice(0, -1)).trimEnd()
  }
  return text + ELLIPSIS
}

export function layoutText(
  text: string,
  box: TextBox,
  sizes: { min: number; max: number },
  measure: Measure,
): TextLayout {
  const paragraphs = text.split('\n').map((line) => line.split(/\s+/).filter(Boolean))
  const place = (size: number, wrapped: Wrapped['lines'], truncated: boolean): TextLayout => ({
    fontSize: size,
    lines: wrapped.map((line, i) => ({ ...line, y: (i + 0.5) * size * LINE_HEIGHT })),
    truncated,
  })
  const min = Math.max(1, Math.floor(sizes.min))
  for (let size = Math.floor(sizes.max); size > min; size--) {
    const wrapped = wrap(paragraphs, size, box, measure, false)
    if (wrapped.fits) return place(size, wrapped.lines, false)
  }
  const wrapped = wrap(paragraphs, min, box, measure, true)
  if (wrapped.fits) return place(min, wrapped.lines, false)
  const k = min / MEASURE_SIZE
  const maxLines = Math.max(1, Math.floor(box.height / (min * LINE_HEIGHT) + 1e-6))
  const shown = wrapped.lines.slice(0, maxLines)
  const last = shown[shown.length - 1]
  if (last) last.text = withEllipsis(last.text, box.width - last.x, k, measure)
  return place(min, shown, true)
}
