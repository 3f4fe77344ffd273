// Turns raw pointer and wheel events on the canvas into gestures. Pointer events cover mouse,
// touch and pen alike; two fingers pinch-zoom, a tap or double tap is recognised here (for every
// pointer type the same way), and what a press does is decided in press.ts.
import type { CanvasContext } from './context.ts'
import type { Drag, PointerSample } from './drags.ts'
import type { Point } from './geometry.ts'
import { hitAt } from './hitTest.ts'
import { doubleTap, planPress, type Press, type PressPlan } from './press.ts'

/** How far a press may wander, in screen pixels, and still count as a tap. */
const SLOP = { mouse: 4, pen: 6, touch: 10 } as Record<string, number>
const DOUBLE_TAP_MS = 500
const DOUBLE_TAP_DISTANCE = { mouse: 8, pen: 16, touch: 30 } as Record<string, number>
/** Largest wheel delta one event may zoom by (a mouse notch is about 100). */
const WHEEL_ZOOM_CAP = 60
/** Cursor updates to peers, at most this often (about 20 Hz). */
const CURSOR_MS = 50

interface Active {
  pointerId: number
  press: Press
  plan: PressPlan
  drag: Drag | null
  /** Moved past the slop: no longer a tap. */
  moved: boolean
}

export class PointerInput {
  private readonly pointers = new Map<number, { at: Point; type: string }>()
  private active: Active | null = null
  private pinch: { distance: number; mid: Point } | null = null
  private lastTap: { time: number; at: Point } | null = null
  private penSeen = false
  private spaceHeld = false
  private cursor: Point | null = null
  private cursorTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly ctx: CanvasContext,
    private readonly el: HTMLElement,
  ) {
    el.addEventListener('pointerdown', this.onDown)
    el.addEventListener('pointermove', this.onMove)
    el.addEventListener('pointerup', this.onUp)
    el.addEventListener('pointercancel', this.onCancel)
    el.addEventListener('pointerleave', this.onLeave)
    el.addEventListener('wheel', this.onWheel, { passive: false })
    el.addEventListener('keydown', this.onSpace)
    el.addEventListener('keyup', this.onSpace)
    el.addEventListener('blur', this.onBlur)
  }

  destroy(): void {
    this.cancel()
    clearTimeout(this.cursorTimer)
    const { el } = this
    el.removeEventListener('pointerdown', this.onDown)
    el.removeEventListener('pointermove', this.onMove)
    el.removeEventListener('pointerup', this.onUp)
    el.removeEventListener('pointercancel', this.onCancel)
    el.removeEventListener('pointerleave', this.onLeave)
    el.removeEventListener('wheel', this.onWheel)
    el.removeEventListener('keydown', this.onSpace)
    el.removeEventListener('keyup', this.onSpace)
    el.removeEventListener('blur', this.onBlur)
  }

  /** Abandons the gesture in progress (Escape, or a second finger turning it into a pinch). */
  cancel(): void {
    this.active?.drag?.cancel()
    this.active = null
  }

  private screenOf(event: { clientX: number; clientY: number }): Point {
    const rect = this.ctx.stage.container().getBoundingClientRect()
    return { x: event.clientX - rect.left, y: event.clientY - rect.top }
  }

  private sample(event: PointerEvent): PointerSample {
    const screen = this.screenOf(event)
    // A mouse has no pressure and a pen may report 0 while hovering: both count as a medium press.
    const pressure = event.pointerType === 'mouse' || !(event.pressure > 0) ? 0.5 : event.pressure
    return { screen, board: this.ctx.camera.toBoard(screen), pressure }
  }

  private readonly onDown = (event: PointerEvent) => {
    // Presses on the text editor or other overlays are theirs.
    if (!(event.target instanceof HTMLCanvasElement)) return
    if (event.pointerType === 'pen') this.penSeen = true
    const screen = this.screenOf(event)
    this.pointers.set(event.pointerId, { at: screen, type: event.pointerType })
    const touches = [...this.pointers.values()].filter((p) => p.type === 'touch')
    if (event.pointerType === 'touch' && touches.length === 2) {
      this.cancel()
      this.pinch = pinchOf(touches)
      this.el.setPointerCapture(event.pointerId)
      return
    }
    if (this.active || this.pinch) return
    // Right-click and the other mouse buttons are not gestures on the board.
    if (event.pointerType === 'mouse' && event.button !== 0 && event.button !== 1) {
      this.pointers.delete(event.pointerId)
      return
    }
    const forcePan = event.button === 1 || this.spaceHeld
    // Only selecting and connecting ask what is under the pointer; skipping the hit test spares
    // a hit graph redraw on a big board after every pan.
    const tool = this.ctx.ui.get().tool
    const needsHit = !forcePan && !this.ctx.readOnly && (tool === 'select' || tool === 'connect')
    if (needsHit) this.ctx.camera.ensureHitGraph()
    const hit = needsHit ? hitAt(this.ctx.stage, screen) : null
    // The resize handles are Konva's own; leave the event to it.
    if (hit === 'transformer') {
      this.pointers.delete(event.pointerId)
      return
    }
    const press: Press = {
      sample: this.sample(event),
      hit,
      pointerType: event.pointerType,
      shift: event.shiftKey,
      forcePan,
      // The back of a pen (button 5) rubs out, whatever the tool.
      eraser: event.pointerType === 'pen' && event.button === 5,
      penSeen: this.penSeen,
    }
    const plan = planPress(this.ctx, press)
    this.active = {
      pointerId: event.pointerId,
      press,
      plan,
      drag: plan.immediate ?? null,
      moved: false,
    }
    // The press also focuses the canvas (it has a tabindex), which ends any text edit by blur;
    // the default is left alone so that focus comes without a keyboard focus ring.
    this.el.setPointerCapture(event.pointerId)
  }

  private readonly onMove = (event: PointerEvent) => {
    this.trackCursor(event)
    const pointer = this.pointers.get(event.pointerId)
    if (!pointer) return
    pointer.at = this.screenOf(event)
    if (this.pinch) {
      this.updatePinch()
      return
    }
    const active = this.active
    if (!active || active.pointerId !== event.pointerId) return
    // A stroke or the eraser started on the press itself, and must not lose its first pixels.
    if (!active.moved && !active.drag) {
      const start = active.press.sample.screen
      const slop = SLOP[event.pointerType] ?? 6
      if (Math.hypot(pointer.at.x - start.x, pointer.at.y - start.y) <= slop) return
      active.moved = true
      active.drag ??= active.plan.drag?.() ?? null
    }
    this.lastTap = null
    if (!active.drag) return
    const events = active.drag.fine ? event.getCoalescedEvents() : []
    for (const e of events.length > 0 ? events : [event]) active.drag.move(this.sample(e))
  }

  private readonly onUp = (event: PointerEvent) => {
    this.pointers.delete(event.pointerId)
    if (this.pinch) {
      if (this.pointers.size < 2) this.pinch = null
      return
    }
    const active = this.active
    if (!active || active.pointerId !== event.pointerId) return
    this.active = null
    if (active.drag) {
      active.drag.end(this.sample(event))
      return
    }
    if (!active.moved) this.tap(active, event)
  }

  private tap(active: Active, event: PointerEvent): void {
    const at = active.press.sample.screen
    const now = event.timeStamp
    const last = this.lastTap
    const near = DOUBLE_TAP_DISTANCE[event.pointerType] ?? 16
    const double =
      last !== null &&
      now - last.time < DOUBLE_TAP_MS &&
      Math.hypot(at.x - last.at.x, at.y - last.at.y) <= near
    this.lastTap = double ? null : { time: now, at }
    if (double && this.ctx.ui.get().tool === 'select') doubleTap(this.ctx, active.press)
    else active.plan.tap?.()
  }

  private readonly onCancel = (event: PointerEvent) => {
    this.pointers.delete(event.pointerId)
    if (this.pointers.size < 2) this.pinch = null
    if (this.active?.pointerId === event.pointerId) this.cancel()
  }

  private updatePinch(): void {
    const touches = [...this.pointers.values()].filter((p) => p.type === 'touch')
    const previous = this.pinch
    if (touches.length < 2 || !previous) return
    const next = pinchOf(touches)
    this.ctx.camera.panBy(next.mid.x - previous.mid.x, next.mid.y - previous.mid.y)
    if (previous.distance > 0) this.ctx.camera.zoomAt(next.mid, next.distance / previous.distance)
    this.pinch = next
  }

  private readonly onWheel = (event: WheelEvent) => {
    // Over the text editor the wheel scrolls its text.
    if (!(event.target instanceof HTMLCanvasElement)) return
    event.preventDefault()
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.ctx.stage.height() : 1
    const dx = event.deltaX * unit
    const dy = event.deltaY * unit
    // Browsers report a trackpad pinch as a wheel with ctrlKey set.
    if (event.ctrlKey || event.metaKey) {
      // A pinch sends many small deltas, a mouse wheel a few large ones: cap each step.
      const step = Math.max(-WHEEL_ZOOM_CAP, Math.min(WHEEL_ZOOM_CAP, dy))
      this.ctx.camera.zoomAt(this.screenOf(event), Math.exp(-step * 0.005))
    } else if (event.shiftKey && dx === 0) {
      this.ctx.camera.panBy(-dy, 0)
    } else {
      this.ctx.camera.panBy(-dx, -dy)
    }
  }

  private readonly onSpace = (event: KeyboardEvent) => {
    if (event.key !== ' ' || event.target !== this.el) return
    event.preventDefault()
    this.spaceHeld = event.type === 'keydown'
  }

  private readonly onBlur = () => {
    this.spaceHeld = false
    // A click elsewhere (a toolbar button) in between makes the next click a first click again.
    this.lastTap = null
  }

  private trackCursor(event: PointerEvent): void {
    this.cursor = this.ctx.camera.toBoard(this.screenOf(event))
    this.cursorTimer ??= setTimeout(() => {
      this.cursorTimer = undefined
      const { x, y } = this.cursor ?? { x: 0, y: 0 }
      if (this.cursor) this.ctx.session.setCursor({ x: Math.round(x), y: Math.round(y) })
    }, CURSOR_MS)
  }

  private readonly onLeave = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return
    clearTimeout(this.cursorTimer)
    this.cursorTimer = undefined
    this.cursor = null
    this.ctx.session.setCursor(null)
  }
}

function pinchOf(touches: { at: Point }[]): { distance: number; mid: Point } {
  const [a, b] = touches
  if (!a || !b) return { distance: 0, mid: { x: 0, y: 0 } }
  return {
    distance: Math.hypot(a.at.x - b.at.x, a.at.y - b.at.y),
    mid: { x: (a.at.x + b.at.x) / 2, y: (a.at.y + b.at.y) / 2 },
  }
}
