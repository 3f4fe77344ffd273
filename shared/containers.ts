// Which circle or box a point falls in: the basis for "a sticky dropped in a circle belongs to it".
// Ownership is stored in the doc (item.parent), so the report never guesses from geometry later.
import type * as Y from 'yjs'
import type { ItemId } from './ids.ts'
import { readBoard } from './read.ts'
import { isContainer, type ContainerItem, type Item } from './schema.ts'

export function centreOf(item: Item): { x: number; y: number } {
  return { x: item.x + item.w / 2, y: item.y + item.h / 2 }
}

/** Circles by their radius (the largest circle in their box), boxes by their rectangle. */
export function containsPoint(container: ContainerItem, x: number, y: number): boolean {
  if (container.type === 'box') {
    return (
      x >= container.x &&
      x <= container.x + container.w &&
      y >= container.y &&
      y <= container.y + container.h
    )
  }
  const centre = centreOf(container)
  const radius = Math.min(container.w, container.h) / 2
  return Math.hypot(x - centre.x, y - centre.y) <= radius
}

/** The topmost container holding the point, among items sorted bottom to top. */
export function containerIn(
  items: readonly Item[],
  x: number,
  y: number,
): ContainerItem | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]
    if (item && isContainer(item) && containsPoint(item, x, y)) return item
  }
  return undefined
}

export function containerAt(doc: Y.Doc, x: number, y: number): ItemId | undefined {
  return containerIn(readBoard(doc).items, x, y)?.id
}
