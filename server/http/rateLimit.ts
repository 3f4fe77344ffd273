// Limits how many boards one client address may create: a token bucket per address, forgotten
// once it is full again so the map stays small.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly perHour: number,
    private readonly now: () => number,
  ) {}

  /**
   * Takes `count` tokens for `key` (several boards made at once), never more than a full bucket;
   * returns the seconds to wait when there are not enough, taking none.
   */
  take(key: string, count = 1): number {
    const needed = Math.min(Math.max(1, count), this.perHour)
    const now = this.now()
    const refillPerMs = this.perHour / 3_600_000
    const bucket = this.buckets.get(key) ?? { tokens: this.perHour, at: now }
    bucket.tokens = Math.min(this.perHour, bucket.tokens + (now - bucket.at) * refillPerMs)
    bucket.at = now
    if (bucket.tokens < needed) {
      this.buckets.set(key, bucket)
      return Math.ceil((needed - bucket.tokens) / refillPerMs / 1000)
    }
    bucket.tokens -= needed
    this.buckets.set(key, bucket)
    if (this.buckets.size > 10_000) this.prune(now, refillPerMs)
    return 0
  }

  private prune(now: number, refillPerMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * refillPerMs >= this.perHour) this.buckets.delete(key)
    }
  }
}
