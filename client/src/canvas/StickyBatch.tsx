// Zoomed far out (a sticky only a few pixels high), all stickies of a layer are one Konva shape
// that fills a rectangle per sticky: ten thousand nodes would cost Konva more per frame than the
// drawing itself. Selected stickies keep their own node, so the selection frame and dragging work.
import type Konva from 'konva'
import { memo, useSyncExternalStore } from 'react'
import { Shape } from 'react-konva/lib/ReactKonvaCore'
import { STICKY_KINDS, type ItemId, type StickyItem } from '../../../shared/index.ts'
import type { DragPreview } from './dragPreview.ts'
import type { Point } from './geometry.ts'

export const BATCH_NAME = 'sticky-batch'

export const StickyBatch = memo(function StickyBatch({
  items,
  preview,
}: {
  items: readonly StickyItem[]
  preview: DragPreview
}) {
  // Stickies of a circle being dragged follow it here too: they have no node to move.
  const drag = useSyncExternalStore(preview.subscribe, preview.get)
  return (
    <Shape
      name={BATCH_NAME}
      stickies={items}
      sceneFunc={(ctx) => {
        for (const item of items) {
          const offset = drag?.ids.has(item.id) ? drag : null
          ctx.setAttr('fillStyle', item.color ?? STICKY_KINDS[item.kind].color)
          ctx.fillRect(item.x + (offset?.dx ?? 0), item.y + (offset?.dy ?? 0), item.w, item.h)
        }
      }}
      hitFunc={(ctx, shape) => {
        ctx.beginPath()
        for (const item of items) ctx.rect(item.x, item.y, item.w, item.h)
        ctx.closePath()
        ctx.fillShape(shape)
      }}
      // The hit graph needs a fill to paint the shape's colour key.
      fill="#000000"
      perfectDrawEnabled={false}
    />
  )
})

/** Which sticky of a batch lies under a point in stage pixels: the topmost one. */
export function stickyInBatch(shape: Konva.Node, screen: Point): ItemId | undefined {
  const items = shape.getAttr('stickies') as readonly StickyItem[] | undefined
  if (!items) return undefined
  const at = shape.getAbsoluteTransform().copy().invert().point(screen)
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]
    if (
      item &&
      at.x >= item.x &&
      at.x <= item.x + item.w &&
      at.y >= item.y &&
      at.y <= item.y + item.h
    )
      return item.id
  }
  return undefined
}
