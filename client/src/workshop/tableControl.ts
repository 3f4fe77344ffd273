// The control-room commands the overview runs on every table at once. One place to point at
// shared/control.ts: the timer and round commands are used once they exist there; until then
// their buttons stay hidden.
import type * as Y from 'yjs'
import { setStep, type StepId } from '../../../shared/index.ts'

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
  startTimer: null,
  pauseTimer: null,
  startRound: null,
  revealRound: null,
}
