// "Mijn concepten": what this participant writes during a private round (Ik-ronde). It stays on
// this device (sync/drafts.ts) until the facilitator reveals; then it goes onto the board by
// itself. The panel says so, and shows which drafts wait and which are on the board.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import {
  BOX_ROLE_LABELS,
  CIRCLE_ROLE_LABELS,
  currentStep,
  isContainer,
  shownLabel,
  STICKY_KINDS,
  type ControlState,
  type ItemId,
  type StickyKind,
} from '../../../shared/index.ts'
import { useLabel, useLang, useStrings } from '../i18n.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { DraftComposer } from '../state/draftComposer.ts'
import { useDrafts } from '../state/drafts.ts'
import { useItems } from '../state/hooks.ts'
import type { DraftStore } from '../sync/drafts.ts'
import { KindChip } from './KindChip.tsx'

const DRAFT_KINDS: readonly StickyKind[] = [
  'top',
  'tip',
  'interesting',
  'plus',
  'minus',
  'question',
  'goal',
  'need',
  'note',
]

interface Props {
  store: DraftStore
  control: ControlState
  index: BoardIndex
  /** A point begun on the canvas or in a panel during the round: its kind and place, to type. */
  composer?: DraftComposer
}

export function DraftsPanel({ store, control, index, composer }: Props) {
  const t = useStrings()
  const label = useLabel()
  const lang = useLang()
  const id = useId()
  const drafts = useDrafts(store)
  const items = useItems(index)
  const round = control.round
  const writing = round?.private === true && round.phase === 'writing'
  const stepKinds = currentStep(index.meta().template, control.step)?.focus.kinds ?? []
  const [kind, setKind] = useState<StickyKind>(
    stepKinds.find((k) => DRAFT_KINDS.includes(k)) ?? 'top',
  )
  const [place, setPlace] = useState('')
  const [text, setText] = useState('')
  const field = useRef<HTMLTextAreaElement>(null)
  // The form takes the kind and place of a point begun elsewhere; the focus follows once the
  // panel is on screen (the board view opens hidden panels for it in the same render).
  const [asked, setAsked] = useState(0)
  useEffect(() => {
    if (!composer) return
    const take = () => {
      const request = composer.take()
      if (!request) return
      if (DRAFT_KINDS.includes(request.kind)) setKind(request.kind)
      setPlace(request.parent ?? '')
      setAsked(request.seq)
    }
    take()
    return composer.subscribe(take)
  }, [composer])
  useEffect(() => {
    if (asked === 0) return
    field.current?.focus()
    field.current?.scrollIntoView({ block: 'nearest' })
  }, [asked])
  const containers = items.filter((item) => isContainer(item))
  const mine = drafts.filter((draft) => draft.round === round?.id)
  const waiting = drafts.filter((draft) => !store.isPublished(draft.id))
  const shared = mine.filter((draft) => store.isPublished(draft.id))

  const save = (event: FormEvent) => {
    event.preventDefault()
    if (!round || !writing || text.trim() === '') return
    store.add(
      {
        round: round.id,
        anonymous: round.anonymous,
        kind,
        text: text.trim(),
        ...(place ? { parent: place as ItemId } : {}),
      },
      Date.now(),
    )
    setText('')
  }

  return (
    <section className="drafts-panel" data-testid="drafts-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.myDrafts}</h3>
      <p className="hint">{t.draftsPrivate}</p>
      {writing && (
        <form onSubmit={save} className="draft-form">
          <label className="field">
            <span>{t.draftKind}</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as StickyKind)}>
              {DRAFT_KINDS.map((value) => (
                <option key={value} value={value}>
                  {STICKY_KINDS[value].symbol} {label(STICKY_KINDS[value].label)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t.draftPlace}</span>
            <select value={place} onChange={(event) => setPlace(event.target.value)}>
              <option value="">{t.draftBeside}</option>
              {containers.map((item) => (
                <option key={item.id} value={item.id}>
                  {(item.label && shownLabel(item, lang)) ||
                    label(
                      item.type === 'circle'
                        ? CIRCLE_ROLE_LABELS[item.role]
                        : BOX_ROLE_LABELS[item.role],
                    )}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t.draftText}</span>
            <textarea
              ref={field}
              name="draft"
              rows={3}
              value={text}
              maxLength={2000}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save(event)
              }}
            />
          </label>
          <button type="submit" className="primary" disabled={text.trim() === ''}>
            {t.saveDraft}
          </button>
        </form>
      )}
      {mine.length === 0 && writing && <p className="hint">{t.noDrafts}</p>}
      {mine.length > 0 && (
        <ul className="draft-list" data-testid="draft-list">
          {mine.map((draft) => (
            <li key={draft.id} className="draft" data-draft-id={draft.id}>
              <KindChip kind={draft.kind} />
              <span className="draft-text">{draft.text}</span>
              {writing && !store.isPublished(draft.id) && (
                <button
                  type="button"
                  className="small danger"
                  aria-label={t.deleteDraft(draft.text)}
                  onClick={() => store.remove(draft.id)}
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="hint" role="status">
        {waiting.length > 0 && t.draftsWaiting(waiting.length)}
        {waiting.length === 0 && shared.length > 0 && t.draftsShared(shared.length)}
      </p>
    </section>
  )
}
