// One sticky: its kind's colour and symbol (colour is never the only signal) and its text, sized to
// fit the sticky (stickyText.ts). Zoomed out until that text would be too small to read, it becomes
// a single cheap shape, because thousands of text nodes per frame make a big board stutter; a big
// sticky keeps its text.
import type Konva from 'konva'
import { memo } from 'react'
import { Group, Rect, Shape } from 'react-konva/lib/ReactKonvaCore'
import {
  AGREEMENT_FIELD_LABELS,
  STICKY_KINDS,
  STICKY_SIZE,
  type Lang,
  type StickyItem,
} from '../../../shared/index.ts'
import { useLang } from '../i18n.ts'
import type { Detail } from './camera.ts'
import { layoutText, MEASURE_SIZE, type TextLayout } from './stickyText.ts'
import { darken, FONT, INK, STICKY_MIN_FONT } from './theme.ts'

const BADGE_FILL = 'rgba(255,255,255,0.9)'

/** The margin left and right of the text, above and below it, and the badge's from the corner. */
const PAD = 8
const PAD_Y = 4.5
const BADGE_AT = 4
const BADGE = 13
const SYMBOL_SIZE = 22
/** A normal sticky's text, shrunk for a long text down to STICKY_MIN_FONT. */
const MAX_FONT = 36
/**
 * From this smallest font on a sticky keeps its text below CHEAP_SCALE (zoomed out to where a
 * board of columns opens on a projector): the plenary board's stickies are this big. Such
 * stickies are few, so the cheap drawing's saving is not theirs.
 */
export const BIG_TEXT = 1.5 * STICKY_MIN_FONT

/** How much larger than a normal sticky this one is (its text grows with it, up to 4 times). */
function roomOf(item: Pick<StickyItem, 'w' | 'h'>): number {
  return Math.min(item.w / STICKY_SIZE.w, item.h / STICKY_SIZE.h, 4)
}

/** The smallest font of a sticky's text: the size the editor shows it at. */
export function stickyFontSize(item: Pick<StickyItem, 'w' | 'h'>): number {
  return STICKY_MIN_FONT * roomOf(item)
}

export const Sticky = memo(function Sticky({ item, detail }: { item: StickyItem; detail: Detail }) {
  const lang = useLang()
  const style = STICKY_KINDS[item.kind]
  const fill = item.color ?? style.color
  if (detail === 'tiny' || (detail === 'cheap' && stickyFontSize(item) < BIG_TEXT)) {
    // One node instead of a group of three: Konva's cost per node is what a big board pays for.
    return (
      <Shape
        id={item.id}
        name="item sticky"
        x={item.x}
        y={item.y}
        width={item.w}
        height={item.h}
        fill={fill}
        symbol={detail === 'cheap' ? style.symbol : ''}
        sceneFunc={drawCheap}
        hitFunc={hitRect}
        perfectDrawEnabled={false}
      />
    )
  }
  const text = stickyText(item, lang)
  const layout = stickyLayout(text, item.w, item.h)
  return (
    <Group id={item.id} name="item sticky" x={item.x} y={item.y}>
      <Rect
        name="item-body"
        width={item.w}
        height={item.h}
        fill={fill}
        stroke={darken(fill)}
        strokeWidth={1.5}
        cornerRadius={6}
        perfectDrawEnabled={false}
      />
      {/* The badge and the lines in one shape: laid out once per text and size (stickyLayout). */}
      <Shape
        name="sticky-text"
        width={item.w}
        height={item.h}
        text={text}
        symbol={style.symbol}
        layout={layout}
        fontSize={layout.fontSize}
        truncated={layout.truncated}
        room={roomOf(item)}
        sceneFunc={drawText}
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  )
})

// The text's box at a normal sticky's size: the badge in the top left corner, the first line
// beside it.
const BADGE_END = BADGE_AT + 2 * BADGE

const layouts = new Map<string, TextLayout & { x: number; y: number }>()
const widths = new Map<string, number>()
let measurer: CanvasRenderingContext2D | null | undefined

/** Width at MEASURE_SIZE, with a little to spare for rounding at small sizes. */
function measure(text: string): number {
  let width = widths.get(text)
  if (width === undefined) {
    if (measurer === undefined) {
      measurer = document.createElement('canvas').getContext('2d')
      if (measurer) measurer.font = `${MEASURE_SIZE}px ${FONT}`
    }
    width = 1.02 * (measurer?.measureText(text).width ?? 0.6 * MEASURE_SIZE * text.length)
    if (widths.size > 20_000) widths.clear()
    widths.set(text, width)
  }
  return width
}

/** The layout of a sticky's text, in board units; the same text and size give the same one. */
export function stickyLayout(text: string, w: number, h: number) {
  const key = `${w} ${h} ${text}`
  let layout = layouts.get(key)
  if (!layout) {
    const k = roomOf({ w, h })
    const box = {
      width: Math.max(0, w - 2 * PAD * k),
      height: Math.max(0, h - 2 * PAD_Y * k),
      indent: (BADGE_END + BADGE_AT - PAD) * k,
      indentDepth: (BADGE_END - PAD_Y) * k,
    }
    const sizes = { min: STICKY_MIN_FONT * k, max: MAX_FONT * k }
    layout = { ...layoutText(text, box, sizes, measure), x: PAD * k, y: PAD_Y * k }
    if (layouts.size > 5_000) layouts.clear()
    layouts.set(key, layout)
  }
  return layout
}

/** The kind's badge and the laid out lines: a few canvas calls, no layout while drawing. */
function drawText(ctx: Konva.Context, shape: Konva.Shape): void {
  const layout = shape.getAttr('layout') as ReturnType<typeof stickyLayout>
  const k = shape.getAttr('room') as number
  const r = BADGE * k
  const centre = (BADGE_AT + BADGE) * k
  ctx.beginPath()
  ctx.arc(centre, centre, r, 0, 2 * Math.PI)
  ctx.setAttr('fillStyle', BADGE_FILL)
  ctx.fill()
  ctx.setAttr('fillStyle', INK)
  ctx.setAttr('font', `bold ${SYMBOL_SIZE * k}px ${FONT}`)
  ctx.setAttr('textAlign', 'center')
  ctx.setAttr('textBaseline', 'middle')
  ctx.fillText(shape.getAttr('symbol') as string, centre, centre)
  ctx.setAttr('font', `${layout.fontSize}px ${FONT}`)
  ctx.setAttr('textAlign', 'left')
  for (const line of layout.lines) ctx.fillText(line.text, layout.x + line.x, layout.y + line.y)
}

/** What a sticky says: an action card adds its hoe and wie, a revealed draft its author. */
function stickyText(item: StickyItem, lang: Lang): string {
  if (item.kind === 'action') {
    const parts = [item.text]
    if (item.hoe) parts.push(`${AGREEMENT_FIELD_LABELS.hoe[lang]}: ${item.hoe}`)
    if (item.wie) parts.push(`${AGREEMENT_FIELD_LABELS.wie[lang]}: ${item.wie}`)
    return parts.join('\n')
  }
  return item.author ? `${item.text}\n— ${item.author}` : item.text
}

/** A rectangle and, when there is room, the kind's symbol: two canvas calls, no text layout. */
function drawCheap(ctx: Konva.Context, shape: Konva.Shape): void {
  const w = shape.width()
  const h = shape.height()
  ctx.setAttr('fillStyle', shape.fill())
  ctx.fillRect(0, 0, w, h)
  const symbol = shape.getAttr('symbol') as string
  if (!symbol) return
  const size = Math.min(w, h) * 0.6
  ctx.setAttr('fillStyle', INK)
  ctx.setAttr('font', `bold ${size}px ${FONT}`)
  ctx.setAttr('textAlign', 'center')
  ctx.setAttr('textBaseline', 'middle')
  ctx.fillText(symbol, w / 2, h / 2)
}

function hitRect(ctx: Konva.Context, shape: Konva.Shape): void {
  ctx.beginPath()
  ctx.rect(0, 0, shape.width(), shape.height())
  ctx.closePath()
  ctx.fillStrokeShape(shape)
}
