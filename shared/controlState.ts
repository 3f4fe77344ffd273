// What the board's control room holds and how it is read: the MDO step, the timer, the current
// round and vote, locks, follow-me, hidden cursors and the end of the meeting. Like the content
// doc it is never trusted: a bad value reads as its default plus a Problem. Commands: control.ts.
import type * as Y from 'yjs'
import { z } from 'zod'
import { BoardError, describeIssues, type Problem } from './errors.ts'
import { isItemId, type ItemId } from './ids.ts'
import { STEP_LABELS, type Label } from './labels.ts'
import type { BoxRole, StickyKind } from './schema.ts'
import { timerSchema, type TimerState } from './timer.ts'

/** The six steps of the MDO, in the method's order. */
export const MDO_STEP_IDS = [
  'voorbereiding',
  'start',
  'overzicht',
  'inzicht',
  'uitzicht',
  'afronding',
] as const
export type MdoStepId = (typeof MDO_STEP_IDS)[number]
/** The workshop templates' own steps; templates/method.ts says which template walks which. */
export const WORKSHOP_STEP_IDS = [
  'ik-ronde',
  'wij-ronde',
  'delen',
  'kiezen',
  'concreet',
  'feed-up',
  'feed-back',
  'feed-forward',
  'behouden',
  'verbeteren',
] as const
export type StepId = MdoStepId | (typeof WORKSHOP_STEP_IDS)[number]
/** The MDO steps, which stepBeside walks; any step a template has may be stored (isStepId). */
export const STEP_IDS: readonly StepId[] = MDO_STEP_IDS
const ANY_STEP_IDS = [...MDO_STEP_IDS, ...WORKSHOP_STEP_IDS] as const

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

const STEP_FOCUS: Record<MdoStepId, StepFocus> = {
  voorbereiding: { circles: false, arrows: false, boxes: ['questions'], kinds: ['question'] },
  start: { circles: false, arrows: false, boxes: ['questions'], kinds: ['question'] },
  overzicht: { circles: true, arrows: false, boxes: [], kinds: ['plus', 'minus', 'question'] },
  inzicht: { circles: true, arrows: true, boxes: [], kinds: ['note'] },
  uitzicht: { circles: true, arrows: false, boxes: [], kinds: ['goal', 'need'] },
  afronding: { circles: false, arrows: false, boxes: ['agreements'], kinds: ['top', 'tip'] },
}

export const CONTROL_STEPS: readonly ControlStep[] = MDO_STEP_IDS.map((id, index) => ({
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
  /**
   * When the next meeting is, as the facilitator set it: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM', the
   * time as said at the table, with no time zone (a report prints it as it was set).
   */
  nextMeeting: string | null
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
  nextMeeting: null,
}

export const LIMITS_CONTROL = {
  /** Dots per person in a vote. */
  budget: { min: 1, max: 20 },
  /** A timer runs at most this long: a whole meeting. */
  timerMs: 4 * 60 * 60 * 1000,
} as const

export const controlMap = (controlDoc: Y.Doc) => controlDoc.getMap<unknown>('control')
export const lockedMap = (controlDoc: Y.Doc) => controlDoc.getMap<unknown>('lockedItems')
export const revealedMap = (controlDoc: Y.Doc) => controlDoc.getMap<unknown>('revealedRounds')

const roundIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected a short id' })
const time = z.number().min(0).max(Number.MAX_SAFE_INTEGER)
const coordinate = z.number().min(-1_000_000).max(1_000_000)

const viewSchema = z
  .object({ minX: coordinate, minY: coordinate, maxX: coordinate, maxY: coordinate })
  .refine((box) => box.maxX > box.minX && box.maxY > box.minY, { error: 'an empty view' })

const FIELD_SCHEMAS = {
  step: z.enum(ANY_STEP_IDS),
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
  nextMeeting: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, { error: 'expected YYYY-MM-DD[THH:MM]' })
    .refine(isCalendarDate, { error: 'not a date on the calendar' })
    .nullable(),
} satisfies Partial<Record<keyof ControlState, z.ZodType>>

type Field = keyof typeof FIELD_SCHEMAS

/** '2027-02-30' and '2027-01-10T25:00' match the pattern but are no moment of any day. */
function isCalendarDate(value: string): boolean {
  const [date = '', time = '00:00'] = value.split('T')
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const day = new Date(Date.UTC(y, m - 1, d))
  return (
    day.getUTCFullYear() === y &&
    day.getUTCMonth() === m - 1 &&
    day.getUTCDate() === d &&
    hh < 24 &&
    mm < 60
  )
}

const isRoundId = (key: string): key is string => roundIdSchema.safeParse(key).success

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (ANY_STEP_IDS as readonly string[]).includes(value)
}

/** Checks a value as readers will, then writes it: a command never stores what reads as bad. */
export function setControlField<F extends Field>(
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
  control.lockedItems = readIds(lockedMap(controlDoc), 'lockedItems', isItemId, problems)
  control.revealedRounds = readIds(revealedMap(controlDoc), 'revealedRounds', isRoundId, problems)
  return { control, problems }
}

/** Keys of a set-like map, sorted; bad keys are reported and skipped. */
function readIds<T extends string>(
  map: Y.Map<unknown>,
  name: string,
  valid: (key: string) => key is T,
  problems: Problem[],
): T[] {
  const ids: T[] = []
  let bad = 0
  for (const key of map.keys()) {
    if (valid(key)) ids.push(key)
    else bad++
  }
  if (bad > 0) problems.push({ reason: `control.${name}: skipped ${bad} invalid id(s)` })
  return ids.sort()
}
