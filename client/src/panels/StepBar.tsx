// The template's steps (the six MDO steps, a workshop's own, or none) as a bar everyone sees, with
// the step the table is at marked in words and shape (never colour alone). The facilitator moves
// through them and reads guiding questions; the bar also carries the timer and what the
// facilitator has set: a round, a vote, locks, the end.
import { useId } from 'react'
import {
  currentStep,
  STEP_GUIDES,
  stepBesideIn,
  stepsOf,
  type ControlState,
} from '../../../shared/index.ts'
import { useLabel, useStrings } from '../i18n.ts'
import type { ControlCommands } from '../state/control.ts'
import { Timer } from './Timer.tsx'
import './facilitation.css'

interface Props {
  control: ControlState
  /** The board's template (its meta): it decides the steps. */
  template: string
  facilitator: boolean
  commands: ControlCommands
  notify(message: string): void
}

export function StepBar({ control, template, facilitator, commands, notify }: Props) {
  const t = useStrings()
  const label = useLabel()
  const id = useId()
  const steps = stepsOf(template)
  const current = currentStep(template, control.step)
  const guide = current && STEP_GUIDES[current.id]
  return (
    <section
      className="stepbar"
      data-testid="stepbar"
      data-step={current?.id ?? 'none'}
      aria-label={current ? t.steps : t.tables.controlBar}
    >
      <div className="stepbar-row">
        {facilitator && current && (
          <button
            type="button"
            className="step-nav"
            aria-label={t.previousStep}
            disabled={current.number === 1}
            onClick={() => commands.setStep(stepBesideIn(template, current.id, -1))}
          >
            ‹
          </button>
        )}
        {current && (
          <ol className="steps">
            {steps.map((step) => {
              const here = step.id === current.id
              const text = (
                <>
                  <span className="step-number" aria-hidden="true">
                    {step.number}
                  </span>
                  <span className="step-label">{label(step.label)}</span>
                </>
              )
              return (
                <li
                  key={step.id}
                  className={here ? 'step current' : 'step'}
                  data-step={step.id}
                  aria-current={here ? 'step' : undefined}
                >
                  {facilitator ? (
                    <button
                      type="button"
                      aria-pressed={here}
                      onClick={() => commands.setStep(step.id)}
                    >
                      <span className="visually-hidden">{t.stepOf(step.number, '')}</span>
                      {text}
                    </button>
                  ) : (
                    <span className="step-text">
                      <span className="visually-hidden">{t.stepOf(step.number, '')}</span>
                      {text}
                    </span>
                  )}
                </li>
              )
            })}
          </ol>
        )}
        {facilitator && current && (
          <button
            type="button"
            className="step-nav"
            aria-label={t.nextStep}
            disabled={current.number === steps.length}
            onClick={() => commands.setStep(stepBesideIn(template, current.id, 1))}
          >
            ›
          </button>
        )}
        <Timer
          timer={control.timer}
          facilitator={facilitator}
          commands={commands}
          notify={notify}
        />
      </div>
      <div className="stepbar-row stepbar-info">
        {guide && (
          <p className="step-focus" data-testid="step-focus">
            <strong>{t.workNow}:</strong> {label(guide.focus)}
          </p>
        )}
        <ControlBadges control={control} />
        {facilitator && guide && (
          <details className="step-guide">
            <summary id={`${id}-guide`}>{t.guidingQuestions}</summary>
            <ul aria-labelledby={`${id}-guide`}>
              {guide.questions.map((question) => (
                <li key={question.nl}>{label(question)}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  )
}

/** What the facilitator has set, in words, for everyone. */
function ControlBadges({ control }: { control: ControlState }) {
  const t = useStrings()
  const { round, voting } = control
  const badges: { key: string; text: string }[] = []
  if (control.ended) badges.push({ key: 'ended', text: t.meetingEnded })
  else if (control.boardLocked) badges.push({ key: 'locked', text: t.boardLocked })
  if (round) {
    const text = !round.private
      ? t.roundTogether
      : round.phase === 'writing'
        ? t.roundPrivateWriting
        : t.roundRevealed
    badges.push({ key: 'round', text })
  }
  if (voting) badges.push({ key: 'voting', text: voting.closed ? t.votingClosed : t.votingOpen })
  if (control.cursorsHidden) badges.push({ key: 'cursors', text: t.cursorsHidden })
  if (badges.length === 0) return null
  return (
    <ul className="control-badges" data-testid="control-badges">
      {badges.map((badge) => (
        <li key={badge.key} className="badge" data-badge={badge.key}>
          {badge.text}
        </li>
      ))}
    </ul>
  )
}
