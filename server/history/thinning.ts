// Which versions of a board to let go once it has many, so its history stays bounded over the
// weeks a board may live: every recent version, then one per hour, then one per day.
import type { VersionInfo } from '../store/types.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface ThinningRule {
  /** The newest this many are always kept, whatever their age. */
  keepNewest: number
  /** Older versions younger than this keep one per hour; older still, one per day. */
  hourlyFor: number
}

export const DEFAULT_THINNING: ThinningRule = { keepNewest: 30, hourlyFor: 7 * DAY }

/** The numbers of the versions to delete; `versions` newest first, as the store lists them. */
export function versionsToThin(
  versions: readonly VersionInfo[],
  now: number,
  rule: ThinningRule = DEFAULT_THINNING,
): number[] {
  const seen = new Set<string>()
  const drop: number[] = []
  versions.forEach((version, index) => {
    const age = now - version.at
    const bucket =
      age < rule.hourlyFor
        ? `h${Math.floor(version.at / HOUR)}`
        : `d${Math.floor(version.at / DAY)}`
    // Newest first, so the first one met in a bucket is the last one of that hour or day.
    const kept = index < rule.keepNewest || !seen.has(bucket)
    seen.add(bucket)
    if (!kept) drop.push(version.n)
  })
  return drop
}
