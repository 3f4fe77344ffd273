// The board's items as Konva nodes: circles and boxes for the background layer, arrows and the
// rest for the items layer. Every item component is memoised on its snapshot object, which
// BoardIndex keeps identical while the item is unchanged, so an edit re-renders only that item.
import { memo, useSyncExternalStore } from 'react'
import type { ArrowItem, ContainerItem, Item, ItemId, StickyItem } from '../../../shared/index.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import { Arrow } from './Arrow.tsx'
import { Box } from './Box.tsx'
import type { Detail } from './camera.ts'
import { Circle } from './Circle.tsx'
import type { DragPreview } from './dragPreview.ts'
import { Ink } from './Ink.tsx'
import { Label } from './Label.tsx'
import { Shape } from './Shape.tsx'
import { Sticky } from './Sticky.tsx'
import { StickyBatch } from './StickyBatch.tsx'

export interface VisibleItems {
  containers: ContainerItem[]
  arrows: ArrowItem[]
  others: Item[]
}

/** Sorts the items in view (bottom to top) into the lists each layer draws. */
export function splitVisible(items: readonly Item[]): VisibleItems {
  const visible: VisibleItems = { containers: [], arrows: [], others: [] }
  for (const item of items) {
    if (item.type === 'circle' || item.type === 'box') visible.containers.push(item)
    else if (item.type === 'arrow') visible.arrows.push(item)
    // Questions and agreements are rows of their box, which lists them.
    else if (item.type !== 'agreement' && item.type !== 'question') visible.others.push(item)
  }
  return visible
}

/**
 * `version` is the index's: a box's rows and an arrow's ends are looked up in the index, so these
 * lists re-render on any change, and the memoised items below them skip what did not change.
 */
export const ContainerNodes = memo(function ContainerNodes({
  items,
  index,
}: {
  items: readonly ContainerItem[]
  index: BoardIndex
  version: number
}) {
  return items.map((item) =>
    item.type === 'circle' ? (
      <Circle key={item.id} item={item} markers={index.childrenOf(item.id)} />
    ) : (
      <Box key={item.id} item={item} rows={index.childrenOf(item.id)} />
    ),
  )
})

export const OtherNodes = memo(function OtherNodes({
  items,
  detail,
  selection,
  preview,
}: {
  items: readonly Item[]
  detail: Detail
  preview: DragPreview
  /** Only read at 'tiny' detail, where selected stickies leave the batch for nodes of their own. */
  selection: readonly ItemId[]
}) {
  if (detail === 'tiny') {
    const selected = new Set(selection)
    const batched = items.filter(
      (item): item is StickyItem => item.type === 'sticky' && !selected.has(item.id),
    )
    const rest = items.filter((item) => item.type !== 'sticky' || selected.has(item.id))
    return (
      <>
        <StickyBatch items={batched} preview={preview} />
        {nodesOf(rest, detail)}
      </>
    )
  }
  return nodesOf(items, detail)
})

function nodesOf(items: readonly Item[], detail: Detail) {
  return items.map((item) => {
    switch (item.type) {
      case 'sticky':
        return <Sticky key={item.id} item={item} detail={detail} />
      case 'ink':
        return <Ink key={item.id} item={item} />
      case 'shape':
        return <Shape key={item.id} item={item} />
      case 'label':
        return <Label key={item.id} item={item} />
      default:
        return null
    }
  })
}

export const ArrowNodes = memo(function ArrowNodes({
  arrows,
  index,
  preview,
}: {
  arrows: readonly ArrowItem[]
  index: BoardIndex
  version: number
  preview: DragPreview
}) {
  const drag = useSyncExternalStore(preview.subscribe, preview.get)
  const lanes = new Map<string, number>()
  return arrows.map((arrow) => {
    const pair = `${arrow.from} ${arrow.to}`
    const lane = lanes.get(pair) ?? 0
    lanes.set(pair, lane + 1)
    const from = index.get(arrow.from)
    const to = index.get(arrow.to)
    if (!from || !to) return null
    const fromMoves = drag?.ids.has(arrow.from) ?? false
    const toMoves = drag?.ids.has(arrow.to) ?? false
    return (
      <Arrow
        key={arrow.id}
        item={arrow}
        from={from}
        to={to}
        lane={lane}
        fromDx={fromMoves ? drag?.dx : 0}
        fromDy={fromMoves ? drag?.dy : 0}
        toDx={toMoves ? drag?.dx : 0}
        toDy={toMoves ? drag?.dy : 0}
      />
    )
  })
})
