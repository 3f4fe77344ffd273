// Commands that put a new item on the board. Each returns the new id and runs in one transaction;
// ids come from the caller's IdSource (random by default) so tests can replay a board exactly.
import type * as Y from 'yjs'
import { BoardError } from '../errors.ts'
import { newItemId, randomIds, type IdSource, type ItemId } from '../ids.ts'
import type {
  AgreementField,
  AgreementStatus,
  BoxItem,
  BoxRole,
  CircleItem,
  CircleRole,
  StickyKind,
  Valence,
} from '../schema.ts'
import { childrenOf, createItem, nextZ, requireItem } from './write.ts'

export const STICKY_SIZE = { w: 180, h: 120 } as const
export const QUESTION_SIZE = { w: 600, h: 120 } as const
export const AGREEMENT_SIZE = { w: 600, h: 220 } as const
/** Room at the top of a box for its number and label, and the margin around its rows. */
const BOX_HEADER = 80
const BOX_PADDING = 20

interface Creating {
  ids?: IdSource
}

export interface NewSticky extends Creating {
  kind: StickyKind
  text?: string
  x: number
  y: number
  w?: number
  h?: number
  /** The circle or box it belongs to; see containerAt to find one under a drop point. */
  parent?: ItemId
  color?: string
}

export interface NewCircle extends Creating {
  role: CircleRole
  label?: string
  number?: CircleItem['number']
  /** Centre and radius. */
  cx: number
  cy: number
  r: number
}

export interface NewBox extends Creating {
  role: BoxRole
  label?: string
  number?: BoxItem['number']
  stickyKind?: BoxItem['stickyKind']
  x: number
  y: number
  w: number
  h: number
}

export interface NewArrow extends Creating {
  label?: string
  valence?: Valence
}

/** Rows in a box (questions, agreements) stack below the last one unless placed explicitly. */
interface NewRow extends Creating {
  parent: ItemId
  x?: number
  y?: number
}

export interface NewAgreement extends NewRow, Partial<Record<AgreementField, string>> {
  status?: AgreementStatus
  /** The point it was made from (kies 3). */
  source?: ItemId
}

export interface NewQuestion extends NewRow {
  text?: string
  askedBy?: string
  decisionNeeded?: boolean
}

export function addSticky(doc: Y.Doc, input: NewSticky, origin?: unknown): ItemId {
  if (input.parent !== undefined) requireItem(doc, input.parent, 'circle', 'box')
  return createItem(
    doc,
    {
      id: newItemId('sticky', input.ids ?? randomIds),
      type: 'sticky',
      x: input.x,
      y: input.y,
      w: input.w ?? STICKY_SIZE.w,
      h: input.h ?? STICKY_SIZE.h,
      z: nextZ(doc),
      parent: input.parent,
      kind: input.kind,
      text: input.text ?? '',
      color: input.color,
    },
    origin,
  )
}

export function addCircle(doc: Y.Doc, input: NewCircle, origin?: unknown): ItemId {
  return createItem(
    doc,
    {
      id: newItemId('circle', input.ids ?? randomIds),
      type: 'circle',
      x: input.cx - input.r,
      y: input.cy - input.r,
      w: 2 * input.r,
      h: 2 * input.r,
      z: nextZ(doc),
      role: input.role,
      label: input.label ?? '',
      number: input.number,
    },
    origin,
  )
}

export function addBox(doc: Y.Doc, input: NewBox, origin?: unknown): ItemId {
  return createItem(
    doc,
    {
      id: newItemId('box', input.ids ?? randomIds),
      type: 'box',
      x: input.x,
      y: input.y,
      w: input.w,
      h: input.h,
      z: nextZ(doc),
      role: input.role,
      label: input.label ?? '',
      number: input.number,
      stickyKind: input.stickyKind,
    },
    origin,
  )
}

/** Draws an interaction arrow between two items (circles, usually). */
export function linkItems(
  doc: Y.Doc,
  from: ItemId,
  to: ItemId,
  input: NewArrow = {},
  origin?: unknown,
): ItemId {
  if (from === to) throw new BoardError('an arrow needs two different items')
  for (const end of [from, to]) {
    if (requireItem(doc, end).item.type === 'arrow') {
      throw new BoardError(`${end} is an arrow; arrows link items, not arrows`)
    }
  }
  return createItem(
    doc,
    {
      id: newItemId('arrow', input.ids ?? randomIds),
      type: 'arrow',
      x: 0,
      y: 0,
      w: 0,
      h: 0,
      z: nextZ(doc),
      from,
      to,
      label: input.label ?? '',
      valence: input.valence ?? 'neutral',
    },
    origin,
  )
}

export function addAgreement(doc: Y.Doc, input: NewAgreement, origin?: unknown): ItemId {
  const at = rowPlacement(doc, input, AGREEMENT_SIZE)
  return createItem(
    doc,
    {
      id: newItemId('agreement', input.ids ?? randomIds),
      type: 'agreement',
      ...at,
      z: nextZ(doc),
      parent: input.parent,
      wat: input.wat ?? '',
      wie: input.wie ?? '',
      waarom: input.waarom ?? '',
      wanneer: input.wanneer ?? '',
      hoe: input.hoe ?? '',
      status: input.status ?? 'open',
      source: input.source,
    },
    origin,
  )
}

export function addQuestion(doc: Y.Doc, input: NewQuestion, origin?: unknown): ItemId {
  const at = rowPlacement(doc, input, QUESTION_SIZE)
  return createItem(
    doc,
    {
      id: newItemId('question', input.ids ?? randomIds),
      type: 'question',
      ...at,
      z: nextZ(doc),
      parent: input.parent,
      text: input.text ?? '',
      askedBy: input.askedBy ?? '',
      decisionNeeded: input.decisionNeeded ?? false,
    },
    origin,
  )
}

/** Where a new row goes in its box: where asked, else below the box's lowest item. */
function rowPlacement(
  doc: Y.Doc,
  input: NewRow,
  size: { w: number; h: number },
): { x: number; y: number; w: number; h: number } {
  const box = requireItem(doc, input.parent, 'box').item
  const w = Math.max(0, Math.min(size.w, box.w - 2 * BOX_PADDING))
  const x = input.x ?? box.x + BOX_PADDING
  const bottoms = childrenOf(doc, box.id).map(({ item }) => item.y + item.h + BOX_PADDING)
  const y = input.y ?? Math.max(box.y + BOX_HEADER, ...bottoms)
  return { x, y, w, h: size.h }
}
