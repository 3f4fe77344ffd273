// What is under the pointer: the Konva hit graph finds the shape, and the nearest ancestor named
// `item <type>` is the board item. Which part was hit matters: a circle is dragged by its label
// and number, while a press on its inside starts a selection rectangle or a pan.
import type Konva from 'konva'
import type { ItemId, ItemType } from '../../../shared/index.ts'
import type { Point } from './geometry.ts'
import { BATCH_NAME, stickyInBatch } from './StickyBatch.tsx'

export interface Hit {
  id: ItemId
  type: ItemType
  /** 'handle': a container's label or number; 'body': anything else of the item. */
  part: 'handle' | 'body'
  node: Konva.Node
}

/** The item at a point in stage pixels, 'transformer' for the resize handles, or null. */
export function hitAt(stage: Konva.Stage, screen: Point): Hit | 'transformer' | null {
  const shape = stage.getIntersection(screen)
  if (!shape) return null
  if (shape.hasName(BATCH_NAME)) {
    const id = stickyInBatch(shape, screen)
    return id ? { id, type: 'sticky', part: 'body', node: shape } : null
  }
  let handle = false
  for (let node: Konva.Node | null = shape; node && node !== stage; node = node.getParent()) {
    if (node.getClassName() === 'Transformer') return 'transformer'
    if (node.hasName('item-handle')) handle = true
    if (node.hasName('item')) {
      const type = node.name().split(' ')[1] as ItemType | undefined
      if (!type) return null
      return { id: node.id() as ItemId, type, part: handle ? 'handle' : 'body', node }
    }
  }
  return null
}

/** Every mounted item group by id, found in one walk of the tree. */
export function itemNodes(stage: Konva.Stage): Map<string, Konva.Node> {
  const nodes = new Map<string, Konva.Node>()
  for (const node of stage.find('.item')) nodes.set(node.id(), node)
  return nodes
}
