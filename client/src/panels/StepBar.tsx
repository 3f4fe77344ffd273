// The template's steps (the six MDO steps, a workshop's own, or none) as small chips floating over
// the top of the canvas: the step the table is at (the whole list on demand, the current one
// marked in words and shape, never colour alone), what to work on now, the timer and what the
// facilitator has set (a round, a vote, locks, the end). The facilitator moves through the steps
// with previous and next or the list, and opens the guiding questions.
import { useEffect, useId, useRef } from 'react'
import {
  currentStep,
  STEP_GUIDES,
  stepBesideIn,
  stepsOf,
  type ControlState,
  type StepId,
} from '../../../shared/index.ts'
import { useLabel, useStrings } from '../i18n.ts'
import type { ControlCommands } from '../state/control.ts'
import { Timer } from './Timer.tsx'
import './facilitation.css'
import './hud.css'

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
  const menu = useRef<HTMLDetailsElement>(null)
  const steps = stepsOf(template)
  const current = currentStep(template, control.step)
  const guide = current && STEP_GUIDES[current.id]
  const closeMenu = () => {
    if (menu.current) menu.current.open = false
  }
  // The list of steps folds away again on a press elsewhere or Escape, like the other menus.
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      const details = menu.current
      if (details?.open && !(event.target instanceof Node && details.contains(event.target)))
        details.open = false
    }
    const onKey = (event: KeyboardEvent) => {
      const details = menu.current
      if (event.key !== 'Escape' || !details?.open) return
      details.open = false
      details.querySelector('summary')?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [])
  const move = (step: StepId) => {
    commands.setStep(step)
    closeMenu()
  }
  return (
    <section
      className="stepbar"
      data-testid="stepbar"
      data-step={current?.id ?? 'none'}
      aria-label={current ? t.steps : t.tables.controlBar}
    >
      {current && (
        <div className="step-control hud-chip">
          {facilitator && (
            <button
              type="button"
              className="step-nav"
              aria-label={t.previousStep}
              title={t.previousStep}
              disabled={current.number === 1}
              onClick={() => move(stepBesideIn(template, current.id, -1))}
            >
              ‹
            </button>
          )}
          <details ref={menu} className="step-menu">
            <summary className="step-current" title={t.steps}>
              <span className="visually-hidden">{t.stepCount(current.number, steps.length)}: </span>
              <span className="step-number" aria-hidden="true">
                {current.number}
              </span>
              <span className="step-current-label">{label(current.label)}</span>
              <span className="step-total" aria-hidden="true">
                /{steps.length}
              </span>
            </summary>
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
                      <button type="button" aria-pressed={here} onClick={() => move(step.id)}>
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
          </details>
          {facilitator && (
            <button
              type="button"
              className="step-nav"
              aria-label={t.nextStep}
              title={t.nextStep}
              disabled={current.number === steps.length}
              onClick={() => move(stepBesideIn(template, current.id, 1))}
            >
              ›
            </button>
          )}
        </div>
      )}
      {facilitator && guide && (
        <details className="step-guide hud-chip">
          <summary id={`${id}-guide`} title={t.guidingQuestions}>
            <span aria-hidden="true">?</span>
            <span className="visually-hidden">{t.guidingQuestions}</span>
          </summary>
          <ul aria-labelledby={`${id}-guide`}>
            {guide.questions.map((question) => (
              <li key={question.nl}>{label(question)}</li>
            ))}
          </ul>
        </details>
      )}
      {guide && (
        <p
          className="step-focus hud-chip"
          data-testid="step-focus"
          title={label(guide.focus)}
          tabIndex={0}
        >
          <strong>{t.workNow}:</strong> {label(guide.focus)}
        </p>
      )}
      <ControlBadges control={control} />
      <Timer timer={control.timer} facilitator={facilitator} commands={commands} notify={notify} />
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
        <li key={badge.key} className="badge hud-chip" data-badge={badge.key}>
          {badge.text}
        </li>
      ))}
    </ul>
  )
}
