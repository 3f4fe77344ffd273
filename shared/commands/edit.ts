// Commands that change what an item says: its text, its kind, its valence or status.
import * as Y from 'yjs'
import { BoardError } from '../errors.ts'
import type { ItemId } from '../ids.ts'
import { metaMap } from '../read.ts'
import {
  LIMITS,
  TEXT_FIELDS,
  type AgreementStatus,
  type StickyKind,
  type TextField,
  type Valence,
} from '../schema.ts'
import { replaceText, requireItem, updateItem, wellFormed } from './write.ts'

/** Makes a text field read `value`, editing only the part that differs. */
export function setText(
  doc: Y.Doc,
  id: ItemId,
  field: TextField,
  value: string,
  origin?: unknown,
): void {
  const { map, item } = requireItem(doc, id)
  const fields: readonly string[] = TEXT_FIELDS[item.type]
  if (!fields.includes(field)) {
    throw new BoardError(
      `a ${item.type} has no text field '${field}' (it has ${fields.join(', ')})`,
    )
  }
  if (value.length > LIMITS.textLength) {
    throw new BoardError(`text is longer than ${LIMITS.textLength} characters`)
  }
  const text = map.get(field)
  // requireItem validated the item, so this only narrows the type.
  if (!(text instanceof Y.Text)) throw new BoardError(`${id}.${field} is not a text`)
  doc.transact(() => replaceText(text, value), origin)
}

export function setStickyKind(doc: Y.Doc, id: ItemId, kind: StickyKind, origin?: unknown): void {
  updateItem(doc, id, 'sticky', { kind }, origin)
}

export function setArrowValence(doc: Y.Doc, id: ItemId, valence: Valence, origin?: unknown): void {
  updateItem(doc, id, 'arrow', { valence }, origin)
}

/** Marks an agreement done, not done or continuing, usually when the next MDO evaluates it. */
export function setAgreementStatus(
  doc: Y.Doc,
  id: ItemId,
  status: AgreementStatus,
  origin?: unknown,
): void {
  updateItem(doc, id, 'agreement', { status }, origin)
}

export function setTitle(doc: Y.Doc, title: string, origin?: unknown): void {
  if (title.length > LIMITS.shortText) {
    throw new BoardError(`a title is at most ${LIMITS.shortText} characters`)
  }
  doc.transact(() => metaMap(doc).set('title', wellFormed(title)), origin)
}
