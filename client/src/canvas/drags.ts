// The drags of selecting and arranging (the drawing tools' drags are in drawDrags.ts): each shows
// its preview while the pointer moves, with no React state per frame, and runs one shared/
// command when it is released.
import type Konva from 'konva'
import { Rect } from 'konva/lib/shapes/Rect.js'
import { Arrow } from 'konva/lib/shapes/Arrow.js'
import { isContainer, type ItemId } from '../../../shared/index.ts'
import { isMovable, type CanvasContext } from './context.ts'
import { boxFromPoints, centreOfBox, containsBox, itemBox, type Point } from './geometry.ts'
import { hitAt, itemNodes } from './hitTest.ts'
import { INK, SELECTION } from './theme.ts'

export interface PointerSample {
  /** Stage pixels, relative to the canvas. */
  screen: Point
  /** Board coordinates. */
  board: Point
  /** Pen pressure 0..1; a mouse or a pen without pressure reports 0.5. */
  pressure: number
}

export interface Drag {
  move(sample: PointerSample): void
  end(sample: PointerSample): void
  cancel(): void
  /** Wants every coalesced pointer event, not one per frame (freehand strokes do). */
  fine?: boolean
}

export function panDrag(ctx: CanvasContext, start: PointerSample): Drag {
  let last = start.screen
  const move = (p: PointerSample) => {
    ctx.camera.panBy(p.screen.x - last.x, p.screen.y - last.y)
    last = p.screen
  }
  return { move, end: move, cancel: () => {} }
}

/** Moves the items (and what circles among them own) with the pointer; commits on release. */
export function moveDrag(ctx: CanvasContext, ids: readonly ItemId[], start: PointerSample): Drag {
  const moving = new Set<ItemId>()
  for (const id of ids) {
    const item = ctx.index.get(id)
    if (!item || !isMovable(item)) continue
    moving.add(id)
    if (isContainer(item)) for (const child of ctx.index.childrenOf(id)) moving.add(child.id)
  }
  // Rows are drawn inside their box's group, so they move with it already.
  const pending = new Set(
    [...moving].filter((id) => {
      const item = ctx.index.get(id)
      return item !== undefined && isMovable(item)
    }),
  )
  const targets: { id: ItemId; node: Konva.Node; x: number; y: number }[] = []
  /**
   * Finds the nodes of the moving items. Zoomed far out, a sticky gets its own node only once it
   * is selected, a render after the press, so this looks again on later moves until all are found.
   */
  let lookups = 0
  const resolve = () => {
    // Children scrolled out of view have no node at all: give up on them after a few moves.
    if (pending.size === 0 || lookups++ > 10) return
    const nodes = itemNodes(ctx.stage)
    for (const id of pending) {
      const node = nodes.get(id)
      const item = ctx.index.get(id)
      if (!node || !item) continue
      targets.push({ id, node, x: item.x, y: item.y })
      pending.delete(id)
    }
  }
  resolve()
  let dx = 0
  let dy = 0
  const move = (p: PointerSample) => {
    // Whole board units: the doc stays free of long fractions from screen-to-board conversion.
    dx = Math.round(p.board.x - start.board.x)
    dy = Math.round(p.board.y - start.board.y)
    resolve()
    for (const t of targets) t.node.position({ x: t.x + dx, y: t.y + dy })
    ctx.preview.set({ ids: moving, dx, dy })
  }
  const settle = () => {
    // Back to what the board says: the new place after a commit, the old one if it was refused.
    for (const t of targets) {
      const item = ctx.index.get(t.id)
      if (item) t.node.position({ x: item.x, y: item.y })
    }
  }
  const roots = ids.filter((id) => moving.has(id))
  return {
    move,
    end(p) {
      move(p)
      ctx.preview.clear()
      if (roots.length > 0 && (dx !== 0 || dy !== 0)) {
        ctx.commands.moveItems(roots, dx, dy)
        // A sticky dropped in a circle now belongs to it; one dragged out belongs to none.
        ctx.commands.dropItems(roots)
      }
      settle()
    },
    cancel() {
      ctx.preview.clear()
      settle()
    },
  }
}

/** A selection rectangle: selects every item lying wholly inside it. */
export function bandDrag(ctx: CanvasContext, start: PointerSample, additive: boolean): Drag {
  const rect = new Rect({
    stroke: SELECTION,
    strokeWidth: 1 / ctx.camera.scale(),
    dash: [6 / ctx.camera.scale(), 4 / ctx.camera.scale()],
    fill: 'rgba(31, 95, 191, 0.08)',
    listening: false,
  })
  ctx.draft.add(rect)
  const box = (p: PointerSample) => boxFromPoints(start.board, p.board)
  return {
    move(p) {
      const b = box(p)
      rect.setAttrs({ x: b.minX, y: b.minY, width: b.maxX - b.minX, height: b.maxY - b.minY })
    },
    end(p) {
      rect.destroy()
      const band = box(p)
      const inside = ctx.index
        .search(band)
        .filter((item) => item.type !== 'agreement' && item.type !== 'question')
        .filter((item) => containsBox(band, itemBox(item)))
        .map((item) => item.id)
      const before = additive ? ctx.ui.get().selection : []
      ctx.ui.set({ selection: [...before, ...inside] })
    },
    cancel: () => rect.destroy(),
  }
}

/** The connect tool: from the pressed item to the one the pointer is released on. */
export function connectDrag(ctx: CanvasContext, from: ItemId, start: PointerSample): Drag {
  const source = ctx.index.get(from)
  const origin = source ? centreOfBox(itemBox(source)) : start.board
  const scale = ctx.camera.scale()
  const line = new Arrow({
    points: [origin.x, origin.y, start.board.x, start.board.y],
    stroke: INK,
    fill: INK,
    strokeWidth: 2 / scale,
    dash: [8 / scale, 6 / scale],
    pointerLength: 12 / scale,
    pointerWidth: 12 / scale,
    listening: false,
  })
  ctx.draft.add(line)
  return {
    move(p) {
      line.points([origin.x, origin.y, p.board.x, p.board.y])
    },
    end(p) {
      line.destroy()
      ctx.camera.ensureHitGraph()
      const hit = hitAt(ctx.stage, p.screen)
      if (!hit || hit === 'transformer' || hit.type === 'arrow' || hit.id === from) return
      const arrow = ctx.commands.linkItems(from, hit.id, { valence: ctx.ui.get().valence })
      if (arrow) ctx.ui.set({ selection: [arrow] })
    },
    cancel: () => line.destroy(),
  }
}
