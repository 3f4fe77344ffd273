// "Punt toevoegen" on a phone: a round + beside the tools opens a sheet from the bottom with the
// places as big buttons, the kinds that place takes and a text field, so a parent adds a point
// with a thumb in a few taps. The point goes in with its text in one command (during a private
// round the command layer keeps it as a draft) and the sheet closes. The sheet stays inside the
// visual viewport, above the phone's keyboard.
import './addPoint.css'
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'
import {
  addPointTo,
  addTargets,
  choiceKey,
  choiceLabel,
  type PointChoice,
} from '../canvas/addTargets.ts'
import { onVisibleBox, visibleBox } from '../canvas/visualViewport.ts'
import { isContainer, type ContainerItem, type ItemId } from '../../../shared/index.ts'
import { useLang, useStrings } from '../i18n.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { BoardCommands } from '../state/commands.ts'
import { Dialog } from './Dialog.tsx'
import { KindChip } from './KindChip.tsx'

interface Props {
  index: BoardIndex
  commands: BoardCommands
  apiRef: RefObject<CanvasApi | null>
  notify(message: string): void
}

export function AddPoint(props: Props) {
  const t = useStrings()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="add-point-fab"
        data-testid="add-point"
        aria-haspopup="dialog"
        aria-label={t.addPoint.open}
        title={t.addPoint.open}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">+</span>
      </button>
      {open && (
        <Dialog title={t.addPoint.title} className="add-sheet" onClose={() => setOpen(false)}>
          <AddPointForm {...props} onDone={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  )
}

/** Keeps the sheet's backdrop on the visual viewport: above the keyboard once it opens. */
function useOnVisualViewport(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const backdrop = ref.current?.closest<HTMLElement>('.dialog-backdrop')
    if (!backdrop) return
    const follow = () => {
      const box = visibleBox()
      backdrop.style.top = `${box.top}px`
      backdrop.style.left = `${box.left}px`
      backdrop.style.width = `${box.right - box.left}px`
      backdrop.style.height = `${box.bottom - box.top}px`
    }
    follow()
    return onVisibleBox(follow)
  }, [ref])
}

/**
 * Shows the place the point went to, so its text can be read: zoomed in on it when the board is
 * seen from far (as a phone opens it), else just brought into view when it is not.
 */
function bringIntoView(api: CanvasApi, place: ContainerItem, added: ItemId): void {
  const view = api.viewport()
  const pad = Math.max(place.w, place.h) * 0.15
  const around = {
    minX: place.x - pad,
    minY: place.y - pad,
    maxX: place.x + place.w + pad,
    maxY: place.y + place.h + pad,
  }
  const far =
    2 * (around.maxX - around.minX) < view.maxX - view.minX &&
    2 * (around.maxY - around.minY) < view.maxY - view.minY
  const inView =
    place.x >= view.minX &&
    place.y >= view.minY &&
    place.x + place.w <= view.maxX &&
    place.y + place.h <= view.maxY
  if (far) api.showView(around)
  else if (!inView) api.centerOn(added)
}

function AddPointForm({ index, commands, apiRef, notify, onDone }: Props & { onDone(): void }) {
  const t = useStrings()
  const lang = useLang()
  const id = useId()
  const form = useRef<HTMLFormElement>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const [targets] = useState(() => addTargets(index, lang))
  const [placeId, setPlaceId] = useState<ItemId | null>(null)
  const [choice, setChoice] = useState<PointChoice | null>(null)
  const [text, setText] = useState('')
  useOnVisualViewport(form)

  const target = targets.find((candidate) => candidate.container.id === placeId)
  const choices = target?.choices ?? []
  const kind = choices.find((c) => choice && choiceKey(c) === choiceKey(choice)) ?? choices[0]

  const pickPlace = (next: ItemId) => {
    setPlaceId(next)
    // A place of one kind has nothing more to choose: on to the text.
    if (targets.find((candidate) => candidate.container.id === next)?.choices.length === 1) {
      field.current?.focus()
    }
  }
  const pickKind = (next: PointChoice) => {
    setChoice(next)
    field.current?.focus()
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    // The place as it is now: someone may have moved it while this was being typed.
    const container = target && index.get(target.container.id)
    if (!target || !kind || !container || !isContainer(container)) return
    const added = addPointTo(commands, index, container, kind, text.trim())
    onDone()
    if (!added) return
    if (apiRef.current) bringIntoView(apiRef.current, container, added)
    notify(t.addPoint.added(target.label))
  }

  return (
    <form ref={form} className="add-sheet-form" onSubmit={submit}>
      <fieldset>
        <legend>{t.addPoint.place}</legend>
        <div className="add-sheet-places">
          {targets.map(({ container, label }) => (
            <button
              key={container.id}
              type="button"
              className="add-sheet-place"
              aria-pressed={container.id === placeId}
              onClick={() => pickPlace(container.id)}
            >
              {container.number !== undefined && (
                <span className="add-sheet-number" aria-hidden="true">
                  {container.number}
                </span>
              )}
              {label}
            </button>
          ))}
        </div>
      </fieldset>
      {choices.length > 1 && (
        <fieldset>
          <legend>{t.addPoint.kind}</legend>
          <div className="add-sheet-kinds">
            {choices.map((option) => (
              <button
                key={choiceKey(option)}
                type="button"
                className="add-sheet-kind"
                aria-pressed={kind !== undefined && choiceKey(option) === choiceKey(kind)}
                onClick={() => pickKind(option)}
              >
                {'kind' in option && <KindChip kind={option.kind} />}
                {choiceLabel(option, lang)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      <label htmlFor={`${id}-text`} className="add-sheet-label">
        {t.addPoint.text}
      </label>
      <textarea
        ref={field}
        id={`${id}-text`}
        name="point-text"
        rows={3}
        placeholder={t.addPoint.textHint}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button
        type="submit"
        className="primary add-sheet-submit"
        disabled={!target || text.trim() === ''}
      >
        {t.addPoint.submit}
      </button>
    </form>
  )
}
