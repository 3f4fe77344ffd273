// Where a point goes that someone starts during a private round without its text yet (a double
// click, the sticky tool, an outline button): the command gate (commandGate.ts) hands it here, and
// "Mijn concepten" (panels/DraftsPanel.tsx) opens its form with that kind and place, ready to type.
import type { NewDraft } from './commandGate.ts'

export interface DraftRequest extends NewDraft {
  /** Counts requests, so asking twice for the same place still moves the focus. */
  seq: number
}

export class DraftComposer {
  private pending: DraftRequest | null = null
  private seq = 0
  private readonly listeners = new Set<() => void>()

  open(draft: NewDraft): void {
    this.seq += 1
    this.pending = { ...draft, seq: this.seq }
    for (const listener of [...this.listeners]) listener()
  }

  /** The latest request once; the form that takes it fills itself in. */
  take(): DraftRequest | null {
    const request = this.pending
    this.pending = null
    return request
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
