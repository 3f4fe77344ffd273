// One table in the leader's overview: its board live as a thumbnail, where it is among its
// template's steps, the QR code of its participant link and that link to copy, and its stickies
// to pick from and send to the plenary board.
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import {
  currentStep,
  formatRemaining,
  readControl,
  timerRemaining,
  STICKY_KINDS,
  type BoxItem,
  type PlenaryCopy,
  type StickyItem,
} from '../../../shared/index.ts'
import { useLabel, useStrings } from '../i18n.ts'
import { QrCode } from '../panels/QrCode.tsx'
import { CopyField } from '../panels/SharePanel.tsx'
import type { WorkshopBoard } from '../sync/api.ts'
import { tokenFromHash } from '../sync/links.ts'
import { Thumbnail } from './Thumbnail.tsx'
import { useWatchedBoard } from './useWatchedBoard.ts'

interface Props {
  /** 1 to N. */
  number: number
  board: WorkshopBoard
  /** Copies to the plenary board; returns how many were copied. */
  onCopy: (table: number, copies: PlenaryCopy[]) => number
  /** False until the plenary board is loaded: copies must find its columns. */
  canCopy: boolean
  /** The workshop's template: it decides the table's steps. */
  template: string
  /** The table's control room, and a number that changes when it does. */
  control: Y.Doc | undefined
  controlVersion: number
}

const tokenOf = (link: string | undefined) =>
  link ? (tokenFromHash(new URL(link).hash) ?? undefined) : undefined

export function TableCard(props: Props) {
  const { number, board, onCopy, canCopy, template, control, controlVersion } = props
  const t = useStrings()
  const label = useLabel()
  const id = useId()
  const { snapshot, live } = useWatchedBoard(board.id, tokenOf(board.links.facilitator))
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [message, setMessage] = useState<string | null>(null)
  const items = useMemo(() => snapshot?.items ?? [], [snapshot])
  const stickies = useMemo(
    () => items.filter((item): item is StickyItem => item.type === 'sticky'),
    [items],
  )
  const areas = useMemo(
    () => new Map(items.flatMap((item) => (item.type === 'box' ? [[item.id, item] as const] : []))),
    [items],
  )
  const toggle = useCallback((sticky: { id: string }) => {
    setSelected((current) => {
      const next = new Set(current)
      if (!next.delete(sticky.id)) next.add(sticky.id)
      return next
    })
  }, [])
  const chosen = stickies.filter((sticky) => selected.has(sticky.id))

  function copy() {
    const copies = chosen.map((sticky) => {
      const area: BoxItem | undefined = sticky.parent ? areas.get(sticky.parent) : undefined
      return { sticky, ...(area ? { column: area.label } : {}) }
    })
    const count = onCopy(number, copies)
    setMessage(t.workshop.copied(count))
    setSelected(new Set())
  }

  const name = t.workshop.table(number)
  if (!board.links.facilitator) {
    // Taken over with every link renewed on the board: nothing of it is this overview's to show.
    return (
      <article
        className="table-card card"
        data-testid="table-card"
        data-table={number}
        aria-labelledby={`${id}-name`}
      >
        <h2 id={`${id}-name`}>{name}</h2>
        {board.takenOver && <TakenOver />}
      </article>
    )
  }
  return (
    <article
      className="table-card card"
      data-testid="table-card"
      data-table={number}
      aria-labelledby={`${id}-name`}
    >
      <header className="table-card-header">
        <h2 id={`${id}-name`}>{name}</h2>
        <span className="badge" data-live={live}>
          {live ? `● ${t.workshop.live}` : `○ ${t.workshop.connecting}`}
        </span>
      </header>
      {board.takenOver && <TakenOver />}
      <ControlLine template={template} control={control} version={controlVersion} />
      <Thumbnail
        items={items}
        selected={selected}
        label={t.workshop.thumbnailLabel(name, stickies.length)}
        onToggle={toggle}
      />
      <div className="table-card-links">
        {board.links.edit && <QrCode text={board.links.edit} label={t.workshop.qrLabel(name)} />}
        <p>
          <a className="button" href={board.links.facilitator} target="_blank" rel="noopener">
            {t.tables.openAsFacilitator}
          </a>
        </p>
      </div>
      {board.links.edit && (
        <div className="field table-card-share">
          <span>{t.tables.participantLink}</span>
          <CopyField
            value={board.links.edit}
            name={t.tables.participantLink}
            copy={t.tables.copyParticipantLink}
          />
        </div>
      )}
      <fieldset className="sticky-picker">
        <legend>{t.workshop.pick(stickies.length)}</legend>
        {stickies.length === 0 ? (
          <p className="note">{t.nothingYet}</p>
        ) : (
          <ul>
            {stickies.map((sticky) => (
              <li key={sticky.id} data-item-id={sticky.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={selected.has(sticky.id)}
                    onChange={() => toggle(sticky)}
                  />
                  <span aria-hidden="true" className="kind-symbol">
                    {STICKY_KINDS[sticky.kind].symbol}
                  </span>
                  <span className="visually-hidden">
                    {label(STICKY_KINDS[sticky.kind].label)}:{' '}
                  </span>
                  <span className="item-text">{sticky.text || t.empty}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="primary"
          disabled={chosen.length === 0 || !canCopy}
          onClick={copy}
        >
          {t.workshop.toPlenary(chosen.length)}
        </button>
        <p role="status" className="note">
          {message}
        </p>
      </fieldset>
    </article>
  )
}

/** The board's voorzitter renewed one of its links: it is theirs now, not the leader's. */
export function TakenOver() {
  const t = useStrings()
  return (
    <p className="note" data-testid="taken-over">
      <span className="badge">{t.workshopLink.takenOver}</span> {t.workshopLink.takenOverNote}
    </p>
  )
}

/** Where the table is: its step (when its template has steps), its timer and its round. */
function ControlLine({
  template,
  control,
  version,
}: {
  template: string
  control: Y.Doc | undefined
  version: number
}) {
  const t = useStrings()
  const label = useLabel()
  const state = useMemo(
    () => (control ? readControl(control).control : null),
    // The doc is mutable: `version` says when to read it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [control, version],
  )
  const now = useTicking(state?.timer?.startedAt != null)
  if (!state) return null
  const step = currentStep(template, state.step)
  const { timer, round } = state
  return (
    <p
      className="table-control"
      data-step={step?.id ?? 'none'}
      data-round={round ? round.phase : 'none'}
    >
      {step && t.workshop.tableStep(step.number, label(step.label))}
      {timer && <span> · ⏱ {formatRemaining(timerRemaining(timer, now))}</span>}
      {round && (
        <span>
          {' '}
          · {round.phase === 'revealed' ? t.workshop.roundRevealed : t.workshop.roundWriting}
        </span>
      )}
    </p>
  )
}

/** The time now, renewed every second while `running`. */
function useTicking(running: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [running])
  return now
}
