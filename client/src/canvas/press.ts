// What a press does, per tool and per thing under the pointer: a drag that starts at once (pen,
// eraser), one that starts once the pointer has moved a little, and what a tap or double tap does.
import {
  isContainer,
  LABEL_DEFAULTS,
  STICKY_SIZE,
  type ItemId,
  type ShapeKind,
} from '../../../shared/index.ts'
import type { Tool } from '../state/ui.ts'
import { containerAt, isMovable, startEditing, type CanvasContext } from './context.ts'
import { bandDrag, connectDrag, moveDrag, panDrag, type Drag, type PointerSample } from './drags.ts'
import { eraseDrag, placeShape, shapeDrag, strokeDrag } from './drawDrags.ts'
import type { Point } from './geometry.ts'
import type { Hit } from './hitTest.ts'

export interface Press {
  sample: PointerSample
  hit: Hit | null
  pointerType: string
  shift: boolean
  /** Middle button or space held: pan whatever the tool. */
  forcePan: boolean
  /** The eraser end of a pen. */
  eraser: boolean
  /** A pen was used on this device, so fingers pan while the pen draws (palm rejection). */
  penSeen: boolean
}

export interface PressPlan {
  /** Starts on the press itself: nothing else can happen, not even a tap. */
  immediate?: Drag
  /** Starts once the pointer moved past the slop; may give nothing (then the press is spent). */
  drag?: () => Drag | null
  /** Released without moving. */
  tap?: () => void
}

const SHAPE_TOOLS: ReadonlySet<Tool> = new Set(['rect', 'ellipse', 'triangle', 'line', 'arrow'])

export function planPress(ctx: CanvasContext, press: Press): PressPlan {
  const pan = () => panDrag(ctx, press.sample)
  if (press.forcePan || ctx.readOnly) return { drag: pan }
  if (press.eraser) return { immediate: eraseDrag(ctx, press.sample) }
  const { tool } = ctx.ui.get()
  const at = press.sample.board
  // The sticky and text tools place one item, then give way to select (unless locked or Shift).
  const place = (add: (ctx: CanvasContext, at: Point) => void) => () => {
    add(ctx, at)
    if (!press.shift && !ctx.ui.get().toolLocked) ctx.ui.set({ tool: 'select' })
  }
  // With a pen around, a finger on the glass is a hand resting or a pan, never ink.
  const fingerPans = press.pointerType === 'touch' && press.penSeen
  switch (tool) {
    case 'select':
      return planSelect(ctx, press)
    case 'hand':
      return { drag: pan }
    case 'sticky':
      return { drag: pan, tap: place(addStickyAt) }
    case 'text':
      return { drag: pan, tap: place(addLabelAt) }
    case 'pen':
      return fingerPans ? { drag: pan } : { immediate: strokeDrag(ctx, press.sample) }
    case 'eraser':
      return fingerPans ? { drag: pan } : { immediate: eraseDrag(ctx, press.sample) }
    case 'connect': {
      const { hit } = press
      if (!hit || hit.type === 'arrow') return { drag: pan }
      return { drag: () => connectDrag(ctx, hit.id, press.sample) }
    }
    default: {
      if (fingerPans || !SHAPE_TOOLS.has(tool)) return { drag: pan }
      const shape = tool as ShapeKind
      return {
        drag: () => shapeDrag(ctx, shape, press.sample),
        tap: () => placeShape(ctx, shape, at),
      }
    }
  }
}

function planSelect(ctx: CanvasContext, press: Press): PressPlan {
  const { hit, shift } = press
  // On empty board a finger pans; a mouse or pen draws a selection rectangle.
  const empty = () =>
    press.pointerType === 'touch' ? panDrag(ctx, press.sample) : bandDrag(ctx, press.sample, shift)
  const selection = ctx.ui.get().selection
  if (!hit) return { drag: empty, tap: () => shift || ctx.ui.set({ selection: [] }) }
  const selected = selection.includes(hit.id)
  const tap = () =>
    ctx.ui.set({
      selection: shift
        ? selected
          ? selection.filter((id) => id !== hit.id)
          : [...selection, hit.id]
        : [hit.id],
    })
  const item = ctx.index.get(hit.id)
  // A circle or box is grabbed by its label or number, or anywhere once selected; a press on
  // its inside otherwise selects what lies in it, as on an empty board.
  const grabbable =
    item !== undefined &&
    isMovable(item) &&
    !(isContainer(item) && hit.part === 'body' && !selected)
  if (!grabbable) return { drag: empty, tap }
  return {
    tap,
    drag: () => {
      const ids: ItemId[] = selected ? selection : shift ? [...selection, hit.id] : [hit.id]
      ctx.ui.set({ selection: ids })
      return moveDrag(ctx, ids, press.sample)
    },
  }
}

/** A double tap with the select tool: edit what was hit, or add to the circle or box. */
export function doubleTap(ctx: CanvasContext, press: Press): void {
  if (ctx.readOnly) return
  const { hit } = press
  const at = press.sample.board
  const item = hit ? ctx.index.get(hit.id) : undefined
  if (!hit || !item) {
    addStickyAt(ctx, at)
    return
  }
  if (!isContainer(item) || hit.part === 'handle') {
    startEditing(ctx, item.id)
    return
  }
  // The numbered boxes hold rows, not stickies: a question in 1, an agreement in 5.
  if (item.type === 'box' && item.role === 'questions') {
    const id = ctx.commands.addQuestion({ parent: item.id })
    if (id) startEditing(ctx, id)
  } else if (item.type === 'box' && item.role === 'agreements') {
    const id = ctx.commands.addAgreement({ parent: item.id })
    if (id) startEditing(ctx, id)
  } else {
    addStickyAt(ctx, at)
  }
}

/**
 * A sticky centred on the point, owned by the circle or box there: of that column's own kind (a
 * Tops column makes tops), else of the kind chosen in the toolbar.
 */
export function addStickyAt(ctx: CanvasContext, at: Point): void {
  const owner = containerAt(ctx.index, at)
  const id = ctx.commands.addSticky({
    kind: (owner?.type === 'box' && owner.stickyKind) || ctx.ui.get().stickyKind,
    x: Math.round(at.x - STICKY_SIZE.w / 2),
    y: Math.round(at.y - STICKY_SIZE.h / 2),
    parent: owner?.id,
  })
  if (id) startEditing(ctx, id)
}

function addLabelAt(ctx: CanvasContext, at: Point): void {
  const id = ctx.commands.addLabel({
    text: '',
    x: Math.round(at.x),
    y: Math.round(at.y - LABEL_DEFAULTS.fontSize / 2),
    parent: containerAt(ctx.index, at)?.id,
  })
  if (id) startEditing(ctx, id)
}
