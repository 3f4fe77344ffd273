// Where the items being dragged are right now, before the move is committed: arrows attached to
// them read it so they follow the drag. Updates at most once a frame; clearing is immediate, so
// the commit and the end of the preview land in the same render.
import type { ItemId } from '../../../shared/index.ts'

export interface DragOffset {
  ids: ReadonlySet<ItemId>
  dx: number
  dy: number
}

export class DragPreview {
  private value: DragOffset | null = null
  private pending: DragOffset | null = null
  private frame = 0
  private readonly listeners = new Set<() => void>()

  get = (): DragOffset | null => this.value

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  set(value: DragOffset): void {
    this.pending = value
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0
      this.publish(this.pending)
    })
  }

  clear(): void {
    cancelAnimationFrame(this.frame)
    this.frame = 0
    this.pending = null
    if (this.value !== null) this.publish(null)
  }

  private publish(value: DragOffset | null): void {
    this.value = value
    for (const listener of [...this.listeners]) listener()
  }
}
