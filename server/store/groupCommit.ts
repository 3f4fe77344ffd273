// Collects updates from every room and writes them in one transaction per window, so a burst of
// edits costs one commit instead of one per keystroke.
import type { DocKind, PendingUpdate, Store } from './types.ts'

export class GroupCommit {
  private queue: PendingUpdate[] = []
  private timer: NodeJS.Timeout | null = null
  private inFlight: Promise<void> = Promise.resolve()

  constructor(
    private readonly store: Store,
    private readonly windowMs: number,
    private readonly onWritten: (bytes: number) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  enqueue(boardId: string, kind: DocKind, update: Uint8Array): void {
    this.queue.push({ boardId, kind, update })
    this.timer ??= setTimeout(() => void this.flush(), this.windowMs)
  }

  /** Writes everything queued so far; resolves when it is on disk. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const batch = this.queue
    this.queue = []
    if (batch.length > 0) {
      this.inFlight = this.inFlight.then(async () => {
        try {
          this.onWritten(await this.store.appendUpdates(batch))
        } catch (err) {
          this.onError(err)
        }
      })
    }
    return this.inFlight
  }

  /** Forgets queued rows of a deleted board. */
  discard(boardId: string): void {
    this.queue = this.queue.filter((row) => row.boardId !== boardId)
  }
}
