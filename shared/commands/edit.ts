// Commands that change what an item says or how it looks: its text, its kind, its valence or
// status, a question's details, the colours and sizes of stickies and drawings.
import * as Y from 'yjs'
import { BoardError } from '../errors.ts'
import type { ItemId } from '../ids.ts'
import { metaMap } from '../read.ts'
import {
  LIMITS,
  TEXT_FIELDS,
  type AgreementStatus,
  type Item,
  type ItemType,
  type StickyKind,
  type TextField,
  type Valence,
} from '../schema.ts'
import {
  checkItem,
  replaceText,
  requireItem,
  updateItem,
  wellFormed,
  writeFields,
} from './write.ts'

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

/** A sticky's own background, or back to its kind's colour when `color` is undefined. */
export function setStickyColor(
  doc: Y.Doc,
  id: ItemId,
  color: string | undefined,
  origin?: unknown,
): void {
  updateItem(doc, id, 'sticky', { color }, origin)
}

/** Who asked a question and whether it needs a decision; fields left out stay as they are. */
export function setQuestionFields(
  doc: Y.Doc,
  id: ItemId,
  fields: { askedBy?: string; decisionNeeded?: boolean },
  origin?: unknown,
): void {
  const { askedBy, decisionNeeded } = fields
  updateItem(doc, id, 'question', definedOnly({ askedBy, decisionNeeded }), origin)
}

/** The style fields each drawn item type has; other types have none. */
export const STYLE_FIELDS = {
  ink: ['color', 'width'],
  shape: ['stroke', 'fill', 'strokeWidth'],
  label: ['fontSize'],
} as const satisfies Partial<Record<ItemType, readonly string[]>>

export interface ItemStyle {
  /** Shape outline, `#rrggbb`. */
  stroke?: string
  /** Shape fill, `#rrggbb` or 'none'. */
  fill?: string
  strokeWidth?: number
  /** Ink colour, `#rrggbb`. */
  color?: string
  /** Ink stroke width. */
  width?: number
  fontSize?: number
}

/**
 * Changes the style of an ink stroke, shape or label; fields left out stay as they are. A label
 * grows or shrinks with its font size, so its box keeps fitting the text.
 */
export function setItemStyle(doc: Y.Doc, id: ItemId, style: ItemStyle, origin?: unknown): void {
  const { map, item } = requireItem(doc, id)
  const allowed: readonly string[] = Object.hasOwn(STYLE_FIELDS, item.type)
    ? STYLE_FIELDS[item.type as keyof typeof STYLE_FIELDS]
    : []
  const fields: Record<string, unknown> = definedOnly({ ...style })
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key)) {
      const has = allowed.length > 0 ? `it has ${allowed.join(', ')}` : 'it has no style to set'
      throw new BoardError(`a ${item.type} has no style '${key}' (${has})`)
    }
  }
  const fontSize = fields['fontSize']
  if (item.type === 'label' && typeof fontSize === 'number') {
    const scale = fontSize / item.fontSize
    Object.assign(fields, { w: item.w * scale, h: item.h * scale })
  }
  checkItem({ ...item, ...fields } as Item)
  doc.transact(() => writeFields(map, fields), origin)
}

export function setTitle(doc: Y.Doc, title: string, origin?: unknown): void {
  if (title.length > LIMITS.shortText) {
    throw new BoardError(`a title is at most ${LIMITS.shortText} characters`)
  }
  doc.transact(() => metaMap(doc).set('title', wellFormed(title)), origin)
}

/** The object without its undefined fields, which writeFields would read as "remove". */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>
}
