// The places the table works on in the current MDO step (the circles in Overzicht, the agreements
// in Afronding), outlined with a wide dashed line that keeps its width at any zoom. The label in
// the step bar says the same in words, so the outline is never the only signal.
import { memo } from 'react'
import { Circle, Group, Rect } from 'react-konva/lib/ReactKonvaCore'
import type { Item } from '../../../shared/index.ts'

const COLOR = '#1f5fbf'
const MARGIN = 16

export const Highlights = memo(function Highlights({ items }: { items: readonly Item[] }) {
  return (
    <Group listening={false} name="step-highlights">
      {items.map((item) =>
        item.type === 'circle' ? (
          <Circle
            key={item.id}
            name="step-highlight"
            id={`highlight:${item.id}`}
            x={item.x + item.w / 2}
            y={item.y + item.h / 2}
            radius={Math.min(item.w, item.h) / 2 + MARGIN}
            stroke={COLOR}
            strokeWidth={4}
            dash={[14, 10]}
            strokeScaleEnabled={false}
            perfectDrawEnabled={false}
          />
        ) : (
          <Rect
            key={item.id}
            name="step-highlight"
            id={`highlight:${item.id}`}
            x={item.x - MARGIN}
            y={item.y - MARGIN}
            width={item.w + 2 * MARGIN}
            height={item.h + 2 * MARGIN}
            cornerRadius={12}
            stroke={COLOR}
            strokeWidth={4}
            dash={[14, 10]}
            strokeScaleEnabled={false}
            perfectDrawEnabled={false}
          />
        ),
      )}
    </Group>
  )
})
