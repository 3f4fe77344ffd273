// Which fields of the board hold a participant's name, and the board without them. Every export
// (PDF, Markdown, CSV, the board file) prints names only when the facilitator ticks "Namen tonen";
// this is the one list they all strip by. tests/unit/reportNames.test.ts checks it against the
// schema, so a new field that can hold a name cannot slip past.
import type { BoardSnapshot } from '../read.ts'
import type { Item } from '../schema.ts'
import type { Participant } from './model.ts'

/**
 * Per item type, the fields the app fills with a participant's name: who wrote a sticky revealed
 * from a private round (on a plenary board also the table it came from, in the same field), and
 * who asked a question (the asker's join name, editable). An agreement's or an action card's
 * `wie` is not here: it is who will do the work, typed as part of what was agreed, like any text
 * on the board, and a plan without it is no plan.
 */
export const NAME_FIELDS = {
  sticky: ['author'],
  question: ['askedBy'],
} as const satisfies Partial<Record<Item['type'], readonly string[]>>

/** The item with its name fields emptied: left out where optional, an empty string where not. */
export function withoutNames(item: Item): Item {
  if (item.type === 'sticky' && item.author !== undefined) {
    const { author: _author, ...rest } = item
    return rest
  }
  if (item.type === 'question' && item.askedBy !== '') return { ...item, askedBy: '' }
  return item
}

/** The board as an export may show it: with names, or without any. */
export function boardForExport(board: BoardSnapshot, names: boolean): BoardSnapshot {
  return names ? board : { ...board, items: board.items.map(withoutNames) }
}

/** Who was there as an export may show it: by role only, unless names are shown. */
export function participantsForExport(
  participants: readonly Participant[] | undefined,
  names: boolean,
): Participant[] | undefined {
  if (!participants) return undefined
  return participants.map(({ role, name }) => (names && name ? { role, name } : { role }))
}
