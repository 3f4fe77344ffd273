// What the gesture code needs from the canvas, in one object, so each gesture is a plain function
// of it and can be read (and tested) without React.
import type Konva from 'konva'
import {
  containsPoint,
  isContainer,
  type ContainerItem,
  type Item,
  type ItemId,
  type TextField,
} from '../../../shared/index.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { BoardCommands } from '../state/commands.ts'
import type { UiStore } from '../state/ui.ts'
import type { BoardSession } from '../sync/session.ts'
import type { Camera } from './camera.ts'
import type { DragPreview } from './dragPreview.ts'
import type { Point } from './geometry.ts'

export interface CanvasContext {
  stage: Konva.Stage
  camera: Camera
  index: BoardIndex
  commands: BoardCommands
  ui: UiStore
  session: BoardSession
  readOnly: boolean
  /** A group on the interaction layer for previews: the stroke being drawn, the band, a shape. */
  draft: Konva.Group
  preview: DragPreview
}

/** The topmost circle or box holding the point: a new item there belongs to it. */
export function containerAt(index: BoardIndex, point: Point): ContainerItem | undefined {
  const found = index.search({ minX: point.x, minY: point.y, maxX: point.x, maxY: point.y })
  for (let i = found.length - 1; i >= 0; i--) {
    const item = found[i]
    if (item && isContainer(item) && containsPoint(item, point.x, point.y)) return item
  }
  return undefined
}

/** The text a double-click or Enter edits, per item type; ink has none. */
export function textFieldOf(item: Item): TextField | null {
  switch (item.type) {
    case 'sticky':
    case 'question':
    case 'label':
      return 'text'
    case 'agreement':
      return 'wat'
    case 'ink':
      return null
    default:
      return 'label'
  }
}

export function startEditing(ctx: CanvasContext, id: ItemId): void {
  const item = ctx.index.get(id)
  const field = item && textFieldOf(item)
  if (ctx.readOnly || !field) return
  ctx.ui.set({ selection: [id], editing: { id, field } })
}

/** Items that move when dragged: rows sit in their box's list and arrows follow their ends. */
export function isMovable(item: Item): boolean {
  return item.type !== 'arrow' && item.type !== 'agreement' && item.type !== 'question'
}
