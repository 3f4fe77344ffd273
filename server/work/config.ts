// Settings of the worker pool that makes PDFs, imports board files and makes board JSON, and of the
// limits on that heavy work (docs/api.md, docs/deploy.md).
import { availableParallelism } from 'node:os'

export interface WorkConfig {
  /** Worker threads; each runs one job at a time. */
  threads: number
  /** Jobs that may wait for a free thread; past that a request is answered 503 at once. */
  maxQueued: number
  /** A job running longer is stopped (its thread ended and replaced) and answered 503. */
  jobTimeoutMs: number
  /** Heavy jobs one client address may start per minute (0: no limit). */
  perAddressPerMinute: number
  /** Heavy jobs one board may cause per minute, whoever asks (0: no limit). */
  perBoardPerMinute: number
}

/** One core stays for the event loop: one thread on two cores, two on three or four, … */
export const defaultThreads = (cores = availableParallelism()) =>
  Math.max(1, Math.min(4, cores - 1))

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`)
  }
  return value
}

export function readWorkConfig(env: NodeJS.ProcessEnv = process.env): WorkConfig {
  return {
    threads: count(env, 'WORK_THREADS', defaultThreads(), 1),
    maxQueued: count(env, 'WORK_QUEUE', 16),
    jobTimeoutMs: count(env, 'WORK_TIMEOUT_MS', 60_000, 1),
    perAddressPerMinute: count(env, 'HEAVY_PER_ADDRESS_PER_MINUTE', 30),
    perBoardPerMinute: count(env, 'HEAVY_PER_BOARD_PER_MINUTE', 20),
  }
}
