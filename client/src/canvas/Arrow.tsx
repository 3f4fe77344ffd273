// An interaction arrow (wisselwerking) between two items, drawn from their current positions. The
// valence shows three ways: colour, line (solid, dashed, thin) and a badge, plus a spiral glyph
// for an upward or downward spiral.
import { memo, useMemo } from 'react'
import { Arrow as KonvaArrow, Circle, Group, Text } from 'react-konva/lib/ReactKonvaCore'
import type { ArrowItem, Item } from '../../../shared/index.ts'
import { arrowCurve, arrowEnd, spiralPoints, type Point } from './geometry.ts'
import { FONT, PAPER, VALENCE_STYLES } from './theme.ts'

export const ARROW_LABEL_SIZE = 28
const BADGE = 28
const LABEL_WIDTH = 300
const SPIRAL = 48

export interface ArrowProps {
  item: ArrowItem
  from: Item
  to: Item
  /** Which of several arrows between the same two items (same direction) this is. */
  lane?: number
  /** How far the `from` and `to` items are being dragged right now, so the arrow follows. */
  fromDx?: number
  fromDy?: number
  toDx?: number
  toDy?: number
}

export const Arrow = memo(function Arrow({
  item,
  from,
  to,
  lane = 0,
  fromDx = 0,
  fromDy = 0,
  toDx = 0,
  toDy = 0,
}: ArrowProps) {
  const curve = useMemo(
    () => arrowCurve(arrowEnd(from, fromDx, fromDy), arrowEnd(to, toDx, toDy), lane),
    [from, to, lane, fromDx, fromDy, toDx, toDy],
  )
  const style = VALENCE_STYLES[item.valence]
  const { mid, out } = curve
  const spiral = item.valence === 'neutral' ? null : spiralPoints(SPIRAL, item.valence === 'up')
  return (
    <Group id={item.id} name="item arrow">
      <KonvaArrow
        name="arrow-line"
        points={curve.points}
        stroke={style.stroke}
        fill={style.stroke}
        strokeWidth={style.width}
        dash={style.dash.length > 0 ? [...style.dash] : undefined}
        lineCap="round"
        lineJoin="round"
        pointerLength={14 + 2 * style.width}
        pointerWidth={14 + 2 * style.width}
        pointerAtBeginning={item.valence === 'neutral'}
        hitStrokeWidth={28}
        perfectDrawEnabled={false}
      />
      <Group name="arrow-badge" x={mid.x} y={mid.y}>
        <Circle
          radius={BADGE}
          fill={PAPER}
          stroke={style.stroke}
          strokeWidth={3}
          perfectDrawEnabled={false}
        />
        <Text
          x={-BADGE}
          y={-BADGE}
          width={2 * BADGE}
          height={2 * BADGE}
          text={style.badge}
          fontFamily={FONT}
          fontSize={34}
          fontStyle="bold"
          fill={style.stroke}
          align="center"
          verticalAlign="middle"
          listening={false}
          perfectDrawEnabled={false}
        />
      </Group>
      {spiral && (
        <KonvaArrow
          x={mid.x + out.x * (BADGE + SPIRAL / 2 + 6)}
          y={mid.y + out.y * (BADGE + SPIRAL / 2 + 6)}
          points={spiral}
          stroke={style.stroke}
          fill={style.stroke}
          strokeWidth={4}
          pointerLength={10}
          pointerWidth={10}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      <Text
        name="arrow-label"
        {...labelBox(mid, out, BADGE + (spiral ? SPIRAL + 14 : 10))}
        text={item.label}
        fontFamily={FONT}
        fontSize={ARROW_LABEL_SIZE}
        fontStyle="bold"
        fill={style.stroke}
        // A white halo keeps the label readable where it crosses a circle's edge.
        stroke={PAPER}
        strokeWidth={5}
        fillAfterStrokeEnabled
        wrap="word"
        perfectDrawEnabled={false}
      />
    </Group>
  )
})

const LABEL_HEIGHT = 3 * ARROW_LABEL_SIZE * 1.2

/**
 * The label sits on the outer side of the bow, beyond the badge, aligned away from the arrow so
 * the line never runs through the words.
 */
function labelBox(mid: Point, out: Point, distance: number) {
  const at = { x: mid.x + out.x * distance, y: mid.y + out.y * distance }
  const align = out.x < -0.5 ? 'right' : out.x > 0.5 ? 'left' : 'center'
  const verticalAlign = out.y < -0.5 ? 'bottom' : out.y > 0.5 ? 'top' : 'middle'
  const x =
    align === 'right' ? at.x - LABEL_WIDTH : align === 'left' ? at.x : at.x - LABEL_WIDTH / 2
  const y =
    verticalAlign === 'bottom'
      ? at.y - LABEL_HEIGHT
      : verticalAlign === 'top'
        ? at.y
        : at.y - LABEL_HEIGHT / 2
  return { x, y, width: LABEL_WIDTH, height: LABEL_HEIGHT, align, verticalAlign }
}
