// Pan and zoom move the Konva Stage directly, never through React state, so a frame costs one
// redraw and no render. Listeners hear every move (to throttle their own work) and when it settles;
// a jump (zoom to fit, centre on an item) is one move that no other follows, so it settles at once.
import type Konva from 'konva'
import type { Box, Point } from './geometry.ts'
import { READABLE_PX, STICKY_MIN_FONT } from './theme.ts'

export const MIN_SCALE = 0.02
export const MAX_SCALE = 4
/**
 * Below this scale stickies are drawn as a coloured rectangle with their symbol, without text:
 * a normal sticky's smallest text would be less than READABLE_PX on screen.
 */
export const CHEAP_SCALE = READABLE_PX / STICKY_MIN_FONT
/** Below this scale a sticky is only its colour: its symbol would be a few pixels high. */
export const TINY_SCALE = 0.1
/** The camera counts as settled this long after its last move. */
const SETTLE_MS = 150
/** Margin around the board when zooming to fit, in screen pixels; less on a narrow screen. */
const FIT_PADDING = 48
const FIT_PADDING_SHARE = 0.04
/**
 * An upright screen opens on the board's core (its circles) instead of the whole board when that
 * shows the core this much larger: on a phone the whole MDO board would be a strip of 20 px
 * stickies, the boxes beside the circles are a pan away.
 */
const CORE_GAIN = 1.5

/** How much of an item is drawn at a zoom level; changes only when a threshold is crossed. */
export type Detail = 'full' | 'cheap' | 'tiny'

export function detailAt(scale: number): Detail {
  return scale >= CHEAP_SCALE ? 'full' : scale >= TINY_SCALE ? 'cheap' : 'tiny'
}

export type CameraListener = (settled: boolean) => void

export class Camera {
  private readonly listeners = new Set<CameraListener>()
  private settleTimer: ReturnType<typeof setTimeout> | undefined
  private moving = false
  /** The quiet layers' hit graphs are off (since the last move) and stale. */
  private quiet = false

  /**
   * `quietLayers` stop drawing their hit graph while the camera moves: nobody can click during a
   * pan, and skipping it halves the cost of each frame on a big board. See ensureHitGraph.
   */
  constructor(
    private readonly stage: Konva.Stage,
    private readonly quietLayers: () => readonly Konva.Layer[],
  ) {}

  scale(): number {
    return this.stage.scaleX()
  }

  /** The part of the board on screen, in board coordinates. */
  viewport(): Box {
    const s = this.scale()
    const { x, y } = this.stage.position()
    return {
      minX: -x / s,
      minY: -y / s,
      maxX: (this.stage.width() - x) / s,
      maxY: (this.stage.height() - y) / s,
    }
  }

  /** Converts a point in stage pixels (relative to the canvas container) to board coordinates. */
  toBoard(screen: Point): Point {
    const s = this.scale()
    const { x, y } = this.stage.position()
    return { x: (screen.x - x) / s, y: (screen.y - y) / s }
  }

  toScreen(board: Point): Point {
    const s = this.scale()
    const { x, y } = this.stage.position()
    return { x: board.x * s + x, y: board.y * s + y }
  }

  panBy(dx: number, dy: number): void {
    const { x, y } = this.stage.position()
    this.set(x + dx, y + dy, this.scale())
  }

  /** Zooms by `factor`, keeping the board point under `screen` where it is. */
  zoomAt(screen: Point, factor: number): void {
    const before = this.toBoard(screen)
    const scale = clampScale(this.scale() * factor)
    this.set(screen.x - before.x * scale, screen.y - before.y * scale, scale)
  }

  zoomBy(factor: number): void {
    this.zoomAt({ x: this.stage.width() / 2, y: this.stage.height() / 2 }, factor)
  }

  /** The opening view: the whole board, or on an upright screen its core (see CORE_GAIN). */
  open(board: Box | null, core: Box | null): void {
    const upright = this.stage.height() > this.stage.width()
    if (board && core && upright && this.fitScale(core) > CORE_GAIN * this.fitScale(board)) {
      this.fit(core)
    } else {
      this.fit(board)
    }
  }

  /** Shows all of `box`, centred; a board with nothing on it shows the area around the origin. */
  fit(box: Box | null, padding = this.padding()): void {
    const target = box ?? { minX: -600, minY: -400, maxX: 600, maxY: 400 }
    const scale = this.fitScale(target, padding)
    const cx = (target.minX + target.maxX) / 2
    const cy = (target.minY + target.maxY) / 2
    this.jump(this.stage.width() / 2 - cx * scale, this.stage.height() / 2 - cy * scale, scale)
  }

  private padding(): number {
    return Math.min(FIT_PADDING, FIT_PADDING_SHARE * this.stage.width())
  }

  private fitScale(box: Box, padding = this.padding()): number {
    const width = Math.max(1, box.maxX - box.minX)
    const height = Math.max(1, box.maxY - box.minY)
    const room = (size: number) => Math.max(1, size - 2 * padding)
    return clampScale(
      Math.min(room(this.stage.width()) / width, room(this.stage.height()) / height),
    )
  }

  centerOn(point: Point): void {
    const s = this.scale()
    this.jump(this.stage.width() / 2 - point.x * s, this.stage.height() / 2 - point.y * s, s)
  }

  subscribe(listener: CameraListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Makes the hit graph current before hit testing a press. It stays off after a move until
   * something needs it: a pan that ends without a click then costs no hit redraw at all.
   */
  ensureHitGraph(): void {
    if (this.moving) this.settle()
    if (!this.quiet) return
    this.quiet = false
    for (const layer of this.quietLayers()) {
      layer.listening(true)
      layer.drawHit()
    }
  }

  /** The stage changed size: the viewport did too, though the camera did not move. */
  resized(): void {
    for (const listener of [...this.listeners]) listener(true)
  }

  destroy(): void {
    clearTimeout(this.settleTimer)
  }

  /** A move in a gesture: listeners hear it as moving until SETTLE_MS pass without another. */
  private set(x: number, y: number, scale: number): void {
    if (!this.place(x, y, scale)) return
    this.moving = true
    this.settleTimer = setTimeout(() => this.settle(), SETTLE_MS)
    for (const listener of [...this.listeners]) listener(false)
  }

  /**
   * A move no other follows: listeners hear it settled now, so the view shows what is there
   * without first waiting out the settle timer (the first zoom to fit of a big board would).
   */
  private jump(x: number, y: number, scale: number): void {
    if (this.place(x, y, scale)) this.settle()
  }

  private place(x: number, y: number, scale: number): boolean {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false
    clearTimeout(this.settleTimer)
    this.stage.scale({ x: scale, y: scale })
    this.stage.position({ x, y })
    // The hit graph is drawn again only when a press needs it (ensureHitGraph), not every move.
    if (!this.quiet) {
      this.quiet = true
      for (const layer of this.quietLayers()) layer.listening(false)
    }
    return true
  }

  private settle(): void {
    clearTimeout(this.settleTimer)
    this.moving = false
    for (const listener of [...this.listeners]) listener(true)
  }
}

function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale))
}
