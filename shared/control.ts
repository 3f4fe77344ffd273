// The board's control room: a second Y.Doc per board that only the facilitator link may write
// (the relay enforces that per room). For now it holds the MDO step; timer, rounds and locks follow.
import type * as Y from 'yjs'
import { BoardError, type Problem } from './errors.ts'
import { STEP_LABELS, type Label } from './labels.ts'

export const STEP_IDS = [
  'voorbereiding',
  'start',
  'overzicht',
  'inzicht',
  'uitzicht',
  'afronding',
] as const
export type StepId = (typeof STEP_IDS)[number]

export interface ControlStep {
  id: StepId
  /** 1 to 6, as the method numbers them. */
  number: number
  label: Label
}

export const CONTROL_STEPS: readonly ControlStep[] = STEP_IDS.map((id, index) => ({
  id,
  number: index + 1,
  label: STEP_LABELS[id],
}))

export interface ControlState {
  step: StepId
}

const controlMap = (controlDoc: Y.Doc) => controlDoc.getMap<unknown>('control')

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value)
}

export function setStep(controlDoc: Y.Doc, step: StepId, origin?: unknown): void {
  if (!isStepId(step)) throw new BoardError(`unknown step '${String(step)}'`)
  controlDoc.transact(() => controlMap(controlDoc).set('step', step), origin)
}

/** The control state; a missing step means the meeting is still being prepared. */
export function readControl(controlDoc: Y.Doc): { control: ControlState; problems: Problem[] } {
  const step = controlMap(controlDoc).get('step')
  if (step === undefined || isStepId(step)) {
    return { control: { step: step ?? 'voorbereiding' }, problems: [] }
  }
  return {
    control: { step: 'voorbereiding' },
    problems: [{ reason: 'control.step is not a step' }],
  }
}
