// The board's control room: a second Y.Doc per board that only the facilitator link may write
// (the relay enforces that per room). These are its commands, the facilitator's: each checks what
// it writes as readers will (controlState.ts) and runs in one transaction; the clock is passed in.
import type * as Y from 'yjs'
import {
  lockedMap,
  LIMITS_CONTROL,
  readControl,
  revealedMap,
  setControlField,
  isStepId,
  STEP_IDS,
  type ControlState,
  type RoundState,
  type StepId,
  type ViewBox,
} from './controlState.ts'
import { BoardError } from './errors.ts'
import { isItemId, type ItemId } from './ids.ts'

export * from './attendance.ts'
export * from './controlState.ts'
export * from './timer.ts'

// Steps

export function setStep(controlDoc: Y.Doc, step: StepId, origin?: unknown): void {
  if (!isStepId(step)) throw new BoardError(`unknown step '${String(step)}'`)
  setControlField(controlDoc, 'step', step, origin)
}

/** The step after (or, with -1, before) the current one; the ends stay where they are. */
export function stepBeside(step: StepId, direction: 1 | -1): StepId {
  const at = STEP_IDS.indexOf(step)
  return STEP_IDS[Math.max(0, Math.min(STEP_IDS.length - 1, at + direction))] ?? step
}

// Timer: state in the doc (when it started, what was left), never a running interval, so it
// survives reloads and reads the same on every device (up to the devices' clock difference).

function checkNow(now: number): void {
  if (!Number.isFinite(now) || now < 0) throw new BoardError('now must be a time in ms')
}

export function startTimer(
  controlDoc: Y.Doc,
  opts: { durationMs: number; now: number },
  origin?: unknown,
): void {
  checkNow(opts.now)
  const { durationMs } = opts
  if (!Number.isFinite(durationMs) || durationMs <= 0 || durationMs > LIMITS_CONTROL.timerMs) {
    throw new BoardError('a timer runs from one second up to four hours')
  }
  setControlField(
    controlDoc,
    'timer',
    { durationMs, remainingMs: durationMs, startedAt: opts.now },
    origin,
  )
}

/** Stops the clock and keeps what is left; a timer that is not running stays as it is. */
export function pauseTimer(controlDoc: Y.Doc, now: number, origin?: unknown): void {
  checkNow(now)
  const { timer } = readControl(controlDoc).control
  if (!timer || timer.startedAt === null) return
  const remainingMs = Math.max(0, timer.remainingMs - Math.max(0, now - timer.startedAt))
  setControlField(controlDoc, 'timer', { ...timer, remainingMs, startedAt: null }, origin)
}

/** Runs a paused timer on from what was left. */
export function resumeTimer(controlDoc: Y.Doc, now: number, origin?: unknown): void {
  checkNow(now)
  const { timer } = readControl(controlDoc).control
  if (!timer || timer.startedAt !== null || timer.remainingMs <= 0) return
  setControlField(controlDoc, 'timer', { ...timer, startedAt: now }, origin)
}

export function clearTimer(controlDoc: Y.Doc, origin?: unknown): void {
  setControlField(controlDoc, 'timer', null, origin)
}

// Rounds

export function startRound(
  controlDoc: Y.Doc,
  opts: { id: string; private: boolean; anonymous?: boolean; now: number },
  origin?: unknown,
): void {
  checkNow(opts.now)
  const round: RoundState = {
    id: opts.id,
    private: opts.private,
    anonymous: opts.anonymous ?? false,
    phase: 'writing',
    startedAt: opts.now,
    revealedAt: null,
  }
  if (revealedMap(controlDoc).has(opts.id)) {
    throw new BoardError(`round ${opts.id} was revealed already; a new round needs a new id`)
  }
  setControlField(controlDoc, 'round', round, origin)
}

/** Everyone's drafts of the current round may now enter the board; revealing twice changes nothing. */
export function revealRound(controlDoc: Y.Doc, now: number, origin?: unknown): void {
  checkNow(now)
  const { round } = readControl(controlDoc).control
  if (!round) throw new BoardError('there is no round to reveal')
  if (round.phase === 'revealed') return
  controlDoc.transact(() => {
    setControlField(controlDoc, 'round', { ...round, phase: 'revealed', revealedAt: now }, origin)
    if (round.private) revealedMap(controlDoc).set(round.id, now)
  }, origin)
}

/** Closes the round; drafts of a revealed round still arrive from devices that were offline. */
export function endRound(controlDoc: Y.Doc, origin?: unknown): void {
  setControlField(controlDoc, 'round', null, origin)
}

// Voting

export function startVoting(
  controlDoc: Y.Doc,
  opts: { id: string; budget: number; hidden: boolean },
  origin?: unknown,
): void {
  const { budget } = opts
  if (!Number.isInteger(budget) || budget < 1 || budget > LIMITS_CONTROL.budget.max) {
    throw new BoardError(`a budget is a whole number from 1 to ${LIMITS_CONTROL.budget.max}`)
  }
  setControlField(controlDoc, 'voting', { ...opts, closed: false }, origin)
}

/** Ends the vote: no more dots, and hidden counts are shown. */
export function closeVoting(controlDoc: Y.Doc, origin?: unknown): void {
  const { voting } = readControl(controlDoc).control
  if (!voting) throw new BoardError('there is no vote to close')
  setControlField(controlDoc, 'voting', { ...voting, closed: true }, origin)
}

export function clearVoting(controlDoc: Y.Doc, origin?: unknown): void {
  setControlField(controlDoc, 'voting', null, origin)
}

// Locks

export function lockBoard(controlDoc: Y.Doc, locked: boolean, origin?: unknown): void {
  setControlField(controlDoc, 'boardLocked', locked, origin)
}

export function lockItems(
  controlDoc: Y.Doc,
  ids: readonly ItemId[],
  locked: boolean,
  origin?: unknown,
): void {
  for (const id of ids) if (!isItemId(id)) throw new BoardError(`not an item id: ${String(id)}`)
  controlDoc.transact(() => {
    const map = lockedMap(controlDoc)
    for (const id of ids) {
      if (locked) map.set(id, true)
      else map.delete(id)
    }
  }, origin)
}

/**
 * Whether a participant may change an item: not on a locked or ended board, not a locked item,
 * not what a locked circle or box holds. The facilitator is never held back.
 */
export function isItemLocked(
  control: ControlState,
  item: { id: ItemId; parent?: ItemId },
): boolean {
  if (control.boardLocked || control.ended) return true
  const locked = control.lockedItems
  return locked.includes(item.id) || (item.parent !== undefined && locked.includes(item.parent))
}

/**
 * What a participant's change is, for the lock rule: dots are not edits, and revealed drafts
 * come in at the facilitator's word (a reveal), so neither is held back by a lock.
 */
export type ChangeKind = 'edit' | 'vote' | 'publish'

/**
 * The lock rule, as the client's command gate and the relay apply it: why a participant may not
 * make this change now ('ended', 'locked'), or null. `items` are the items it touches, each with
 * the circle or box it is in (an item moving into a container counts once for each). Callers
 * skip the facilitator, whom nothing here holds back.
 */
export function lockRefusal(
  control: ControlState,
  kind: ChangeKind,
  items: readonly { id: ItemId; parent?: ItemId }[],
): 'ended' | 'locked' | null {
  if (control.ended) return 'ended'
  if (kind === 'vote' || (kind === 'publish' && control.revealedRounds.length > 0)) return null
  if (control.boardLocked) return 'locked'
  return items.some((item) => isItemLocked(control, item)) ? 'locked' : null
}

// Presence: follow me, bring everyone here, hide cursors

export function setFollowMe(
  controlDoc: Y.Doc,
  on: boolean,
  view: ViewBox | null,
  origin?: unknown,
): void {
  controlDoc.transact(() => {
    setControlField(controlDoc, 'followMe', on, origin)
    setControlField(controlDoc, 'view', on ? view : null, origin)
  }, origin)
}

/** While follow-me is on, the facilitator's client keeps the view current. */
export function shareView(controlDoc: Y.Doc, view: ViewBox, origin?: unknown): void {
  if (!readControl(controlDoc).control.followMe) return
  setControlField(controlDoc, 'view', view, origin)
}

export function bringEveryoneHere(
  controlDoc: Y.Doc,
  view: ViewBox,
  now: number,
  origin?: unknown,
): void {
  checkNow(now)
  setControlField(controlDoc, 'summon', { at: now, view }, origin)
}

export function hideCursors(controlDoc: Y.Doc, hidden: boolean, origin?: unknown): void {
  setControlField(controlDoc, 'cursorsHidden', hidden, origin)
}

// The end of the meeting

/** The board turns read-only for participants; a running timer stops. */
export function endMeeting(controlDoc: Y.Doc, now: number, origin?: unknown): void {
  checkNow(now)
  controlDoc.transact(() => {
    pauseTimer(controlDoc, now, origin)
    setControlField(controlDoc, 'ended', true, origin)
  }, origin)
}

export function reopenMeeting(controlDoc: Y.Doc, origin?: unknown): void {
  setControlField(controlDoc, 'ended', false, origin)
}

/** The date (and perhaps time) of the next meeting, for the report; null clears it. */
export function setNextMeeting(controlDoc: Y.Doc, when: string | null, origin?: unknown): void {
  setControlField(controlDoc, 'nextMeeting', when, origin)
}
