// One item in the outline: focusable, Enter edits its text in place, Delete or the button removes
// it. Text is written through on every keystroke, as on the canvas, so others see it live. The
// buttons show on the row that has the focus: a board lists thousands of rows.
import { memo, useRef, type CSSProperties, type KeyboardEvent } from 'react'
import {
  AGREEMENT_FIELD_LABELS,
  canHaveParent,
  AGREEMENT_STATUS_LABELS,
  ITEM_TYPE_LABELS,
  SHAPE_KIND_LABELS,
  shownLabel,
  STICKY_KINDS,
  TEXT_FIELDS,
  VALENCE_LABELS,
  type Item,
  type ItemId,
  type Lang,
  type TextField,
} from '../../../shared/index.ts'
import type { Strings } from '../i18n.ts'
import type { BoardCommands } from '../state/commands.ts'
import type { UiStore } from '../state/ui.ts'

export interface OutlineContext {
  t: Strings
  lang: Lang
  /** Id of the element that tells keyboard users what Enter and Delete do. */
  hintId: string
  commands: BoardCommands
  ui: UiStore
  readOnly: boolean
  setEditing(id: ItemId | null): void
  /** Which row holds the focus, itself or one of its buttons. */
  setActive(id: ItemId | null): void
  /** The circles and boxes an item can be moved into, read when a row's buttons show. */
  places(): { id: ItemId; label: string }[]
}

/** The field the outline shows and edits: the first text field of the item's type. */
export function mainText(item: Item): { field: TextField | undefined; text: string } {
  const fields: readonly string[] = TEXT_FIELDS[item.type] ?? []
  const field = fields[0] as TextField | undefined
  const value = field ? (item as Record<string, unknown>)[field] : undefined
  return { field, text: typeof value === 'string' ? value : '' }
}

/** The text a row shows: a text the template wrote (a column's hint) in the reader's language. */
function shownText(item: Item, text: string, lang: Lang): string {
  return item.type === 'label' || item.type === 'box' || item.type === 'circle'
    ? shownLabel(item, lang)
    : text
}

/** What to call an item that has no text of its own: a drawing, a rectangle. */
function nameOfType(item: Item, lang: Lang): string {
  return item.type === 'shape'
    ? SHAPE_KIND_LABELS[item.shape][lang]
    : ITEM_TYPE_LABELS[item.type][lang]
}

interface Props {
  item: Item
  ctx: OutlineContext
  /** For an arrow: the names of the items it links, shown around its valence symbol. */
  ends?: string | undefined
  /** The focus is in this row: its buttons show. */
  active: boolean
  /** Its text is being edited here. */
  editing: boolean
}

export const OutlineItem = memo(function OutlineItem({ item, ctx, ends, active, ...props }: Props) {
  const { t, commands, ui, readOnly } = ctx
  const row = useRef<HTMLLIElement>(null)
  const { field, text } = mainText(item)
  const editing = props.editing && field !== undefined && !readOnly
  const shown =
    text.trim() === ''
      ? (ends ?? (field ? t.empty : nameOfType(item, ctx.lang)))
      : shownText(item, text, ctx.lang)

  /** A point left without text is removed, never kept as an empty marker. */
  const removedEmpty = () => {
    if (item.type !== 'sticky' || text.trim() !== '') return false
    commands.deleteItems([item.id])
    ui.set({ selection: ui.get().selection.filter((id) => id !== item.id) })
    return true
  }
  const finish = () => {
    ctx.setEditing(null)
    if (!removedEmpty()) row.current?.focus()
  }
  const remove = () => {
    commands.deleteItems([item.id])
    ui.set({ selection: ui.get().selection.filter((id) => id !== item.id) })
  }
  const onRowKey = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget || readOnly) return
    if (event.key === 'Enter' && field) {
      event.preventDefault()
      ctx.setEditing(item.id)
    }
    // Delete removes this row's item, and the focus moves on to the next row (or the one before).
    if (event.key === 'Delete') {
      event.preventDefault()
      const rows = [
        ...(row.current?.closest('[data-testid=outline]')?.querySelectorAll('li.outline-item') ??
          []),
      ]
      const at = rows.indexOf(event.currentTarget)
      const next = (rows[at + 1] ?? rows[at - 1]) as HTMLElement | undefined
      remove()
      next?.focus()
    }
  }
  const onEditorKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Escape') {
      event.preventDefault()
      finish()
    }
  }

  return (
    <li
      ref={row}
      className="outline-item"
      // Its list's blocks are presentational (OutlineRows): the row says itself what it is.
      role="listitem"
      data-item-id={item.id}
      tabIndex={0}
      aria-label={rowName(item, shown, ends, ctx)}
      aria-describedby={readOnly ? undefined : ctx.hintId}
      onFocus={(event) => {
        ctx.setActive(item.id)
        if (event.target === event.currentTarget) ui.set({ selection: [item.id] })
      }}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget)) return
        ctx.setActive(null)
        // The row chose its item while it had the focus; it leaves no hidden choice behind for a
        // later key to act on, unless the focus goes to the canvas, where the choice is shown.
        const toCanvas = (event.relatedTarget as Element | null)?.closest('.canvas-area')
        const { selection } = ui.get()
        if (!toCanvas && selection.length === 1 && selection[0] === item.id) {
          ui.set({ selection: [] })
        }
      }}
      onKeyDown={onRowKey}
      {...chip(item)}
    >
      {marker(item)}
      {ends && <span className={text.trim() === '' ? 'item-text' : 'item-ends'}>{ends}</span>}
      {editing ? (
        <textarea
          className="outline-editor"
          aria-label={`${t.edit}: ${shown}`}
          value={text}
          maxLength={10_000}
          rows={Math.min(6, Math.max(2, Math.ceil(text.length / 40)))}
          autoFocus
          onChange={(event) => commands.setText(item.id, field, event.target.value)}
          onKeyDown={onEditorKey}
          onBlur={() => {
            ctx.setEditing(null)
            removedEmpty()
          }}
        />
      ) : ends && text.trim() === '' ? null : (
        <span className={text.trim() === '' ? 'item-text empty' : 'item-text'}>{shown}</span>
      )}
      {details(item, ctx)}
      {!readOnly && (active || editing) && (
        <span className="item-actions">
          {field && !editing && (
            <button type="button" className="small" onClick={() => ctx.setEditing(item.id)}>
              {t.edit}
            </button>
          )}
          {editing && (
            <button
              type="button"
              className="small"
              onMouseDown={(e) => e.preventDefault()}
              onClick={finish}
            >
              {t.done}
            </button>
          )}
          {!editing && canHaveParent(item) && <MoveTo item={item} ctx={ctx} shown={shown} />}
          <button
            type="button"
            className="small danger"
            aria-label={t.deleteItem(shown)}
            onClick={remove}
          >
            {t.delete}
          </button>
        </span>
      )}
    </li>
  )
})

/** "Verplaats naar…": the keyboard's and the touch screen's way to another circle or column. */
function MoveTo({ item, ctx, shown }: { item: Item; ctx: OutlineContext; shown: string }) {
  const places = ctx.places().filter((place) => place.id !== item.id)
  if (places.length === 0) return null
  return (
    <select
      className="small"
      aria-label={ctx.t.moveTo(shown)}
      value=""
      onChange={(event) => {
        const target = event.target.value as ItemId
        if (target) ctx.commands.moveInto(item.id, target)
      }}
    >
      <option value="">{ctx.t.moveToChoose}</option>
      {places.map((place) => (
        <option key={place.id} value={place.id} disabled={place.id === item.parent}>
          {place.label}
        </option>
      ))}
    </select>
  )
}

const VALENCE_SYMBOLS = { up: '↗', down: '↘', neutral: '↔' } as const

/**
 * What a screen reader says on the row: its kind and its text, once. Without it the row would be
 * named by all it holds, its buttons too ("+ Leest graag Bewerken … Leest graag verwijderen").
 */
function rowName(item: Item, shown: string, ends: string | undefined, ctx: OutlineContext): string {
  const { t, lang } = ctx
  if (item.type === 'arrow') {
    const parts = [ends, shown === ends ? undefined : shown, VALENCE_LABELS[item.valence][lang]]
    return parts.filter(Boolean).join(', ')
  }
  if (item.type !== 'sticky') return shown
  const name = `${STICKY_KINDS[item.kind].label[lang]}: ${shown}`
  return item.author && item.kind !== 'action' ? `${name}, ${t.writtenBy(item.author)}` : name
}

/** A sticky's kind chip, as the row's own ::before (board.css): its symbol on its colour. */
function chip(item: Item): { 'data-symbol'?: string; style?: CSSProperties } {
  if (item.type !== 'sticky') return {}
  const kind = STICKY_KINDS[item.kind]
  return {
    'data-symbol': kind.symbol,
    style: { '--chip': item.color ?? kind.color } as CSSProperties,
  }
}

// The marker and the details are plain functions, not components: a board lists thousands of
// rows, and each component would add two fibers per row for React to create and walk.
function marker(item: Item) {
  if (item.type === 'arrow') {
    return (
      <span className="kind-chip valence" aria-hidden="true">
        {VALENCE_SYMBOLS[item.valence]}
      </span>
    )
  }
  return null
}

function details(item: Item, ctx: OutlineContext) {
  const { t, lang } = ctx
  if (item.type === 'arrow') {
    return <span className="item-meta">{VALENCE_LABELS[item.valence][lang]}</span>
  }
  if (item.type === 'question') {
    return (
      <span className="item-meta">
        {item.askedBy && `${t.askedBy} ${item.askedBy}`}
        {item.decisionNeeded && <strong className="badge">{t.decisionNeeded}</strong>}
      </span>
    )
  }
  if (item.type === 'sticky' && item.kind === 'action') {
    return (
      <dl className="agreement-parts">
        <div>
          <dt>{t.actionHoe}</dt>
          <dd>{item.hoe || t.empty}</dd>
        </div>
        <div>
          <dt>{t.actionWie}</dt>
          <dd>{item.wie || t.empty}</dd>
        </div>
      </dl>
    )
  }
  if (item.type === 'sticky' && item.author) {
    return <span className="item-meta">{t.writtenBy(item.author)}</span>
  }
  if (item.type === 'agreement') {
    return (
      <dl className="agreement-parts">
        {(['wie', 'waarom', 'wanneer', 'hoe'] as const).map((part) => (
          <div key={part}>
            <dt>{AGREEMENT_FIELD_LABELS[part][lang]}</dt>
            <dd>{item[part] || t.empty}</dd>
          </div>
        ))}
        <div>
          <dt>{t.status}</dt>
          <dd>{AGREEMENT_STATUS_LABELS[item.status][lang]}</dd>
        </div>
      </dl>
    )
  }
  return null
}
