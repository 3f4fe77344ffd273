// The facilitator's control document as React sees it, and its commands: one typed registry,
// bound to a session (or, on the workshop overview, to each table's control room). Only the
// facilitator link writes here; the relay drops anyone else's writes to the control doc.
import { useEffect, useState, useSyncExternalStore } from 'react'
import * as shared from '../../../shared/index.ts'
import type { ControlState, ItemId, StepId, ViewBox } from '../../../shared/index.ts'
import type { ControlSession } from '../sync/controlSession.ts'
import type { AccessRole } from '../sync/session.ts'
import { skipRefused, type CommandTarget } from './commands.ts'

export function useControl(control: ControlSession): ControlState {
  return useSyncExternalStore(control.subscribe, control.state)
}

/** The clock, ticking every `ms` while `active`; a timer shows from it, nothing is stored. */
export function useNow(active: boolean, ms = 250): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [active, ms])
  return now
}

/** A control room to write, and the clock its timers and rounds are stamped with. */
export interface ControlTarget extends CommandTarget {
  now(): number
}

interface RoundOptions {
  private: boolean
  anonymous: boolean
  /** One id for the same round on several tables (the workshop); a fresh one otherwise. */
  id?: string
}

export const CONTROL_COMMANDS = {
  setStep: ({ doc, origin }: ControlTarget, step: StepId) => shared.setStep(doc, step, origin),
  startTimer: ({ doc, origin, now }: ControlTarget, durationMs: number) =>
    shared.startTimer(doc, { durationMs, now: now() }, origin),
  pauseTimer: ({ doc, origin, now }: ControlTarget) => shared.pauseTimer(doc, now(), origin),
  resumeTimer: ({ doc, origin, now }: ControlTarget) => shared.resumeTimer(doc, now(), origin),
  clearTimer: ({ doc, origin }: ControlTarget) => shared.clearTimer(doc, origin),
  startRound: ({ doc, origin, now }: ControlTarget, { id, ...opts }: RoundOptions) =>
    shared.startRound(doc, { ...opts, id: id ?? shared.randomIds(), now: now() }, origin),
  revealRound: ({ doc, origin, now }: ControlTarget) => shared.revealRound(doc, now(), origin),
  endRound: ({ doc, origin }: ControlTarget) => shared.endRound(doc, origin),
  startVoting: ({ doc, origin }: ControlTarget, opts: { budget: number; hidden: boolean }) =>
    shared.startVoting(doc, { ...opts, id: shared.randomIds() }, origin),
  closeVoting: ({ doc, origin }: ControlTarget) => shared.closeVoting(doc, origin),
  clearVoting: ({ doc, origin }: ControlTarget) => shared.clearVoting(doc, origin),
  lockBoard: ({ doc, origin }: ControlTarget, locked: boolean) =>
    shared.lockBoard(doc, locked, origin),
  lockItems: ({ doc, origin }: ControlTarget, ids: readonly ItemId[], locked: boolean) =>
    shared.lockItems(doc, ids, locked, origin),
  setFollowMe: ({ doc, origin }: ControlTarget, on: boolean, view: ViewBox | null) =>
    shared.setFollowMe(doc, on, view, origin),
  shareView: ({ doc, origin }: ControlTarget, view: ViewBox) => shared.shareView(doc, view, origin),
  bringEveryoneHere: ({ doc, origin, now }: ControlTarget, view: ViewBox) =>
    shared.bringEveryoneHere(doc, view, now(), origin),
  hideCursors: ({ doc, origin }: ControlTarget, hidden: boolean) =>
    shared.hideCursors(doc, hidden, origin),
  endMeeting: ({ doc, origin, now }: ControlTarget) => shared.endMeeting(doc, now(), origin),
  reopenMeeting: ({ doc, origin }: ControlTarget) => shared.reopenMeeting(doc, origin),
  setNextMeeting: ({ doc, origin }: ControlTarget, when: string | null) =>
    shared.setNextMeeting(doc, when, origin),
  addAttendee: ({ doc, origin, now }: ControlTarget, role: string, name: string) =>
    shared.addAttendee(doc, { id: shared.randomIds(), role, name, now: now() }, origin),
  removeAttendee: ({ doc, origin }: ControlTarget, id: string, removed: boolean) =>
    shared.removeAttendee(doc, id, removed, origin),
} satisfies Record<string, (target: ControlTarget, ...args: never[]) => void>

type Tail<A> = A extends [unknown, ...infer Rest] ? Rest : never

/** Each control command says whether it ran: a table a command does not fit is skipped. */
export type ControlCommands = {
  [K in keyof typeof CONTROL_COMMANDS]: (
    ...args: Tail<Parameters<(typeof CONTROL_COMMANDS)[K]>>
  ) => boolean
}

/** Only the facilitator's copy gets working commands; the relay would drop anyone else's. */
export function bindControlCommands(target: ControlTarget, access: AccessRole): ControlCommands {
  const entries = Object.entries(CONTROL_COMMANDS) as [
    string,
    (target: ControlTarget, ...args: unknown[]) => void,
  ][]
  return Object.fromEntries(
    entries.map(([name, command]) => [
      name,
      (...args: unknown[]) => {
        if (access !== 'facilitator') return false
        const ran = skipRefused(name, () => {
          command(target, ...args)
          return true
        })
        return ran === true
      },
    ]),
  ) as ControlCommands
}
