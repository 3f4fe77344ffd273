// Updates that build on changes the relay lacks yet, held per sender in the order they came: a
// client's edits that overtook the sync step 2 bringing those changes after a reconnect. Each is
// tried again once another update applied; a sender that piles them up is cut off by the room.

/** What one connection may have waiting: a reconnect's few edits. */
const MAX_HELD = { updates: 64, bytes: 1024 * 1024 }

export interface Held {
  update: Uint8Array
  frame: Uint8Array | null
}

export class HeldUpdates<P> {
  private readonly bySender = new Map<P, { updates: Held[]; bytes: number }>()

  get size(): number {
    return this.bySender.size
  }

  /** Holds an update back; false once the sender holds more than a reconnect explains. */
  hold(sender: P, held: Held): boolean {
    let queue = this.bySender.get(sender)
    if (!queue) this.bySender.set(sender, (queue = { updates: [], bytes: 0 }))
    queue.updates.push(held)
    queue.bytes += held.update.byteLength
    return queue.updates.length <= MAX_HELD.updates && queue.bytes <= MAX_HELD.bytes
  }

  forget(sender: P): void {
    this.bySender.delete(sender)
  }

  /**
   * Tries the held updates again until no more applies: `take` says what became of one. A sender
   * that is gone, or refused meanwhile (forget), loses the rest of its queue.
   */
  retry(
    isOpen: (sender: P) => boolean,
    take: (sender: P, held: Held) => 'applied' | 'waiting' | 'dropped',
  ): void {
    for (let progress = true; progress;) {
      progress = false
      for (const [sender, queue] of this.bySender) {
        if (!isOpen(sender)) {
          this.bySender.delete(sender)
          continue
        }
        for (const held of [...queue.updates]) {
          const outcome = take(sender, held)
          if (outcome === 'waiting') continue
          if (!this.bySender.has(sender)) break // refused: its queue is gone
          queue.updates.splice(queue.updates.indexOf(held), 1)
          queue.bytes -= held.update.byteLength
          progress ||= outcome === 'applied'
        }
        if (queue.updates.length === 0) this.bySender.delete(sender)
      }
    }
  }
}
