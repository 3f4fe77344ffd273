// Adding a point without a mouse: the digits 1–9 pick a circle or box (by its number), and Enter
// with the sticky or text tool puts a new item into the picked one — or into whatever lies in the
// middle of the view — on a free spot, with its editor open.
import {
  isContainer,
  LABEL_DEFAULTS,
  placeInContainer,
  STICKY_SIZE,
  type ContainerItem,
} from '../../../shared/index.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import { containerAt, startEditing, type CanvasContext } from './context.ts'

/**
 * The container a digit picks: the one wearing that number badge (the MDO's 1 Vragen … 5
 * Afspraken), else — on a board without badges — the nth in reading order.
 */
function containerNumbered(ctx: CanvasContext, n: number): ContainerItem | undefined {
  const containers = ctx.index.all().filter(isContainer)
  const badged = containers.find((item) => item.number === n)
  if (badged || containers.some((item) => item.number !== undefined)) return badged
  const rowOf = (item: ContainerItem) => Math.round((item.y + item.h / 2) / 100)
  return containers.sort((a, b) => rowOf(a) - rowOf(b) || a.x - b.x)[n - 1]
}

/** Selects the container of that number and brings it into view; false when there is none. */
export function pickContainer(ctx: CanvasContext, n: number): boolean {
  const target = containerNumbered(ctx, n)
  if (!target) return false
  ctx.ui.set({ selection: [target.id] })
  const view = ctx.camera.viewport()
  const shown =
    target.x >= view.minX &&
    target.y >= view.minY &&
    target.x + target.w <= view.maxX &&
    target.y + target.h <= view.maxY
  if (!shown) ctx.camera.centerOn({ x: target.x + target.w / 2, y: target.y + target.h / 2 })
  return true
}

/** The container a keyboard placement goes into: the selected one, the selection's, or the view's. */
function targetContainer(ctx: CanvasContext): ContainerItem | undefined {
  const [first] = ctx.ui.get().selection
  const selected = first !== undefined ? ctx.index.get(first) : undefined
  if (selected && isContainer(selected)) return selected
  const parent = selected?.parent !== undefined ? ctx.index.get(selected.parent) : undefined
  if (parent && isContainer(parent)) return parent
  const view = ctx.camera.viewport()
  return containerAt(ctx.index, { x: (view.minX + view.maxX) / 2, y: (view.minY + view.maxY) / 2 })
}

/** The free spot in a container nearest its middle (below a box's title) for a new point. */
export function freeSpotIn(
  index: BoardIndex,
  owner: ContainerItem,
  size: { w: number; h: number },
): { x: number; y: number } | undefined {
  const held = index.childrenOf(owner.id).filter((item) => item.type !== 'arrow')
  return placeInContainer(owner, held, size)[0]
}

/** Puts a sticky (or a text) into the target container, or the middle of the view, to edit. */
export function placeByKeyboard(ctx: CanvasContext, tool: 'sticky' | 'text'): void {
  const owner = targetContainer(ctx)
  const size = tool === 'sticky' ? STICKY_SIZE : { w: 160, h: LABEL_DEFAULTS.fontSize * 2 }
  const view = ctx.camera.viewport()
  let at = {
    x: Math.round((view.minX + view.maxX) / 2 - size.w / 2),
    y: Math.round((view.minY + view.maxY) / 2 - size.h / 2),
  }
  if (owner) at = freeSpotIn(ctx.index, owner, size) ?? at
  const id =
    tool === 'sticky'
      ? ctx.commands.addSticky({
          kind: (owner?.type === 'box' && owner.stickyKind) || ctx.ui.get().stickyKind,
          ...at,
          parent: owner?.id,
        })
      : ctx.commands.addLabel({ text: '', ...at, parent: owner?.id })
  if (!id) return
  if (!ctx.ui.get().toolLocked) ctx.ui.set({ tool: 'select' })
  startEditing(ctx, id)
}
