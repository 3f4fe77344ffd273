// A free text label. Empty, it shows a dashed frame so it can still be found and edited. A text the
// template wrote (a column's hint, a level's name) reads in the reader's language until edited.
import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva/lib/ReactKonvaCore'
import { shownLabel, type LabelItem } from '../../../shared/index.ts'
import { useLang } from '../i18n.ts'
import { FONT, INK, MUTED } from './theme.ts'

export const Label = memo(function Label({ item }: { item: LabelItem }) {
  const text = shownLabel(item, useLang())
  return (
    <Group id={item.id} name="item label" x={item.x} y={item.y}>
      <Rect
        name="item-body"
        width={Math.max(item.w, item.fontSize)}
        height={Math.max(item.h, item.fontSize * 1.25)}
        // Transparent but hit-testable, so the whole label box can be pressed.
        fill="rgba(255,255,255,0.01)"
        stroke={item.text ? undefined : MUTED}
        dash={[6, 6]}
        strokeWidth={1}
        perfectDrawEnabled={false}
      />
      <Text
        name="label-text"
        text={text}
        fontFamily={FONT}
        fontSize={item.fontSize}
        lineHeight={1.2}
        fill={INK}
        // Lines break only where the author broke them; the box is fitted after each edit.
        wrap="none"
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  )
})
