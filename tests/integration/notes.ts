// What the relay tests write through stock clients: notes as real stickies, made by the board's
// own command, since the relay refuses a root type or field the board's schema does not know.
import type * as Y from 'yjs'
import { addSticky } from '../../shared/commands/create.ts'
import { readBoard } from '../../shared/read.ts'

export interface Notes {
  /** Adds one sticky per text, in one transaction: one update, like one push on a Y.Array. */
  push(texts: readonly string[]): void
  /** The same as push: stickies are ordered by their z keys, not by where they were put. */
  insert(index: number, texts: readonly string[]): void
  /** The notes' texts, bottom to top; a single writer's in the order written. */
  toArray(): string[]
  readonly length: number
}

export function notesOf(doc: Y.Doc): Notes {
  const push = (texts: readonly string[]) =>
    doc.transact(() => {
      for (const text of texts) addSticky(doc, { kind: 'note', text, x: 0, y: 0 })
    })
  const toArray = () =>
    readBoard(doc).items.flatMap((item) =>
      item.type === 'sticky' && item.kind === 'note' ? [item.text] : [],
    )
  return {
    push,
    insert: (_index, texts) => push(texts),
    toArray,
    get length() {
      return toArray().length
    },
  }
}
