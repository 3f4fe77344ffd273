// Keys on the focused canvas: arrows move the selection, Delete removes it, Escape lets go, + and
// - zoom, 0 shows everything, 1–9 pick a circle or box, Enter edits the selected item's text or,
// with the sticky or text tool, adds one (keyPlace.ts). Undo and tool keys are the page's
// (panels/useShortcuts.ts); a key handled here is marked so the page skips it.
import { isMovable, startEditing, type CanvasContext } from './context.ts'
import { pickContainer, placeByKeyboard } from './keyPlace.ts'

const STEP = 10
const BIG_STEP = 50
const ZOOM_STEP = 1.2

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
}

/** Handles a keydown on the canvas; returns whether it did something with it. */
export function handleCanvasKey(
  ctx: CanvasContext,
  event: KeyboardEvent,
  actions: { zoomToFit(): void; cancelGesture(): void },
): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false
  const { selection } = ctx.ui.get()
  switch (event.key) {
    case '+':
    case '=':
      ctx.camera.zoomBy(ZOOM_STEP)
      return true
    case '-':
    case '_':
      ctx.camera.zoomBy(1 / ZOOM_STEP)
      return true
    case '0':
      actions.zoomToFit()
      return true
    case 'Escape':
      actions.cancelGesture()
      ctx.ui.set({ selection: [] })
      return true
  }
  if (/^[1-9]$/.test(event.key)) return pickContainer(ctx, Number(event.key))
  const { tool } = ctx.ui.get()
  if (event.key === 'Enter' && !ctx.readOnly && (tool === 'sticky' || tool === 'text')) {
    placeByKeyboard(ctx, tool)
    return true
  }
  if (ctx.readOnly || selection.length === 0) return false
  const direction = DIRECTIONS[event.key]
  if (direction) {
    const step = event.shiftKey ? BIG_STEP : STEP
    const ids = selection.filter((id) => {
      const item = ctx.index.get(id)
      return item !== undefined && isMovable(item)
    })
    if (ids.length === 0) return false
    ctx.commands.moveItems(ids, direction[0] * step, direction[1] * step)
    ctx.commands.dropItems(ids)
    return true
  }
  if (event.key === 'Delete' || event.key === 'Backspace') {
    ctx.commands.deleteItems(selection)
    ctx.ui.set({ selection: [] })
    return true
  }
  if (event.key === 'Enter' && selection.length === 1 && selection[0]) {
    startEditing(ctx, selection[0])
    return true
  }
  return false
}
