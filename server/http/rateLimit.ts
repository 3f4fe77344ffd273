// Limits how often one key (a client address, a board) may do something: a token bucket per key,
// forgotten once it is full again so the map stays small. Board creation and heavy work use it.
const HOUR_MS = 3_600_000

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  /** `capacity` tokens per `periodMs` (an hour unless told), refilled evenly; 0 means no limit. */
  constructor(
    private readonly capacity: number,
    private readonly now: () => number,
    private readonly periodMs = HOUR_MS,
  ) {}

  /**
   * Takes `count` tokens for `key` (several boards made at once), never more than a full bucket;
   * returns the seconds to wait when there are not enough, taking none.
   */
  take(key: string, count = 1): number {
    const wait = this.waitFor(key, count)
    if (wait > 0) return wait
    const bucket = this.buckets.get(key)
    if (bucket) bucket.tokens -= this.needed(count)
    return 0
  }

  /** The seconds `key` would have to wait for `count` tokens; takes none. */
  waitFor(key: string, count = 1): number {
    if (this.capacity <= 0) return 0
    const needed = this.needed(count)
    const now = this.now()
    const refillPerMs = this.capacity / this.periodMs
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now }
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * refillPerMs)
    bucket.at = now
    this.buckets.set(key, bucket)
    if (this.buckets.size > 10_000) this.prune(now, refillPerMs, key)
    if (bucket.tokens >= needed) return 0
    return Math.max(1, Math.ceil((needed - bucket.tokens) / refillPerMs / 1000))
  }

  private needed(count: number): number {
    return Math.min(Math.max(1, count), this.capacity)
  }

  private prune(now: number, refillPerMs: number, keep: string): void {
    for (const [key, bucket] of this.buckets) {
      if (key === keep) continue
      if (bucket.tokens + (now - bucket.at) * refillPerMs >= this.capacity) this.buckets.delete(key)
    }
  }
}

/**
 * Heavy work (a PDF, a board import, a board's JSON made anew) is counted per client address and
 * per board: one address cannot keep the workers busy, nor can many addresses on one board.
 */
export class HeavyWorkLimiter {
  private readonly perAddress: RateLimiter
  private readonly perBoard: RateLimiter

  constructor(
    limits: { perAddressPerMinute: number; perBoardPerMinute: number },
    now: () => number,
  ) {
    this.perAddress = new RateLimiter(limits.perAddressPerMinute, now, 60_000)
    this.perBoard = new RateLimiter(limits.perBoardPerMinute, now, 60_000)
  }

  /** Takes one job for the address (and the board, when there is one); else the seconds to wait. */
  take(address: string, boardId?: string): number {
    const wait = Math.max(
      this.perAddress.waitFor(address),
      boardId === undefined ? 0 : this.perBoard.waitFor(boardId),
    )
    if (wait > 0) return wait
    this.perAddress.take(address)
    if (boardId !== undefined) this.perBoard.take(boardId)
    return 0
  }
}
