// The meeting timer as data: how long it runs, when it last started and what was left then. Any
// device computes the time left from its own clock; nothing ticks in the document.
import { z } from 'zod'

export interface TimerState {
  durationMs: number
  /** When the timer last started or resumed; null while paused or stopped. */
  startedAt: number | null
  /** What was left at `startedAt`, or now when paused. */
  remainingMs: number
}

const ms = z.number().min(0).max(Number.MAX_SAFE_INTEGER)

export const timerSchema = z
  .object({ durationMs: ms, startedAt: ms.nullable(), remainingMs: ms })
  .refine((timer) => timer.remainingMs <= timer.durationMs, {
    error: 'more time left than the timer had',
  })

/** Milliseconds left at `now`, never below zero. */
export function timerRemaining(timer: TimerState, now: number): number {
  if (timer.startedAt === null) return timer.remainingMs
  return Math.max(0, timer.remainingMs - Math.max(0, now - timer.startedAt))
}

export function timerRunning(timer: TimerState | null, now: number): boolean {
  return timer !== null && timer.startedAt !== null && timerRemaining(timer, now) > 0
}

/** "4:05", or "1:02:03" past an hour; rounds up, so 0:00 means the time is really up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`
}
