// Page 1 of the PDF: the whole board as vectors, scaled to fit the page. Items come from the
// validated snapshot in z order; colours are the canvas's (shared/boardStyle.ts) and every
// sticky carries its kind's symbol, every arrow its valence in colour, line pattern and badge.
// Text stays readable in print (./stickyText.ts): a sticky too small for its text carries a
// number instead, and the legend in the report pages gives that number's text.
import {
  AGREEMENT_FIELD_LABELS,
  BOX_ROLE_LABELS,
  CIRCLE_ROLE_LABELS,
  type Lang,
} from '../labels.ts'
import { BOX_COLORS, CIRCLE_COLORS } from '../boardStyle.ts'
import { AGREEMENT_FIELDS, INK_STRIDE, type Item } from '../schema.ts'
import { STICKY_KINDS } from '../stickyKinds.ts'
import { arrowHead, drawArrow } from './boardArrows.ts'
import { numberStickies, type LegendRow } from './legend.ts'
import type { ReportModel } from './model.ts'
import { hexToRgb, INK, MUTED, type Pen, type Rgb } from './pen.ts'
import { formatDate, REPORT_LABELS } from './reportLabels.ts'
import { drawFitted, fitText, MIN_PRINT_SIZE, type FittedText } from './stickyText.ts'

const MARGIN = 28
const HEADER = 30

export interface Frame {
  scale: number
  /** Page point of board point (x, y). */
  x(bx: number): number
  y(by: number): number
}

/** What drawing an item needs to know of the whole page. */
interface Page {
  frame: Frame
  byId: ReadonlyMap<string, Item>
  lang: Lang
  /** Each sticky's text as it fits; a sticky with a number has none. */
  texts: ReadonlyMap<string, FittedText>
  numbers: ReadonlyMap<string, number>
}

export interface BoardPageOptions {
  /**
   * Number the stickies whose text does not fit at a readable size, for a legend elsewhere (the
   * PDF's report pages). Without a legend (the PNG, the print of the board alone) their text is
   * drawn smaller instead, cut with '…' where even that does not fit.
   */
  numbered: boolean
}

/**
 * Draws the board on the current page of `pen`, which has the page's size; returns the legend of
 * the stickies it numbered, in the order of their numbers.
 */
export function drawBoardPage(
  pen: Pen,
  model: ReportModel,
  pageW: number,
  pageH: number,
  { numbered }: BoardPageOptions = { numbered: true },
): LegendRow[] {
  const { lang } = model.options
  const title = model.title || REPORT_LABELS.untitled[lang]
  pen.block(title, MARGIN, MARGIN - 8, pageW * 0.6, { size: 14, bold: true }, 1)
  const meta = `${formatDate(model.options.exportedAt)} · ${REPORT_LABELS.stepReached[lang]}: ${model.step ?? REPORT_LABELS.stepUnknown[lang]}`
  pen.block(
    meta,
    pageW - MARGIN,
    MARGIN - 6,
    pageW * 0.38,
    { size: 9, color: MUTED, align: 'right' },
    1,
  )

  const items = model.board.items
  const frame = fit(items, MARGIN, MARGIN + HEADER, pageW - 2 * MARGIN, pageH - 2 * MARGIN - HEADER)
  if (!frame) return []
  const texts = new Map<string, FittedText>()
  const tooSmall = new Set<string>()
  for (const item of items) {
    if (item.type !== 'sticky' || item.text.trim() === '') continue
    const fitted = stickyText(pen, item, frame.scale, numbered)
    if (fitted) texts.set(item.id, fitted)
    else tooSmall.add(item.id)
  }
  const legend = numberStickies(items, tooSmall, lang)
  const byId = new Map(items.map((item) => [item.id, item]))
  const page: Page = { frame, byId, lang, texts, numbers: legend.numbers }
  for (const item of items) drawItem(pen, item, page)
  return legend.rows
}

/** Board units: the canvas's sticky text size, and where its text goes right of its symbol. */
const STICKY_TEXT = 18
const symbolSize = (s: number) => Math.max(STICKY_TEXT * 1.1 * s, MIN_PRINT_SIZE * 1.1)

/** A sticky's text area in page points from its top left corner; the symbol beside line one. */
function stickyTextBox(item: Item, s: number) {
  const [left, top] = [8 * s, 6 * s]
  const indent = Math.max(22 * s, symbolSize(s) * 0.9 + 1)
  return { left, top, indent, width: item.w * s - 2 * left, height: item.h * s - 2 * top }
}

/** A sticky's text as large as fits, at least readable in print; null: it gets a number. */
function stickyText(
  pen: Pen,
  item: Extract<Item, { type: 'sticky' }>,
  s: number,
  numbered: boolean,
): FittedText | null {
  const box = stickyTextBox(item, s)
  const text = pen.clean(item.text)
  const natural = Math.max(STICKY_TEXT * s, MIN_PRINT_SIZE)
  const readable = fitText(pen, text, box, natural, MIN_PRINT_SIZE)
  if (readable || numbered) return readable
  const small = Math.min(STICKY_TEXT * s, MIN_PRINT_SIZE / 2)
  const smaller = fitText(pen, text, box, MIN_PRINT_SIZE, small)
  if (smaller) return smaller
  const lines = Math.max(1, Math.floor((box.height - 0.2 * small) / (small * 1.25)))
  return {
    size: small,
    lines: pen.fitLines(text, Math.max(box.width - box.indent, 1), small, lines),
  }
}

function fit(
  items: readonly Item[],
  left: number,
  top: number,
  w: number,
  h: number,
): Frame | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const item of items) {
    if (item.type === 'arrow') continue
    x0 = Math.min(x0, item.x, item.x + item.w)
    y0 = Math.min(y0, item.y, item.y + item.h)
    x1 = Math.max(x1, item.x, item.x + item.w)
    y1 = Math.max(y1, item.y, item.y + item.h)
  }
  if (!Number.isFinite(x0)) return null
  const scale = Math.min(w / Math.max(x1 - x0, 1), h / Math.max(y1 - y0, 1))
  const offX = left + (w - (x1 - x0) * scale) / 2
  const offY = top + (h - (y1 - y0) * scale) / 2
  return { scale, x: (bx) => offX + (bx - x0) * scale, y: (by) => offY + (by - y0) * scale }
}

function drawItem(pen: Pen, item: Item, page: Page): void {
  const { frame: f, lang } = page
  const out = pen.surface
  const s = f.scale
  const [x, y, w, h] = [f.x(item.x), f.y(item.y), item.w * s, item.h * s]
  switch (item.type) {
    case 'circle': {
      const colors = CIRCLE_COLORS[item.role]
      pen.fill(hexToRgb(colors.fill))
      pen.stroke(hexToRgb(colors.stroke), Math.max(4 * s, 0.8))
      out.ellipse(x + w / 2, y + h / 2, Math.min(w, h) / 2, Math.min(w, h) / 2, 'FD')
      const label = item.label || CIRCLE_ROLE_LABELS[item.role][lang]
      const heading = item.number === undefined ? label : `${item.number}. ${label}`
      pen.block(
        heading,
        x + w / 2,
        y + h * 0.06,
        w * 0.6,
        {
          size: Math.max(22 * s, MIN_PRINT_SIZE),
          bold: true,
          color: hexToRgb(colors.stroke),
          align: 'center',
        },
        2,
      )
      return
    }
    case 'box': {
      pen.fill([253, 253, 253])
      pen.stroke(hexToRgb(BOX_COLORS[item.role].stroke), Math.max(3 * s, 0.6))
      out.roundedRect(x, y, w, h, 12 * s, 'FD')
      const label = item.label || BOX_ROLE_LABELS[item.role][lang]
      const heading = item.number === undefined ? label : `${item.number}. ${label}`
      pen.block(
        heading,
        x + 20 * s,
        y + 18 * s,
        w - 40 * s,
        {
          size: Math.max(26 * s, MIN_PRINT_SIZE),
          bold: true,
          color: hexToRgb(BOX_COLORS[item.role].stroke),
        },
        1,
      )
      return
    }
    case 'sticky': {
      const style = STICKY_KINDS[item.kind]
      const color = hexToRgb(item.color ?? style.color)
      pen.fill(color)
      pen.stroke(darken(color), Math.max(1.5 * s, 0.3))
      out.rect(x, y, w, h, 'FD')
      const symbol = symbolSize(s)
      pen.block(style.symbol, x + 8 * s, y + 6 * s, symbol * 2, { size: symbol, bold: true }, 1)
      const box = stickyTextBox(item, s)
      const number = page.numbers.get(item.id)
      const fitted = page.texts.get(item.id)
      if (number !== undefined) drawNumber(pen, number, x, y, w, h)
      else if (fitted) drawFitted(pen, fitted, x + box.left, y + box.top, box.indent)
      return
    }
    case 'question':
    case 'agreement': {
      pen.fill([255, 255, 255])
      pen.stroke([173, 181, 189], Math.max(1.5 * s, 0.3))
      out.roundedRect(x, y, w, h, 8 * s, 'FD')
      const text =
        item.type === 'question'
          ? `${item.decisionNeeded ? '⚖ ' : ''}${item.text}${item.askedBy ? ` (${item.askedBy})` : ''}`
          : AGREEMENT_FIELDS.filter((field) => item[field] !== '')
              .map((field) => `${AGREEMENT_FIELD_LABELS[field][lang]}: ${item[field]}`)
              .join('\n')
      // Their text is in the report too (questions, agreements): cut with '…' when it must be.
      const box = { width: w - 20 * s, height: h - 16 * s }
      const clean = pen.clean(text)
      const fitted = fitText(pen, clean, box, Math.max(18 * s, MIN_PRINT_SIZE), MIN_PRINT_SIZE)
      const size = fitted?.size ?? MIN_PRINT_SIZE
      const maxLines = Math.max(1, Math.floor(box.height / (size * 1.25)))
      const lines = fitted?.lines ?? pen.fitLines(clean, box.width, size, maxLines)
      pen.lines(lines, x + 10 * s, y + 8 * s, { size })
      return
    }
    case 'arrow':
      return drawArrow(pen, item, f, page.byId)
    case 'label':
      pen.block(item.text, x, y, Math.max(w, 1), { size: item.fontSize * s })
      return
    case 'shape': {
      pen.stroke(hexToRgb(item.stroke), Math.max(item.strokeWidth * s, 0.3))
      const filled = item.fill !== 'none'
      if (filled) pen.fill(hexToRgb(item.fill))
      const mode = filled ? 'FD' : 'S'
      if (item.shape === 'rect') out.rect(x, y, w, h, mode)
      else if (item.shape === 'ellipse')
        out.ellipse(x + w / 2, y + h / 2, Math.abs(w) / 2, Math.abs(h) / 2, mode)
      else if (item.shape === 'triangle') out.triangle([x + w / 2, y, x + w, y + h, x, y + h], mode)
      else {
        out.line(x, y, x + w, y + h)
        if (item.shape === 'arrow')
          arrowHead(pen, x, y, x + w, y + h, 12 * s, hexToRgb(item.stroke))
      }
      if (item.label)
        pen.block(item.label, x, y + h / 2, Math.abs(w), { size: 18 * s, align: 'left' }, 2)
      return
    }
    case 'ink': {
      pen.stroke(hexToRgb(item.color), Math.max(item.width * s, 0.3))
      out.roundCaps(true)
      const p = item.points
      const points: number[] = []
      for (let i = 0; i + 1 < p.length; i += INK_STRIDE)
        points.push(x + p[i]! * s, y + p[i + 1]! * s)
      out.polyline(points)
      out.roundCaps(false)
      return
    }
  }
}

/** A sticky's number, bold on a white disc in the middle of its text area. */
function drawNumber(pen: Pen, number: number, x: number, y: number, w: number, h: number) {
  const size = Math.max(MIN_PRINT_SIZE + 1, Math.min(h * 0.3, 12))
  const label = String(number)
  const r = Math.max(size * 0.75, pen.width(label, size) / 2 + size * 0.3)
  const [cx, cy] = [x + w / 2, y + h / 2]
  pen.fill([255, 255, 255])
  pen.stroke(INK, Math.max(size * 0.06, 0.4))
  pen.surface.ellipse(cx, cy, r, r, 'FD')
  pen.lines([label], cx, cy - size * 0.6, { size, bold: true, align: 'center' })
}

function darken([r, g, b]: Rgb): Rgb {
  return [Math.round(r * 0.75), Math.round(g * 0.75), Math.round(b * 0.75)]
}
