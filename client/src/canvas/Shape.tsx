// A drawn shape: rectangle, ellipse, triangle, line or arrow, with an optional label inside. A
// line or arrow runs from (x, y) to (x + w, y + h), so its w and h may be negative.
import { memo } from 'react'
import { Arrow, Ellipse, Group, Line, Rect, Text } from 'react-konva/lib/ReactKonvaCore'
import { isSegment, type ShapeItem } from '../../../shared/index.ts'
import { FONT, INK } from './theme.ts'

export const SHAPE_LABEL_SIZE = 20
/** Lines are thin; this much stroke around them still counts as a hit. */
const HIT_WIDTH = 20

export const Shape = memo(function Shape({ item }: { item: ShapeItem }) {
  const fill = item.fill === 'none' ? undefined : item.fill
  const common = {
    name: 'item-body',
    stroke: item.stroke,
    strokeWidth: item.strokeWidth,
    fill,
    hitStrokeWidth: Math.max(HIT_WIDTH, item.strokeWidth),
    perfectDrawEnabled: false,
  }
  const body =
    item.shape === 'rect' ? (
      <Rect {...common} width={item.w} height={item.h} />
    ) : item.shape === 'ellipse' ? (
      <Ellipse
        {...common}
        x={item.w / 2}
        y={item.h / 2}
        radiusX={item.w / 2}
        radiusY={item.h / 2}
      />
    ) : item.shape === 'triangle' ? (
      <Line {...common} points={[item.w / 2, 0, item.w, item.h, 0, item.h]} closed />
    ) : item.shape === 'line' ? (
      <Line {...common} points={[0, 0, item.w, item.h]} lineCap="round" />
    ) : (
      <Arrow
        {...common}
        fill={item.stroke}
        points={[0, 0, item.w, item.h]}
        pointerLength={4 * item.strokeWidth + 8}
        pointerWidth={4 * item.strokeWidth + 8}
        lineCap="round"
      />
    )
  const segment = isSegment(item.shape)
  return (
    <Group id={item.id} name="item shape" x={item.x} y={item.y}>
      {body}
      {item.label && (
        <Text
          name="shape-label"
          // A segment's label sits at its middle; a closed shape's fills its box.
          x={segment ? Math.min(0, item.w) : 0}
          y={
            segment ? item.h / 2 - SHAPE_LABEL_SIZE : item.shape === 'triangle' ? item.h * 0.35 : 0
          }
          width={Math.abs(item.w)}
          height={segment ? undefined : item.shape === 'triangle' ? item.h * 0.65 : item.h}
          text={item.label}
          fontFamily={FONT}
          fontSize={SHAPE_LABEL_SIZE}
          fill={INK}
          align="center"
          verticalAlign="middle"
          wrap="word"
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
})
