// What both stores share about versions (server/history/): the columns a listing reads and the
// rule that keeps two relay processes from storing the same trigger twice.
import type { NewVersion, VersionInfo, VersionReason } from './types.ts'

/** The columns of a version without its bytes. */
export const VERSION_INFO = 'n, at, step, points, reason, bytes'

export interface VersionInfoRow {
  n: number
  /** PostgreSQL returns a BIGINT as a string. */
  at: number | string
  step: string | null
  points: number
  reason: string
  bytes: number
}

export const toVersionInfo = (row: VersionInfoRow): VersionInfo => ({
  n: Number(row.n),
  at: Number(row.at),
  step: row.step,
  points: Number(row.points),
  reason: row.reason as VersionReason,
  bytes: Number(row.bytes),
})

/** Whether `version` repeats the newest one closely enough to be left out (Store.addVersion). */
export function isDuplicate(
  newest: VersionInfo | undefined,
  version: NewVersion,
  dedupeMs: number | undefined,
): boolean {
  return (
    dedupeMs !== undefined &&
    newest !== undefined &&
    newest.reason === version.reason &&
    newest.step === version.step &&
    newest.at >= version.at - dedupeMs
  )
}
