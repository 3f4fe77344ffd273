// The facilitator's controls beside the board: rounds (Ik-ronde, reveal, Wij-ronde), a dot vote,
// locks, follow-me and hidden cursors, the next meeting's date and the end of the meeting.
// Everything set here is written to the control doc, which only the facilitator link may change.
import { useId, useState, type RefObject } from 'react'
import { LIMITS_CONTROL, type ControlState } from '../../../shared/index.ts'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'
import { useStrings } from '../i18n.ts'
import type { ControlCommands } from '../state/control.ts'
import { useUi } from '../state/hooks.ts'
import type { UiState, UiStore } from '../state/ui.ts'
import { Check } from './Check.tsx'
import { HistoryPanel } from './HistoryPanel.tsx'
import { NextMeetingDate } from './NextMeetingDate.tsx'

interface Props {
  control: ControlState
  commands: ControlCommands
  ui: UiStore
  apiRef: RefObject<CanvasApi | null>
  notify(message: string): void
  /** The board and the facilitator's token, for the history of versions (HistoryPanel). */
  history?: { boardId: string; token: string }
}

const selectSelection = (state: UiState) => state.selection

export function FacilitatorPanel({ control, commands, ui, apiRef, notify, history }: Props) {
  const t = useStrings()
  const id = useId()
  const selection = useUi(ui, selectSelection)
  const [anonymous, setAnonymous] = useState(false)
  const [budget, setBudget] = useState(3)
  const [hidden, setHidden] = useState(false)
  const [historyOpen, setHistoryOpen] = useState(false)
  const { round, voting } = control
  const view = () => apiRef.current?.viewport() ?? null
  const lockedSelection =
    selection.length > 0 && selection.every((item) => control.lockedItems.includes(item))

  return (
    <div className="facilitator-panel" data-testid="facilitator-panel">
      <fieldset>
        <legend>{t.rounds}</legend>
        {(!round || round.phase === 'revealed' || !round.private) && (
          <>
            <p className="hint">{t.ikRoundHint}</p>
            <Check label={t.anonymousRound} checked={anonymous} onChange={setAnonymous} />
            <div className="button-row">
              <button
                type="button"
                data-action="start-private-round"
                onClick={() => commands.startRound({ private: true, anonymous })}
              >
                {t.ikRound}
              </button>
              <button
                type="button"
                data-action="start-together-round"
                onClick={() => commands.startRound({ private: false, anonymous: false })}
              >
                {t.wijRound}
              </button>
            </div>
          </>
        )}
        {round?.private && round.phase === 'writing' && (
          <button
            type="button"
            className="primary"
            data-action="reveal"
            onClick={() => commands.revealRound()}
          >
            {t.reveal}
          </button>
        )}
        {round && (
          <button type="button" onClick={() => commands.endRound()}>
            {t.endRound}
          </button>
        )}
      </fieldset>

      <fieldset>
        <legend>{t.voting}</legend>
        {!voting || voting.closed ? (
          <>
            <label className="field" htmlFor={`${id}-budget`}>
              <span>{t.votingBudget}</span>
            </label>
            <input
              id={`${id}-budget`}
              type="number"
              inputMode="numeric"
              min={LIMITS_CONTROL.budget.min}
              max={LIMITS_CONTROL.budget.max}
              value={budget}
              onChange={(event) => setBudget(Number(event.target.value))}
            />
            <Check label={t.votingHidden} checked={hidden} onChange={setHidden} />
            <div className="button-row">
              <button
                type="button"
                data-action="start-voting"
                onClick={() => commands.startVoting({ budget, hidden })}
              >
                {t.startVoting}
              </button>
              {voting && (
                <button type="button" onClick={() => commands.clearVoting()}>
                  {t.clearVoting}
                </button>
              )}
            </div>
          </>
        ) : (
          <button type="button" data-action="close-voting" onClick={() => commands.closeVoting()}>
            {t.closeVoting}
          </button>
        )}
      </fieldset>

      <fieldset>
        <legend>{t.locks}</legend>
        <div className="button-row">
          <button
            type="button"
            aria-pressed={control.boardLocked}
            data-action="lock-board"
            onClick={() => commands.lockBoard(!control.boardLocked)}
          >
            {t.lockBoard}
          </button>
          <button
            type="button"
            data-action="lock-selection"
            onClick={() => {
              if (selection.length === 0) notify(t.selectToLock)
              else commands.lockItems(selection, !lockedSelection)
            }}
          >
            {lockedSelection ? t.unlockSelection : t.lockSelection}
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t.viewControls}</legend>
        <div className="button-row">
          <button
            type="button"
            aria-pressed={control.followMe}
            data-action="follow-me"
            title={t.followMeHint}
            onClick={() => commands.setFollowMe(!control.followMe, view())}
          >
            {t.followMe}
          </button>
          <button
            type="button"
            data-action="bring-everyone"
            onClick={() => {
              const box = view()
              if (!box) return
              commands.bringEveryoneHere(box)
              notify(t.broughtEveryone)
            }}
          >
            {t.bringEveryone}
          </button>
          <button
            type="button"
            aria-pressed={control.cursorsHidden}
            data-action="hide-cursors"
            onClick={() => commands.hideCursors(!control.cursorsHidden)}
          >
            {t.hideCursors}
          </button>
        </div>
      </fieldset>

      {history && (
        <fieldset>
          <legend>{t.history}</legend>
          <button
            type="button"
            aria-haspopup="dialog"
            data-action="open-history"
            onClick={() => setHistoryOpen(true)}
          >
            {t.historyOpen}
          </button>
          {historyOpen && (
            <HistoryPanel
              boardId={history.boardId}
              token={history.token}
              notify={notify}
              onClose={() => setHistoryOpen(false)}
            />
          )}
        </fieldset>
      )}

      <NextMeetingDate value={control.nextMeeting} commands={commands} />

      <fieldset>
        <legend>{control.ended ? t.meetingEnded : t.endMeeting}</legend>
        {control.ended ? (
          <button type="button" onClick={() => commands.reopenMeeting()}>
            {t.reopenMeeting}
          </button>
        ) : (
          <button
            type="button"
            className="danger-button"
            data-action="end-meeting"
            onClick={() => window.confirm(t.endMeetingConfirm) && commands.endMeeting()}
          >
            {t.endMeeting}
          </button>
        )}
      </fieldset>
    </div>
  )
}
