// "Voor alle tafels": the leader moves every table to a step of their template, runs one timer
// and one round for all of them, and reveals the round everywhere at once.
import { useMemo, useState } from 'react'
import { currentStep, readControl, stepsOf, type StepId } from '../../../shared/index.ts'
import { useLabel, useStrings } from '../i18n.ts'
import { bindControlCommands, type ControlCommands } from '../state/control.ts'
import type { ControlDocs } from './useControlDocs.ts'

const MINUTES = [3, 5, 10, 15, 20] as const
/** Marks the leader's own changes in each table's control room. */
const ORIGIN = { workshop: 'leader' }

interface Props {
  controls: ControlDocs
  /** The workshop's template, every table's: it decides the steps on offer. */
  template: string
}

export function AllTables({ controls, template }: Props) {
  const t = useStrings()
  const label = useLabel()
  const steps = stepsOf(template)
  const [choice, setChoice] = useState<StepId | null>(null)
  const [minutes, setMinutes] = useState<number>(5)
  const [message, setMessage] = useState<string | null>(null)
  const live = [...controls.docs.values()].filter((watched) => watched.live())
  // Until the leader picks one, the menu shows the step the first table is at, not some other.
  const first = live[0]?.doc
  const at = useMemo(
    () => (first ? currentStep(template, readControl(first).control.step) : null),
    // The doc is mutable: `version` says when to read it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [first, template, controls.version],
  )
  const step = steps.find((candidate) => candidate.id === choice) ?? at ?? steps[0]

  /**
   * A button that runs one control command on every connected table, at one moment, and says how
   * many it reached. A table the command does not fit (no round to reveal there) is skipped; the
   * others still get it. The leader holds every table's facilitator link.
   */
  const forAll = (
    text: string,
    run: (commands: ControlCommands, now: number) => boolean,
    done: (n: number) => string,
    primary = false,
  ) => (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      disabled={live.length === 0}
      onClick={() => {
        const now = Date.now()
        const reached = live.filter(({ doc }) => {
          const commands = bindControlCommands(
            { doc, origin: ORIGIN, now: () => now },
            'facilitator',
          )
          return run(commands, now)
        })
        setMessage(done(reached.length))
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
      {step && (
        <div className="workshop-actions">
          <label className="field inline">
            <span>{t.workshop.step}</span>
            <select value={step.id} onChange={(event) => setChoice(event.target.value as StepId)}>
              {steps.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.number}. {label(option.label)}
                </option>
              ))}
            </select>
          </label>
          {forAll(
            t.workshop.setStep,
            (commands) => commands.setStep(step.id),
            (n) => t.workshop.stepSet(label(step.label), n),
          )}
        </div>
      )}
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
          (commands) => commands.startTimer(minutes * 60_000),
          (n) => t.workshop.timerStarted(minutes, n),
        )}
        {forAll(
          t.workshop.pauseTimer,
          (commands) => commands.pauseTimer(),
          (n) => t.workshop.timerPaused(n),
        )}
      </div>
      <div className="workshop-actions">
        {forAll(
          t.workshop.startRound,
          // One id for the round on every table, from the one moment: the same round, together.
          (commands, now) =>
            commands.startRound({ id: `ws${now.toString(36)}`, private: true, anonymous: false }),
          (n) => t.workshop.roundStarted(n),
        )}
        {forAll(
          t.workshop.reveal,
          (commands) => commands.revealRound(),
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
