// A freehand ink stroke, filled along its outline so pen pressure shows as thickness.
import { memo, useMemo } from 'react'
import { Group, Line } from 'react-konva/lib/ReactKonvaCore'
import type { InkItem } from '../../../shared/index.ts'
import { strokeOutline } from './strokes.ts'

export const Ink = memo(function Ink({ item }: { item: InkItem }) {
  const outline = useMemo(() => strokeOutline(item.points, item.width, true), [item])
  return (
    <Group id={item.id} name="item ink" x={item.x} y={item.y}>
      <Line
        name="item-body"
        points={outline}
        closed
        fill={item.color}
        // A wide invisible edge for hit testing: a thin stroke is hard to tap otherwise.
        stroke={item.color}
        strokeWidth={0.5}
        hitStrokeWidth={Math.max(16, item.width)}
        perfectDrawEnabled={false}
      />
    </Group>
  )
})
