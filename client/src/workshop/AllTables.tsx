// "Voor alle tafels": the leader moves every table to a step, runs one timer and one round for
// all of them, and reveals the round everywhere at once.
import { useState } from 'react'
import {
  CONTROL_STEPS,
  pauseTimer,
  revealRound,
  setStep,
  startRound,
  startTimer,
  type StepId,
} from '../../../shared/index.ts'
import { useLabel, useStrings } from '../i18n.ts'
import type { ControlDocs } from './useControlDocs.ts'

const MINUTES = [3, 5, 10, 15, 20] as const
/** Marks the leader's own changes in each table's control room. */
const ORIGIN = { workshop: 'leader' }

export function AllTables({ controls }: { controls: ControlDocs }) {
  const t = useStrings()
  const label = useLabel()
  const [step, setStepChoice] = useState<StepId>('overzicht')
  const [minutes, setMinutes] = useState<number>(5)
  const [message, setMessage] = useState<string | null>(null)
  const live = [...controls.docs.values()].filter((watched) => watched.live())

  /**
   * A button that runs one command on every connected table, at one moment, and says how many it
   * reached. A table the command does not fit (no round to reveal there) is skipped; the others
   * still get it.
   */
  const forAll = (
    text: string,
    run: (doc: (typeof live)[number]['doc'], now: number) => void,
    done: (n: number) => string,
    primary = false,
  ) => (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      disabled={live.length === 0}
      onClick={() => {
        const now = Date.now()
        let reached = 0
        for (const watched of live) {
          try {
            run(watched.doc, now)
            reached++
          } catch {
            // Counted out below: the message names how many tables it reached.
          }
        }
        setMessage(done(reached))
      }}
    >
      {text}
    </button>
  )

  return (
    <section
      className="card all-tables"
      aria-labelledby="all-tables-title"
      data-testid="all-tables"
    >
      <h2 id="all-tables-title">{t.workshop.allTables}</h2>
      <div className="workshop-actions">
        <label className="field inline">
          <span>{t.workshop.step}</span>
          <select value={step} onChange={(event) => setStepChoice(event.target.value as StepId)}>
            {CONTROL_STEPS.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.number}. {label(choice.label)}
              </option>
            ))}
          </select>
        </label>
        {forAll(
          t.workshop.setStep,
          (doc) => setStep(doc, step, ORIGIN),
          (n) => t.workshop.stepSet(label(CONTROL_STEPS.find((s) => s.id === step)!.label), n),
        )}
      </div>
      <div className="workshop-actions">
        <label className="field inline">
          <span>{t.workshop.minutes}</span>
          <select value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
            {MINUTES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        {forAll(
          t.workshop.startTimer,
          (doc, now) => startTimer(doc, { durationMs: minutes * 60_000, now }, ORIGIN),
          (n) => t.workshop.timerStarted(minutes, n),
        )}
        {forAll(
          t.workshop.pauseTimer,
          (doc, now) => pauseTimer(doc, now, ORIGIN),
          (n) => t.workshop.timerPaused(n),
        )}
      </div>
      <div className="workshop-actions">
        {forAll(
          t.workshop.startRound,
          // One id for the round on every table, from the one moment: the same round, together.
          (doc, now) =>
            startRound(doc, { id: `ws${now.toString(36)}`, private: true, now }, ORIGIN),
          (n) => t.workshop.roundStarted(n),
        )}
        {forAll(
          t.workshop.reveal,
          (doc, now) => revealRound(doc, now, ORIGIN),
          (n) => t.workshop.revealed(n),
          true,
        )}
      </div>
      <p role="status" className="note">
        {message}
      </p>
    </section>
  )
}
