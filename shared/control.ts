// The board's control room: a second Y.Doc per board that only the facilitator link may write
// (the relay enforces that per room). It holds how the meeting is led: the MDO step, the timer,
// the current round and vote, locks, follow-me, hidden cursors and whether the meeting has ended.
// Like the content doc it is never trusted on read: a bad value becomes its default plus a Problem.
import type * as Y from 'yjs'
import { z } from 'zod'
import { BoardError, describeIssues, type Problem } from './errors.ts'
import { isItemId, type ItemId } from './ids.ts'
import { STEP_LABELS, type Label } from './labels.ts'
import type { BoxRole, StickyKind } from './schema.ts'
import { timerSchema, type TimerState } from './timer.ts'

export * from './timer.ts'

export const STEP_IDS = [
  'voorbereiding',
  'start',
  'overzicht',
  'inzicht',
  'uitzicht',
  'afronding',
] as const
export type StepId = (typeof STEP_IDS)[number]

/** Where on the board the table works during a step: the canvas and toolbar highlight these. */
export interface StepFocus {
  circles: boolean
  arrows: boolean
  boxes: readonly BoxRole[]
  kinds: readonly StickyKind[]
}

export interface ControlStep {
  id: StepId
  /** 1 to 6, as the method numbers them. */
  number: number
  label: Label
  focus: StepFocus
}

const STEP_FOCUS: Record<StepId, StepFocus> = {
  voorbereiding: { circles: false, arrows: false, boxes: ['questions'], kinds: ['question'] },
  start: { circles: false, arrows: false, boxes: ['questions'], kinds: ['question'] },
  overzicht: { circles: true, arrows: false, boxes: [], kinds: ['plus', 'minus', 'question'] },
  inzicht: { circles: true, arrows: true, boxes: [], kinds: ['note'] },
  uitzicht: { circles: true, arrows: false, boxes: [], kinds: ['goal', 'need'] },
  afronding: { circles: false, arrows: false, boxes: ['agreements'], kinds: ['top', 'tip'] },
}

export const CONTROL_STEPS: readonly ControlStep[] = STEP_IDS.map((id, index) => ({
  id,
  number: index + 1,
  label: STEP_LABELS[id],
  focus: STEP_FOCUS[id],
}))

export interface RoundState {
  id: string
  /** Ik-ronde: drafts stay on each device until the reveal. A Wij-ronde is not private. */
  private: boolean
  /** Revealed drafts enter the board without their author's name. */
  anonymous: boolean
  phase: 'writing' | 'revealed'
  startedAt: number
  revealedAt: number | null
}

export interface VotingState {
  id: string
  /** Dots per person. */
  budget: number
  /** Counts are shown only after the vote closes (hidden in the UI, not cryptographically). */
  hidden: boolean
  closed: boolean
}

/** A part of the board in board coordinates, as the facilitator sees it. */
export interface ViewBox {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

export interface ControlState {
  step: StepId
  timer: TimerState | null
  round: RoundState | null
  /** Every private round revealed so far: a device that was offline publishes its drafts late. */
  revealedRounds: string[]
  voting: VotingState | null
  /** Participants cannot change anything on the board; the facilitator can. */
  boardLocked: boolean
  /** Items participants cannot move or edit (nor what they hold, for a circle or box). */
  lockedItems: ItemId[]
  /** Participants' views follow `view`, the facilitator's. */
  followMe: boolean
  view: ViewBox | null
  /** "Bring everyone to my view": a one-time jump, told apart by `at`. */
  summon: { at: number; view: ViewBox } | null
  cursorsHidden: boolean
  /** The meeting is over: the board is read-only for everyone but the facilitator. */
  ended: boolean
}

export const DEFAULT_CONTROL: ControlState = {
  step: 'voorbereiding',
  timer: null,
  round: null,
  revealedRounds: [],
  voting: null,
  boardLocked: false,
  lockedItems: [],
  followMe: false,
  view: null,
  summon: null,
  cursorsHidden: false,
  ended: false,
}

export const LIMITS_CONTROL = {
  /** Dots per person in a vote. */
  budget: { min: 1, max: 20 },
  /** A timer runs at most this long: a whole meeting. */
  timerMs: 4 * 60 * 60 * 1000,
} as const

const controlMap = (controlDoc: Y.Doc) => controlDoc.getMap<unknown>('control')
const lockedMap = (controlDoc: Y.Doc) => controlDoc.getMap<unknown>('lockedItems')
const revealedMap = (controlDoc: Y.Doc) => controlDoc.getMap<unknown>('revealedRounds')

const roundIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected a short id' })
const time = z.number().min(0).max(Number.MAX_SAFE_INTEGER)
const coordinate = z.number().min(-1_000_000).max(1_000_000)

const viewSchema = z
  .object({ minX: coordinate, minY: coordinate, maxX: coordinate, maxY: coordinate })
  .refine((box) => box.maxX > box.minX && box.maxY > box.minY, { error: 'an empty view' })

const FIELD_SCHEMAS = {
  step: z.enum(STEP_IDS),
  timer: timerSchema.nullable(),
  round: z
    .object({
      id: roundIdSchema,
      private: z.boolean(),
      anonymous: z.boolean(),
      phase: z.enum(['writing', 'revealed']),
      startedAt: time,
      revealedAt: time.nullable(),
    })
    .nullable(),
  voting: z
    .object({
      id: roundIdSchema,
      budget: z.number().int().min(LIMITS_CONTROL.budget.min).max(LIMITS_CONTROL.budget.max),
      hidden: z.boolean(),
      closed: z.boolean(),
    })
    .nullable(),
  boardLocked: z.boolean(),
  followMe: z.boolean(),
  view: viewSchema.nullable(),
  summon: z.object({ at: time, view: viewSchema }).nullable(),
  cursorsHidden: z.boolean(),
  ended: z.boolean(),
} satisfies Partial<Record<keyof ControlState, z.ZodType>>

type Field = keyof typeof FIELD_SCHEMAS

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value)
}

/** Checks a value as readers will, then writes it: a command never stores what reads as bad. */
function setField<F extends Field>(
  controlDoc: Y.Doc,
  field: F,
  value: ControlState[F],
  origin: unknown,
): void {
  const parsed = FIELD_SCHEMAS[field].safeParse(value)
  if (!parsed.success) throw new BoardError(`invalid ${field}: ${describeIssues(parsed.error)}`)
  controlDoc.transact(() => controlMap(controlDoc).set(field, value), origin)
}

/** The control state; a missing field reads as its default (a meeting still being prepared). */
export function readControl(controlDoc: Y.Doc): { control: ControlState; problems: Problem[] } {
  const map = controlMap(controlDoc)
  const problems: Problem[] = []
  const control: ControlState = { ...DEFAULT_CONTROL }
  for (const field of Object.keys(FIELD_SCHEMAS) as Field[]) {
    const value = map.get(field)
    if (value === undefined) continue
    const parsed = FIELD_SCHEMAS[field].safeParse(value)
    if (parsed.success) Object.assign(control, { [field]: parsed.data })
    else if (field === 'step') problems.push({ reason: 'control.step is not a step' })
    else problems.push({ reason: `control.${field}: ${describeIssues(parsed.error)}` })
  }
  control.lockedItems = readIds(lockedMap(controlDoc), 'lockedItems', problems).filter(isItemId)
  control.revealedRounds = readIds(revealedMap(controlDoc), 'revealedRounds', problems)
  return { control, problems }
}

/** Keys of a set-like map, sorted; bad keys are reported and skipped. */
function readIds(map: Y.Map<unknown>, name: string, problems: Problem[]): string[] {
  const ids: string[] = []
  let bad = 0
  for (const key of map.keys()) {
    const ok = name === 'lockedItems' ? isItemId(key) : roundIdSchema.safeParse(key).success
    if (ok) ids.push(key)
    else bad++
  }
  if (bad > 0) problems.push({ reason: `control.${name}: skipped ${bad} invalid id(s)` })
  return ids.sort()
}

// Steps

export function setStep(controlDoc: Y.Doc, step: StepId, origin?: unknown): void {
  if (!isStepId(step)) throw new BoardError(`unknown step '${String(step)}'`)
  setField(controlDoc, 'step', step, origin)
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
  setField(
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
  setField(controlDoc, 'timer', { ...timer, remainingMs, startedAt: null }, origin)
}

/** Runs a paused timer on from what was left. */
export function resumeTimer(controlDoc: Y.Doc, now: number, origin?: unknown): void {
  checkNow(now)
  const { timer } = readControl(controlDoc).control
  if (!timer || timer.startedAt !== null || timer.remainingMs <= 0) return
  setField(controlDoc, 'timer', { ...timer, startedAt: now }, origin)
}

export function clearTimer(controlDoc: Y.Doc, origin?: unknown): void {
  setField(controlDoc, 'timer', null, origin)
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
  setField(controlDoc, 'round', round, origin)
}

/** Everyone's drafts of the current round may now enter the board; revealing twice changes nothing. */
export function revealRound(controlDoc: Y.Doc, now: number, origin?: unknown): void {
  checkNow(now)
  const { round } = readControl(controlDoc).control
  if (!round) throw new BoardError('there is no round to reveal')
  if (round.phase === 'revealed') return
  controlDoc.transact(() => {
    setField(controlDoc, 'round', { ...round, phase: 'revealed', revealedAt: now }, origin)
    if (round.private) revealedMap(controlDoc).set(round.id, now)
  }, origin)
}

/** Closes the round; drafts of a revealed round still arrive from devices that were offline. */
export function endRound(controlDoc: Y.Doc, origin?: unknown): void {
  setField(controlDoc, 'round', null, origin)
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
  setField(controlDoc, 'voting', { ...opts, closed: false }, origin)
}

/** Ends the vote: no more dots, and hidden counts are shown. */
export function closeVoting(controlDoc: Y.Doc, origin?: unknown): void {
  const { voting } = readControl(controlDoc).control
  if (!voting) throw new BoardError('there is no vote to close')
  setField(controlDoc, 'voting', { ...voting, closed: true }, origin)
}

export function clearVoting(controlDoc: Y.Doc, origin?: unknown): void {
  setField(controlDoc, 'voting', null, origin)
}

// Locks

export function lockBoard(controlDoc: Y.Doc, locked: boolean, origin?: unknown): void {
  setField(controlDoc, 'boardLocked', locked, origin)
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

// Presence: follow me, bring everyone here, hide cursors

export function setFollowMe(
  controlDoc: Y.Doc,
  on: boolean,
  view: ViewBox | null,
  origin?: unknown,
): void {
  controlDoc.transact(() => {
    setField(controlDoc, 'followMe', on, origin)
    setField(controlDoc, 'view', on ? view : null, origin)
  }, origin)
}

/** While follow-me is on, the facilitator's client keeps the view current. */
export function shareView(controlDoc: Y.Doc, view: ViewBox, origin?: unknown): void {
  if (!readControl(controlDoc).control.followMe) return
  setField(controlDoc, 'view', view, origin)
}

export function bringEveryoneHere(
  controlDoc: Y.Doc,
  view: ViewBox,
  now: number,
  origin?: unknown,
): void {
  checkNow(now)
  setField(controlDoc, 'summon', { at: now, view }, origin)
}

export function hideCursors(controlDoc: Y.Doc, hidden: boolean, origin?: unknown): void {
  setField(controlDoc, 'cursorsHidden', hidden, origin)
}

// The end of the meeting

/** The board turns read-only for participants; a running timer stops. */
export function endMeeting(controlDoc: Y.Doc, now: number, origin?: unknown): void {
  checkNow(now)
  controlDoc.transact(() => {
    pauseTimer(controlDoc, now, origin)
    setField(controlDoc, 'ended', true, origin)
  }, origin)
}

export function reopenMeeting(controlDoc: Y.Doc, origin?: unknown): void {
  setField(controlDoc, 'ended', false, origin)
}
