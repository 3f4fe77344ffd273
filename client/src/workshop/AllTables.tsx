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
   * Runs one command on every connected table and says how many it reached. A table the command
   * does not fit (no round to reveal there) is skipped; the others still get it.
   */
  function forAll(run: (doc: (typeof live)[number]['doc']) => void, done: (n: number) => string) {
    let reached = 0
    for (const watched of live) {
      try {
        run(watched.doc)
        reached++
      } catch {
        // Counted out below: the message names how many tables it reached.
      }
    }
    setMessage(done(reached))
  }

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
        <button
          type="button"
          disabled={live.length === 0}
          onClick={() =>
            forAll(
              (doc) => setStep(doc, step, ORIGIN),
              (n) => t.workshop.stepSet(label(CONTROL_STEPS.find((s) => s.id === step)!.label), n),
            )
          }
        >
          {t.workshop.setStep}
        </button>
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
        <button
          type="button"
          disabled={live.length === 0}
          onClick={() => {
            const now = Date.now()
            forAll(
              (doc) => startTimer(doc, { durationMs: minutes * 60_000, now }, ORIGIN),
              (n) => t.workshop.timerStarted(minutes, n),
            )
          }}
        >
          {t.workshop.startTimer}
        </button>
        <button
          type="button"
          disabled={live.length === 0}
          onClick={() => {
            const now = Date.now()
            forAll(
              (doc) => pauseTimer(doc, now, ORIGIN),
              (n) => t.workshop.timerPaused(n),
            )
          }}
        >
          {t.workshop.pauseTimer}
        </button>
      </div>
      <div className="workshop-actions">
        <button
          type="button"
          disabled={live.length === 0}
          onClick={() => {
            const now = Date.now()
            // One id for the round on every table: the same round, started together.
            const id = `ws${now.toString(36)}`
            forAll(
              (doc) => startRound(doc, { id, private: true, now }, ORIGIN),
              (n) => t.workshop.roundStarted(n),
            )
          }}
        >
          {t.workshop.startRound}
        </button>
        <button
          type="button"
          className="primary"
          disabled={live.length === 0}
          onClick={() => {
            const now = Date.now()
            forAll(
              (doc) => revealRound(doc, now, ORIGIN),
              (n) => t.workshop.revealed(n),
            )
          }}
        >
          {t.workshop.reveal}
        </button>
      </div>
      <p role="status" className="note">
        {message}
      </p>
    </section>
  )
}
