// One circle of the model (Kind, School, Thuis, or an added one): a tinted disc with its number
// and label. The label and number are the handle that drags it; its inside is where stickies go.
import { memo } from 'react'
import { Circle as KonvaCircle, Group, Text } from 'react-konva'
import type { CircleItem } from '../../../shared/index.ts'
import { CIRCLE_COLORS, FONT } from './theme.ts'

export const CIRCLE_LABEL_SIZE = 40
const NUMBER_RADIUS = 36

/** Shrinks a long label (about 0.7 em per bold character) so it fits on one line. */
export function circleLabelSize(item: CircleItem): number {
  const longest = Math.max(1, ...item.label.split(/\s+/).map((word) => word.length))
  return Math.max(12, Math.min(CIRCLE_LABEL_SIZE, (item.w * 0.8) / (longest * 0.7)))
}

export const Circle = memo(function Circle({ item }: { item: CircleItem }) {
  const r = Math.min(item.w, item.h) / 2
  const colors = CIRCLE_COLORS[item.role]
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
        text={item.label}
        fontFamily={FONT}
        fontSize={circleLabelSize(item)}
        fontStyle="bold"
        fill={colors.stroke}
        align="center"
        wrap="word"
        perfectDrawEnabled={false}
      />
      {item.number !== undefined && (
        // The badge sits in the corner of the circle's square, outside the disc, so it never
        // covers a sticky and the transformer's box stays the item's box.
        <Group name="item-handle" x={NUMBER_RADIUS + 2} y={NUMBER_RADIUS + 2}>
          <KonvaCircle
            radius={NUMBER_RADIUS}
            fill={colors.stroke}
            perfectDrawEnabled={false}
            name="item-handle"
          />
          <Text
            x={-NUMBER_RADIUS}
            y={-NUMBER_RADIUS}
            width={2 * NUMBER_RADIUS}
            height={2 * NUMBER_RADIUS}
            text={String(item.number)}
            fontFamily={FONT}
            fontSize={40}
            fontStyle="bold"
            fill="#ffffff"
            align="center"
            verticalAlign="middle"
            listening={false}
            perfectDrawEnabled={false}
          />
        </Group>
      )}
    </Group>
  )
})
