// "Geschiedenis": the voorzitter's list of the versions the relay kept of this board, a read-only
// preview of one, and its restore for everyone, which itself can be undone (docs/api.md, History).
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import {
  BOX_ROLE_LABELS,
  CIRCLE_ROLE_LABELS,
  shownLabel,
  STEP_LABELS,
  isStepId,
  type ContainerItem,
} from '../../../shared/index.ts'
import { useLang, useStrings, type Lang, type Strings } from '../i18n.ts'
import {
  fetchVersion,
  fetchVersions,
  restoreVersion,
  type BoardVersion,
  type VersionPreview,
} from '../sync/api.ts'
import { previewContent } from './historyPreview.ts'
import { KindChip } from './KindChip.tsx'
import './history.css'

interface Props {
  boardId: string
  token: string
  onClose(): void
  notify(message: string): void
}

type Outcome = { kind: 'restored'; time: string; before: BoardVersion } | { kind: 'undone' }

export function HistoryPanel({ boardId, token, onClose, notify }: Props) {
  const t = useStrings()
  const lang = useLang()
  const id = useId()
  const [versions, setVersions] = useState<BoardVersion[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<VersionPreview | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const previewArea = useRef<HTMLElement>(null)

  const failed = useCallback(
    (err: unknown) => setError(`${t.historyFailed}: ${(err as Error).message}`),
    [t],
  )
  const reload = () => fetchVersions(boardId, token).then(setVersions, failed)

  useEffect(() => {
    heading.current?.focus()
    let cancelled = false
    fetchVersions(boardId, token).then(
      (list) => !cancelled && setVersions(list),
      (err: unknown) => !cancelled && failed(err),
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token, failed])

  async function choose(n: number) {
    setSelected(n)
    setConfirming(false)
    setError(null)
    try {
      setPreview(await fetchVersion(boardId, token, n))
      // On a phone the preview is below the list: bring it into view.
      previewArea.current?.scrollIntoView({ block: 'nearest' })
    } catch (err) {
      setPreview(null)
      failed(err)
    }
  }

  async function restore(version: BoardVersion, undo: boolean) {
    setBusy(true)
    setError(null)
    try {
      const { before } = await restoreVersion(boardId, token, version.n)
      const time = timeOf(version.at, lang)
      setOutcome(undo ? { kind: 'undone' } : { kind: 'restored', time, before })
      notify(undo ? t.historyUndone : t.historyRestored(time))
      setConfirming(false)
      // The confirmation is gone; the focus goes back to the top of the dialog.
      heading.current?.focus()
      await reload()
    } catch (err) {
      setError(`${t.historyRestoreFailed}: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  // Keys pressed in the dialog are the dialog's: Delete here must not delete the board's selection.
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation()
    if (event.key !== 'Escape') return
    if (confirming) setConfirming(false)
    else onClose()
  }

  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog history-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid="history-panel"
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {t.historyTitle}
        </h2>
        <p className="note">{t.historyIntro}</p>
        <div className="history-layout">
          <section aria-labelledby={`${id}-list`} className="history-list">
            <h3 id={`${id}-list`}>{t.historyVersions}</h3>
            {versions === null && !error && <p className="note">{t.historyLoading}</p>}
            {versions?.length === 0 && <p className="note">{t.historyEmpty}</p>}
            <ol>
              {versions?.map((version) => (
                <li key={version.n}>
                  <button
                    type="button"
                    className="history-version"
                    aria-pressed={selected === version.n}
                    data-version={version.n}
                    data-reason={version.reason}
                    onClick={() => void choose(version.n)}
                  >
                    <span className="history-line">{versionLine(version, t, lang)}</span>
                    <span className="history-reason">{reasonText(version, t)}</span>
                  </button>
                </li>
              ))}
            </ol>
          </section>
          <section
            aria-labelledby={`${id}-preview`}
            ref={previewArea}
            className="history-preview"
            data-testid="history-preview"
            aria-busy={selected !== null && preview?.version.n !== selected}
          >
            <h3 id={`${id}-preview`}>
              {preview ? t.historyPreview(timeOf(preview.version.at, lang)) : t.historyPreviewEmpty}
            </h3>
            {preview ? (
              <>
                <p className="note">{t.historyPreviewHint}</p>
                <PreviewBody preview={preview} />
                <div className="history-actions">
                  {confirming ? (
                    <div className="history-confirm" role="group" aria-label={t.historyRestore}>
                      <p>{t.historyConfirm(timeOf(preview.version.at, lang))}</p>
                      <div className="button-row">
                        <button
                          type="button"
                          className="primary"
                          data-testid="history-confirm"
                          disabled={busy}
                          autoFocus
                          onClick={() => void restore(preview.version, false)}
                        >
                          {busy ? t.historyRestoring : t.historyConfirmYes}
                        </button>
                        <button type="button" onClick={() => setConfirming(false)}>
                          {t.historyCancel}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="primary"
                      data-testid="history-restore"
                      onClick={() => setConfirming(true)}
                    >
                      {t.historyRestore}
                    </button>
                  )}
                </div>
              </>
            ) : (
              <p className="note">{t.historyChoose}</p>
            )}
          </section>
        </div>
        <div role="status" className="history-outcome">
          {outcome?.kind === 'restored' && (
            <p>
              {t.historyRestored(outcome.time)}{' '}
              <button
                type="button"
                data-testid="history-undo"
                disabled={busy}
                onClick={() => void restore(outcome.before, true)}
              >
                {t.historyUndo}
              </button>
            </p>
          )}
          {outcome?.kind === 'undone' && <p>{t.historyUndone}</p>}
        </div>
        {error && <p role="alert">{error}</p>}
        <button type="button" className="close" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </div>
  )
}

function PreviewBody({ preview }: { preview: VersionPreview }) {
  const t = useStrings()
  const lang = useLang()
  const { groups, questions, agreements } = previewContent(preview.items)
  return (
    <div className="history-board">
      {groups.map(({ container, stickies }) => (
        <section key={container?.id ?? 'loose'} data-container={container?.id ?? ''}>
          <h4>{container ? containerTitle(container, lang) : t.historyLoose}</h4>
          {stickies.length === 0 ? (
            <p className="note">{t.historyNoPoints}</p>
          ) : (
            <ul>
              {stickies.map((sticky) => (
                <li key={sticky.id} data-item-id={sticky.id}>
                  <KindChip kind={sticky.kind} color={sticky.color} />
                  <span className="item-text">{sticky.text}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {questions.length > 0 && (
        <section>
          <h4>{t.historyQuestions}</h4>
          <ul>
            {questions.map((question) => (
              <li key={question.id} data-item-id={question.id}>
                <span className="item-text">{question.text}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {agreements.length > 0 && (
        <section>
          <h4>{t.historyAgreements}</h4>
          <ul>
            {agreements.map((agreement) => (
              <li key={agreement.id} data-item-id={agreement.id}>
                <span className="item-text">
                  {[agreement.wat, agreement.wie, agreement.wanneer].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

function containerTitle(container: ContainerItem, lang: Lang): string {
  if (container.label) return shownLabel(container, lang)
  return container.type === 'circle'
    ? CIRCLE_ROLE_LABELS[container.role][lang]
    : BOX_ROLE_LABELS[container.role][lang]
}

/** "10:42 · stap Overzicht · 23 punten" */
function versionLine(version: BoardVersion, t: Strings, lang: Lang): string {
  const parts = [timeOf(version.at, lang)]
  if (isStepId(version.step)) parts.push(t.historyStep(STEP_LABELS[version.step][lang]))
  parts.push(t.historyPoints(version.points))
  return parts.join(' · ')
}

function reasonText(version: BoardVersion, t: Strings): string {
  const texts = {
    first: t.historyReasonFirst,
    interval: t.historyReasonInterval,
    step: t.historyReasonStep,
    restore: t.historyReasonRestore,
  }
  return texts[version.reason]
}

/** The time of day; with the date too when it was not today. */
function timeOf(at: number, lang: Lang): string {
  const date = new Date(at)
  const today = date.toDateString() === new Date().toDateString()
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    ...(today ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)
}
