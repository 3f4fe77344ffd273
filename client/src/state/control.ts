// The facilitator's control document as React sees it, its commands bound to this session, and
// the gate that keeps participants' hands off what the facilitator locked. The relay drops a
// participant's writes to the control doc and refuses content updates that break a lock.
import { useEffect, useState, useSyncExternalStore } from 'react'
import * as shared from '../../../shared/index.ts'
import {
  BoardError,
  lockRefusal,
  type ChangeKind,
  type ControlState,
  type ItemId,
  type StepId,
  type ViewBox,
} from '../../../shared/index.ts'
import type { ControlSession } from '../sync/controlSession.ts'
import type { AccessRole } from '../sync/session.ts'
import type { BoardIndex } from './boardIndex.ts'
import type { BoardCommands } from './commands.ts'

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

function controlCommandsFor(session: ControlSession) {
  const { doc, origin } = session
  const now = () => Date.now()
  return {
    setStep: (step: StepId) => shared.setStep(doc, step, origin),
    startTimer: (durationMs: number) => shared.startTimer(doc, { durationMs, now: now() }, origin),
    pauseTimer: () => shared.pauseTimer(doc, now(), origin),
    resumeTimer: () => shared.resumeTimer(doc, now(), origin),
    clearTimer: () => shared.clearTimer(doc, origin),
    startRound: (opts: { private: boolean; anonymous: boolean }) =>
      shared.startRound(doc, { ...opts, id: shared.randomIds(), now: now() }, origin),
    revealRound: () => shared.revealRound(doc, now(), origin),
    endRound: () => shared.endRound(doc, origin),
    startVoting: (opts: { budget: number; hidden: boolean }) =>
      shared.startVoting(doc, { ...opts, id: shared.randomIds() }, origin),
    closeVoting: () => shared.closeVoting(doc, origin),
    clearVoting: () => shared.clearVoting(doc, origin),
    lockBoard: (locked: boolean) => shared.lockBoard(doc, locked, origin),
    lockItems: (ids: readonly ItemId[], locked: boolean) =>
      shared.lockItems(doc, ids, locked, origin),
    setFollowMe: (on: boolean, view: ViewBox | null) => shared.setFollowMe(doc, on, view, origin),
    shareView: (view: ViewBox) => shared.shareView(doc, view, origin),
    bringEveryoneHere: (view: ViewBox) => shared.bringEveryoneHere(doc, view, now(), origin),
    hideCursors: (hidden: boolean) => shared.hideCursors(doc, hidden, origin),
    endMeeting: () => shared.endMeeting(doc, now(), origin),
    reopenMeeting: () => shared.reopenMeeting(doc, origin),
  }
}

export type ControlCommands = ReturnType<typeof controlCommandsFor>

/** Only the facilitator's copy gets working commands; the relay would drop anyone else's. */
export function bindControlCommands(session: ControlSession, access: AccessRole): ControlCommands {
  const raw = controlCommandsFor(session)
  return Object.fromEntries(
    Object.entries(raw).map(([name, command]) => [
      name,
      (...args: unknown[]) => {
        if (access !== 'facilitator') return
        try {
          ;(command as (...a: unknown[]) => void)(...args)
        } catch (error) {
          if (!(error instanceof BoardError)) throw error
          console.warn(`control command skipped: ${error.message}`)
        }
      },
    ]),
  ) as ControlCommands
}

/** Commands whose first argument is the item (or items) they change. */
const ITEM_COMMANDS = new Set<keyof BoardCommands>([
  'moveItems',
  'resizeItem',
  'bringToFront',
  'setParent',
  'dropItems',
  'deleteItems',
  'setText',
  'setStickyKind',
  'setStickyColor',
  'setItemStyle',
  'setArrowValence',
  'setAgreementStatus',
  'setQuestionFields',
  'setActionFields',
])

/** What a command is to the lock rule of shared/control.ts: dots and reveals are not edits. */
const changeKind = (name: keyof BoardCommands): ChangeKind =>
  name === 'castVote' || name === 'retractVote'
    ? 'vote'
    : name === 'publishDrafts'
      ? 'publish'
      : 'edit'

/**
 * The board commands as a participant may use them now: nothing on a locked or ended board,
 * nothing on a locked item (or inside a locked circle), and a notice saying why. The rule is
 * shared/control.ts' lockRefusal, the one the relay applies to every update (server/relay/rights.ts).
 */
export function gateCommands(
  commands: BoardCommands,
  deps: {
    access: AccessRole
    control: () => ControlState
    index: BoardIndex
    onRefused(reason: 'locked' | 'ended'): void
  },
): BoardCommands {
  if (deps.access === 'facilitator') return commands
  const refusal = (name: keyof BoardCommands, args: unknown[]): 'locked' | 'ended' | null => {
    const first = args[0]
    const ids: unknown[] = ITEM_COMMANDS.has(name) ? [first].flat() : []
    const input = first as { parent?: unknown } | undefined
    if (typeof input === 'object' && input && typeof input.parent === 'string') {
      ids.push(input.parent)
    }
    if (name === 'setParent' && typeof args[1] === 'string') ids.push(args[1])
    const items = ids.flatMap((id) => {
      const item = typeof id === 'string' ? deps.index.get(id as ItemId) : undefined
      return item ? [item] : []
    })
    return lockRefusal(deps.control(), changeKind(name), items)
  }
  return Object.fromEntries(
    Object.entries(commands).map(([name, command]) => [
      name,
      (...args: unknown[]) => {
        const reason = refusal(name as keyof BoardCommands, args)
        if (reason) {
          deps.onRefused(reason)
          return undefined
        }
        return (command as (...a: unknown[]) => unknown)(...args)
      },
    ]),
  ) as BoardCommands
}
