// One sticky: its kind's colour and symbol (colour is never the only signal) and its text, which
// grows with the sticky. Zoomed out it becomes a single cheap shape, because laying out text for
// thousands of them per frame is what makes a big board stutter; a big sticky keeps its text.
import type Konva from 'konva'
import { memo } from 'react'
import { Circle, Group, Rect, Shape, Text } from 'react-konva/lib/ReactKonvaCore'
import {
  AGREEMENT_FIELD_LABELS,
  STICKY_KINDS,
  STICKY_SIZE,
  type Lang,
  type StickyItem,
} from '../../../shared/index.ts'
import { useLang } from '../i18n.ts'
import type { Detail } from './camera.ts'
import { darken, FONT, INK } from './theme.ts'

const PAD = 12
const BADGE = 15
const TEXT_TOP = 2 * BADGE + 10
export const STICKY_FONT_SIZE = 18
/**
 * From this font size on a sticky keeps its text below CHEAP_SCALE: it is still 6 px or more on
 * screen at a quarter scale, where a board of columns opens on a laptop (the plenary board's
 * stickies are this big). Such stickies are few, so the cheap drawing's saving is not theirs.
 */
export const BIG_TEXT = 24

/** A sticky's text grows with its box (at a normal sticky's proportions); never below normal. */
export function stickyFontSize(item: Pick<StickyItem, 'w' | 'h'>): number {
  const room = Math.min(item.w / STICKY_SIZE.w, item.h / STICKY_SIZE.h, 4)
  return Math.max(STICKY_FONT_SIZE, Math.floor(STICKY_FONT_SIZE * room))
}

export const Sticky = memo(function Sticky({ item, detail }: { item: StickyItem; detail: Detail }) {
  const lang = useLang()
  const style = STICKY_KINDS[item.kind]
  const fill = item.color ?? style.color
  const fontSize = stickyFontSize(item)
  if (detail === 'tiny' || (detail === 'cheap' && fontSize < BIG_TEXT)) {
    // One node instead of a group of four: Konva's cost per node is what a big board pays for.
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
  // The badge and the margins grow with the text, so a big sticky looks like a normal one, larger.
  const k = fontSize / STICKY_FONT_SIZE
  const [pad, badge, top] = [PAD * k, BADGE * k, TEXT_TOP * k]
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
      <Circle
        x={pad / 2 + badge}
        y={pad / 2 + badge}
        radius={badge}
        fill="#ffffff"
        opacity={0.9}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        x={pad / 2}
        y={pad / 2}
        width={2 * badge}
        height={2 * badge}
        text={style.symbol}
        fontFamily={FONT}
        fontSize={20 * k}
        fontStyle="bold"
        fill={INK}
        align="center"
        verticalAlign="middle"
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        name="sticky-text"
        x={pad}
        y={top}
        width={Math.max(0, item.w - 2 * pad)}
        height={Math.max(0, item.h - top - pad / 2)}
        text={stickyText(item, lang)}
        fontFamily={FONT}
        fontSize={fontSize}
        lineHeight={1.2}
        fill={INK}
        wrap="word"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  )
})

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
