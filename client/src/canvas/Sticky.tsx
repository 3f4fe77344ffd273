// One sticky: its kind's colour and symbol (colour is never the only signal) and its text. Zoomed
// out it becomes a single cheap shape, because laying out text for thousands of them per frame
// is what makes a big board stutter.
import type Konva from 'konva'
import { memo } from 'react'
import { Circle, Group, Rect, Shape, Text } from 'react-konva/lib/ReactKonvaCore'
import {
  AGREEMENT_FIELD_LABELS,
  STICKY_KINDS,
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

export const Sticky = memo(function Sticky({ item, detail }: { item: StickyItem; detail: Detail }) {
  const lang = useLang()
  const style = STICKY_KINDS[item.kind]
  const fill = item.color ?? style.color
  if (detail !== 'full') {
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
        x={PAD / 2 + BADGE}
        y={PAD / 2 + BADGE}
        radius={BADGE}
        fill="#ffffff"
        opacity={0.9}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        x={PAD / 2}
        y={PAD / 2}
        width={2 * BADGE}
        height={2 * BADGE}
        text={style.symbol}
        fontFamily={FONT}
        fontSize={20}
        fontStyle="bold"
        fill={INK}
        align="center"
        verticalAlign="middle"
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        name="sticky-text"
        x={PAD}
        y={TEXT_TOP}
        width={Math.max(0, item.w - 2 * PAD)}
        height={Math.max(0, item.h - TEXT_TOP - PAD / 2)}
        text={stickyText(item, lang)}
        fontFamily={FONT}
        fontSize={STICKY_FONT_SIZE}
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
