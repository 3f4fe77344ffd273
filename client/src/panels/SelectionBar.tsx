// The bar over the foot of the canvas (or its top, when the foot would cover them) while stickies
// are selected: their kind (symbol, name and colour, never colour alone), their colour, and copy,
// bring to front and delete for the whole selection. Plain DOM buttons, so it works by keyboard,
// touch and screen reader like the panels.
import { KindChip } from './KindChip.tsx'
import { useId, useRef } from 'react'
import {
  STICKY_KINDS,
  stickyKindsOf,
  type Item,
  type StickyItem,
  type StickyKind,
} from '../../../shared/index.ts'
import { useLabel, useStrings, type Strings } from '../i18n.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { BoardCommands } from '../state/commands.ts'
import { useItems, useUi } from '../state/hooks.ts'
import type { UiState, UiStore } from '../state/ui.ts'
import { useBarPlace } from './barPlace.ts'
import { editActions, type EditDeps } from './editActions.ts'
import { Icon } from './icons.tsx'
import { usePopover } from './usePopover.ts'
import './editing.css'

type ColorName = keyof Strings['colorNames']

/** Light enough that the dark text and symbol of a sticky stay readable on each. */
export const STICKY_COLORS: readonly { name: ColorName; color: string }[] = [
  { name: 'yellow', color: '#ffec99' },
  { name: 'orange', color: '#ffd8a8' },
  { name: 'pink', color: '#fcc2d7' },
  { name: 'purple', color: '#e5dbff' },
  { name: 'blue', color: '#d0ebff' },
  { name: 'green', color: '#d3f9d8' },
  { name: 'grey', color: '#e9ecef' },
]

interface Props {
  index: BoardIndex
  commands: BoardCommands
  ui: UiStore
  edit: EditDeps
  /** After the selection is gone (deleted), so the focus goes somewhere sensible. */
  onDone(): void
}

const selectSelection = (state: UiState) => state.selection
const selectEditing = (state: UiState) => state.editing !== null
const isSticky = (item: Item): item is StickyItem => item.type === 'sticky'

export function SelectionBar({ index, commands, ui, edit, onDone }: Props) {
  const t = useStrings()
  const label = useLabel()
  const selection = useUi(ui, selectSelection)
  // While a text is typed the bar would only cover the editor; it comes back when typing ends.
  const editing = useUi(ui, selectEditing)
  const items = useItems(index)
  const stickies = selection.flatMap((id) => index.get(id) ?? []).filter(isSticky)
  const bar = useRef<HTMLDivElement>(null)
  const place = useBarPlace(bar, stickies, edit.canvas)
  if (stickies.length === 0 || editing) return null
  // The board's kinds, as the sticky tool offers them, and any other a selected sticky has.
  const kinds = stickyKindsOf(index.meta().template, items)
  for (const sticky of stickies) if (!kinds.includes(sticky.kind)) kinds.push(sticky.kind)

  const all = (test: (sticky: StickyItem) => boolean) => stickies.every(test)
  const setKind = (kind: StickyKind) => {
    for (const sticky of stickies) commands.setStickyKind(sticky.id, kind)
  }
  const remove = () => {
    commands.deleteItems(selection)
    ui.set({ selection: [] })
    onDone()
  }

  return (
    <div
      ref={bar}
      className="selection-bar"
      data-place={place}
      role="group"
      aria-label={t.selectionBar}
    >
      <div className="bar-group" role="group" aria-label={t.stickyKind}>
        {kinds.map((kind) => {
          const style = STICKY_KINDS[kind]
          return (
            <button
              key={kind}
              type="button"
              className="choice bar-kind"
              data-kind={kind}
              aria-pressed={all((sticky) => sticky.kind === kind)}
              onClick={() => setKind(kind)}
            >
              <KindChip kind={kind} />
              {label(style.label)}
            </button>
          )
        })}
      </div>
      <div className="bar-group">
        <span className="selection-count">{t.selectedStickies(stickies.length)}</span>
        <ColorPicker stickies={stickies} commands={commands} />
        <button
          type="button"
          className="choice"
          aria-keyshortcuts="Control+C"
          onClick={() => void editActions(edit).copy()}
        >
          {t.copy}
        </button>
        <button type="button" className="choice" onClick={() => commands.bringToFront(selection)}>
          {t.bringToFront}
        </button>
        <button type="button" className="choice danger" aria-keyshortcuts="Delete" onClick={remove}>
          <Icon name="trash" />
          {t.delete}
        </button>
      </div>
    </div>
  )
}

function ColorPicker({ stickies, commands }: { stickies: StickyItem[]; commands: BoardCommands }) {
  const t = useStrings()
  const id = useId()
  const { open, toggle, close, triggerRef, panelRef } = usePopover()
  const colors = new Set(stickies.map((sticky) => sticky.color))
  const current = colors.size === 1 ? [...colors][0] : null
  const named = STICKY_COLORS.find((entry) => entry.color === current)
  // The chip on the button shows the colour chosen, or the first sticky's kind colour.
  const first = stickies[0]
  const shown = current ?? (first ? STICKY_KINDS[first.kind].color : undefined)

  const pick = (color: string | undefined) => {
    for (const sticky of stickies) commands.setStickyColor(sticky.id, color)
    close()
  }
  const option = (name: string, color: string | undefined, swatch: string | undefined) => (
    <button
      key={name}
      type="button"
      className="menu-choice color-choice"
      aria-pressed={colors.size === 1 && current === color}
      onClick={() => pick(color)}
    >
      <span className="swatch" style={{ backgroundColor: swatch }} aria-hidden="true" />
      {name}
    </button>
  )

  return (
    <div className="popover-anchor">
      <button
        ref={triggerRef}
        type="button"
        className="choice"
        aria-expanded={open}
        aria-controls={id}
        onClick={toggle}
      >
        <span className="swatch" style={{ backgroundColor: shown }} aria-hidden="true" />
        {t.stickyColor}
        {current === undefined && `: ${t.colorDefault}`}
        {named && `: ${t.colorNames[named.name]}`}
      </button>
      <div
        id={id}
        ref={panelRef}
        className="popover color-menu"
        role="group"
        aria-label={t.stickyColor}
        hidden={!open}
      >
        {option(t.colorDefault, undefined, first ? STICKY_KINDS[first.kind].color : undefined)}
        {STICKY_COLORS.map(({ name, color }) => option(t.colorNames[name], color, color))}
      </div>
    </div>
  )
}
