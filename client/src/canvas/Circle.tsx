// One circle of the model (Kind, School, Thuis, or an added one): a tinted disc with its number
// and label, in the reader's language while it is the template's. The label and number are the
// handle that drags it; its inside is where stickies go. Past three plus or minus markers a badge
// asks the table to pick the three that matter most.
import { NumberBadge } from './NumberBadge.tsx'
import { memo } from 'react'
import { Circle as KonvaCircle, Group, Rect, Text } from 'react-konva/lib/ReactKonvaCore'
import { shownLabel, STICKY_KINDS, type CircleItem, type Item } from '../../../shared/index.ts'
import { useLang, useStrings } from '../i18n.ts'
import { CIRCLE_COLORS, FONT, INK, PAPER } from './theme.ts'

export const CIRCLE_LABEL_SIZE = 44
const NUMBER_RADIUS = 36

/** Shrinks a long label (about 0.7 em per bold character) so it fits on one line. */
export function circleLabelSize(item: CircleItem, label = item.label): number {
  const longest = Math.max(1, ...label.split(/\s+/).map((word) => word.length))
  return Math.max(12, Math.min(CIRCLE_LABEL_SIZE, (item.w * 0.8) / (longest * 0.7)))
}

/** The method asks for the three most important strengths and the three most important concerns. */
export const MOST_IMPORTANT = 3
const COUNTED_KINDS = ['plus', 'minus'] as const

/** Per counted kind with more than three markers in the circle, how many there are. */
export function tooManyMarkers(
  markers: readonly Item[],
): { kind: 'plus' | 'minus'; count: number }[] {
  return COUNTED_KINDS.map((kind) => ({
    kind,
    count: markers.filter((item) => item.type === 'sticky' && item.kind === kind).length,
  })).filter(({ count }) => count > MOST_IMPORTANT)
}

interface Props {
  item: CircleItem
  /** The items the circle owns (BoardIndex.childrenOf), the same array until one changes. */
  markers: readonly Item[]
}

export const Circle = memo(function Circle({ item, markers }: Props) {
  const label = shownLabel(item, useLang())
  const r = Math.min(item.w, item.h) / 2
  const colors = CIRCLE_COLORS[item.role]
  const tooMany = tooManyMarkers(markers)
  return (
    <Group id={item.id} name="item circle" x={item.x} y={item.y}>
      <KonvaCircle
        name="item-body"
        x={item.w / 2}
        y={item.h / 2}
        radius={r}
        fill={colors.fill}
        stroke={colors.stroke}
        strokeWidth={6}
        perfectDrawEnabled={false}
      />
      <Text
        name="circle-label item-handle"
        x={item.w * 0.1}
        y={item.h / 2 - r + r * 0.2}
        width={item.w * 0.8}
        text={label}
        fontFamily={FONT}
        fontSize={circleLabelSize(item, label)}
        fontStyle="bold"
        fill={colors.stroke}
        align="center"
        wrap="word"
        perfectDrawEnabled={false}
      />
      {item.number !== undefined && (
        // The badge sits in the corner of the circle's square, outside the disc, so it never
        // covers a sticky and the transformer's box stays the item's box.
        <NumberBadge
          x={NUMBER_RADIUS + 2}
          y={NUMBER_RADIUS + 2}
          radius={NUMBER_RADIUS}
          number={item.number}
          color={colors.stroke}
          fontSize={40}
        />
      )}
      {tooMany.map(({ kind, count }, i) => (
        <TooManyBadge
          key={kind}
          item={item}
          stroke={colors.stroke}
          symbol={STICKY_KINDS[kind].symbol}
          count={count}
          // Stacked up from the bottom of the circle: minus lowest, plus above it.
          row={tooMany.length - 1 - i}
        />
      ))}
    </Group>
  )
})

interface BadgeProps {
  item: CircleItem
  stroke: string
  symbol: string
  count: number
  row: number
}

/**
 * A banner across the foot of the disc, inside the circle's square so the selection frame stays
 * the circle's. It only informs: it does not catch presses, so the circle works as before.
 */
function TooManyBadge({ item, stroke, symbol, count, row }: BadgeProps) {
  const t = useStrings()
  const label = t.tooMany(count, symbol)
  const width = item.w * 0.86
  // About 0.62 em per bold character (wide enough for English too); at most 5% of the circle.
  const fontSize = Math.max(10, Math.min(item.h * 0.05, width / (label.length * 0.62)))
  const height = fontSize * 1.7
  const y = item.h - (row + 1) * (height + fontSize * 0.3)
  return (
    <Group name="too-many" x={(item.w - width) / 2} y={y} listening={false}>
      <Rect
        width={width}
        height={height}
        cornerRadius={height / 2}
        fill={PAPER}
        stroke={stroke}
        strokeWidth={Math.max(1.5, fontSize / 8)}
        perfectDrawEnabled={false}
      />
      <Text
        name="too-many-text"
        width={width}
        height={height}
        text={label}
        fontFamily={FONT}
        fontSize={fontSize}
        fontStyle="bold"
        fill={INK}
        align="center"
        verticalAlign="middle"
        wrap="none"
        perfectDrawEnabled={false}
      />
    </Group>
  )
}
