// The action cards an older "kies 3" made (kies 3 now makes agreements): each says wat, hoe and
// wie, kept readable and editable on the boards that hold them. A card reads as text; its
// Bewerken button opens that one card's fields. A long list shows its first cards until asked
// (the outline lists every card too), so a board with many cards stays light.
import { useId, useState } from 'react'
import type { ItemId, StickyItem } from '../../../shared/index.ts'
import { useStrings } from '../i18n.ts'
import type { BoardCommands } from '../state/commands.ts'

/** Cards shown before "show all": kies 3 makes three, a few rounds a dozen. */
const FIRST_CARDS = 12

interface Props {
  actions: readonly StickyItem[]
  commands: BoardCommands
  readOnly: boolean
}

export function ActionCards({ actions, commands, readOnly }: Props) {
  const t = useStrings()
  const id = useId()
  const [editing, setEditing] = useState<ItemId | null>(null)
  const [all, setAll] = useState(false)
  const shown = all ? actions : actions.slice(0, FIRST_CARDS)
  return (
    <section className="actions-panel" data-testid="actions-panel" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{t.actions}</h3>
      <ol className="action-list">
        {shown.map((action, i) => {
          const title = t.action(i + 1)
          const open = editing === action.id && !readOnly
          return (
            <li key={action.id} className="action-card" data-item-id={action.id}>
              <span className="action-number">{title}</span>
              {open ? (
                <>
                  <ActionField
                    label={t.actionWat}
                    value={action.text}
                    autoFocus
                    onSave={(value) => commands.setText(action.id, 'text', value)}
                  />
                  <ActionField
                    label={t.actionHoe}
                    value={action.hoe ?? ''}
                    onSave={(value) => commands.setActionFields(action.id, { hoe: value })}
                  />
                  <ActionField
                    label={t.actionWie}
                    value={action.wie ?? ''}
                    onSave={(value) => commands.setActionFields(action.id, { wie: value })}
                  />
                </>
              ) : (
                // Plain lines, not a list of fields: a board can hold hundreds of cards.
                <p className="action-text">
                  {`${t.actionWat}: ${action.text || t.empty}`}
                  <br />
                  {`${t.actionHoe}: ${action.hoe || t.empty} · ${t.actionWie}: ${action.wie || t.empty}`}
                </p>
              )}
              {!readOnly && (
                <button
                  type="button"
                  className="small"
                  aria-label={open ? `${t.done}: ${title}` : `${t.edit}: ${title}`}
                  aria-expanded={open}
                  onClick={() => setEditing(open ? null : action.id)}
                >
                  {open ? t.done : t.edit}
                </button>
              )}
            </li>
          )
        })}
      </ol>
      {shown.length < actions.length && (
        <button type="button" className="small" onClick={() => setAll(true)}>
          {t.showAllActions(actions.length)}
        </button>
      )}
    </section>
  )
}

/** A field saved when it loses focus, so a peer's typing is not overwritten per keystroke. */
function ActionField(props: {
  label: string
  value: string
  autoFocus?: boolean
  onSave(value: string): void
}) {
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        value={draft ?? props.value}
        autoFocus={props.autoFocus}
        data-field={props.label}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          if (draft !== null && draft !== props.value) props.onSave(draft)
          setDraft(null)
        }}
      />
    </label>
  )
}
