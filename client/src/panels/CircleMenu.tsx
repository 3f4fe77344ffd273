// "Cirkel toevoegen": the circles a meeting adds beside Kind, School and Thuis. Zorg/jeugdhulp goes
// in the middle of the three; the others, and a circle with a name of the table's own, beside them.
import { useId, useState, type FormEvent, type RefObject } from 'react'
import { CIRCLE_ROLE_LABELS, type CircleRole } from '../../../shared/index.ts'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'
import { useLang, useStrings } from '../i18n.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { BoardCommands } from '../state/commands.ts'
import type { UiStore } from '../state/ui.ts'
import { placeNewCircle } from './circlePlacement.ts'
import { usePopover } from './usePopover.ts'
import './editing.css'

interface Props {
  index: BoardIndex
  commands: BoardCommands
  ui: UiStore
  apiRef: RefObject<CanvasApi | null>
  notify(message: string): void
}

/** Longer names are hard to fit in a circle; the label can still be edited to anything. */
const NAME_LENGTH = 60

export function CircleMenu({ index, commands, ui, apiRef, notify }: Props) {
  const t = useStrings()
  const lang = useLang()
  const id = useId()
  const { open, toggle, close, triggerRef, panelRef } = usePopover()
  const [name, setName] = useState('')

  const choices: { role: CircleRole; label: string; hint?: string }[] = [
    { role: 'zorg', label: CIRCLE_ROLE_LABELS.zorg[lang], hint: t.circleInMiddle },
    { role: 'other', label: t.circleFreeTime },
    { role: 'other', label: t.circleNeighbourhood },
  ]

  const add = (role: CircleRole, label: string) => {
    close()
    const view = apiRef.current?.viewport()
    const middle = view
      ? { x: (view.minX + view.maxX) / 2, y: (view.minY + view.maxY) / 2 }
      : { x: 0, y: 0 }
    const at = placeNewCircle(index.all(), role, middle)
    const circle = commands.addCircle({ role, label, ...at })
    if (!circle) return
    ui.set({ selection: [circle], tool: 'select' })
    const inView =
      view &&
      at.cx - at.r >= view.minX &&
      at.cx + at.r <= view.maxX &&
      at.cy - at.r >= view.minY &&
      at.cy + at.r <= view.maxY
    if (!inView) apiRef.current?.centerOn(circle)
    notify(t.circleAdded(label))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (trimmed === '') return
    add('other', trimmed)
    setName('')
  }

  return (
    <div className="popover-anchor">
      <button
        ref={triggerRef}
        type="button"
        className="tool"
        aria-expanded={open}
        aria-controls={`${id}-circles`}
        onClick={toggle}
      >
        <svg
          className="icon"
          viewBox="0 0 24 24"
          width="24"
          height="24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          aria-hidden="true"
          focusable="false"
        >
          <circle cx="11" cy="13" r="7" />
          <path d="M19 2v6M16 5h6" />
        </svg>
        <span className="tool-label">{t.addCircle}</span>
      </button>
      <div
        id={`${id}-circles`}
        ref={panelRef}
        className="popover circle-menu"
        role="group"
        aria-label={t.addCircleChoices}
        hidden={!open}
      >
        {choices.map((choice) => (
          <button
            key={choice.label}
            type="button"
            className="menu-choice"
            onClick={() => add(choice.role, choice.label)}
          >
            <span className="menu-choice-name">{choice.label}</span>
            {choice.hint && <span className="menu-choice-hint">{choice.hint}</span>}
          </button>
        ))}
        <form className="own-name" onSubmit={submit}>
          <label htmlFor={`${id}-name`}>{t.circleOwnName}</label>
          <span className="own-name-row">
            <input
              id={`${id}-name`}
              value={name}
              maxLength={NAME_LENGTH}
              autoComplete="off"
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" disabled={name.trim() === ''}>
              {t.circleAdd}
            </button>
          </span>
        </form>
      </div>
    </div>
  )
}
