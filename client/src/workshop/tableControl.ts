// The control-room commands the overview runs on every table at once: one place that points at
// shared/control.ts, so the overview uses exactly the facilitator's own commands.
import type * as Y from 'yjs'
import {
  pauseTimer,
  revealRound,
  setStep,
  startRound,
  startTimer,
  type StepId,
} from '../../../shared/index.ts'

export interface TableControl {
  setStep(controlDoc: Y.Doc, step: StepId, origin?: unknown): void
  startTimer:
    | ((controlDoc: Y.Doc, opts: { durationMs: number; now: number }, origin?: unknown) => void)
    | null
  pauseTimer: ((controlDoc: Y.Doc, now: number, origin?: unknown) => void) | null
  startRound:
    | ((
        controlDoc: Y.Doc,
        opts: { id: string; private: boolean; anonymous?: boolean; now: number },
        origin?: unknown,
      ) => void)
    | null
  revealRound: ((controlDoc: Y.Doc, now: number, origin?: unknown) => void) | null
}

export const tableControl: TableControl = {
  setStep,
  startTimer,
  pauseTimer,
  startRound,
  revealRound,
}
