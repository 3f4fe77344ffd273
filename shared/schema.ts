// The shape of a board document: its vocabularies, limits, and per item type a zod schema of the
// plain snapshot plus its twin over a Y.Map's raw entries (text as Y.Text). The twins decide what
// a hostile or buggy peer can get past a reader.
import { z } from 'zod'
import { DRAWING_SCHEMAS, DRAWING_TEXT_FIELDS, Y_DRAWING_SCHEMAS } from './schema/drawing.ts'
import {
  base,
  colorSchema,
  itemIdSchema,
  LIMITS,
  plainText,
  textFields,
  yText,
} from './schema/fields.ts'

export { itemIdSchema, LIMITS } from './schema/fields.ts'
export {
  INK_STRIDE,
  inkPointsProblem,
  isSegment,
  SHAPE_KINDS,
  type InkItem,
  type LabelItem,
  type ShapeItem,
  type ShapeKind,
} from './schema/drawing.ts'

export const SCHEMA_VERSION = 1

/** The two top-level maps of a board's Y.Doc. */
export const META_MAP = 'meta'
export const ITEMS_MAP = 'items'

export const STICKY_KIND_VALUES = [
  'plus',
  'minus',
  'question',
  'goal',
  'need',
  'note',
  'top',
  'tip',
  'interesting',
  'action',
] as const
export const CIRCLE_ROLES = ['kind', 'school', 'thuis', 'zorg', 'other'] as const
export const BOX_ROLES = ['questions', 'agreements', 'column', 'other'] as const
export const VALENCES = ['up', 'down', 'neutral'] as const
export const AGREEMENT_STATUSES = ['open', 'done', 'not-done', 'continue'] as const
export const AGREEMENT_FIELDS = ['wat', 'wie', 'waarom', 'wanneer', 'hoe'] as const

export type StickyKind = (typeof STICKY_KIND_VALUES)[number]
export type CircleRole = (typeof CIRCLE_ROLES)[number]
export type BoxRole = (typeof BOX_ROLES)[number]
export type Valence = (typeof VALENCES)[number]
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number]
export type AgreementField = (typeof AGREEMENT_FIELDS)[number]

/** Fields that hold a Y.Text, per item type; setText may change only these. */
export const TEXT_FIELDS = {
  circle: ['label'],
  box: ['label'],
  sticky: ['text'],
  arrow: ['label'],
  agreement: AGREEMENT_FIELDS,
  question: ['text'],
  ...DRAWING_TEXT_FIELDS,
} as const

export type ItemType = keyof typeof TEXT_FIELDS
export type TextField = (typeof TEXT_FIELDS)[ItemType][number]

const circleSchema = z.object({
  ...base,
  type: z.literal('circle'),
  ...textFields(TEXT_FIELDS.circle, plainText),
  number: z.literal([2, 3, 4]).optional(),
  role: z.enum(CIRCLE_ROLES),
})

const boxSchema = z.object({
  ...base,
  type: z.literal('box'),
  ...textFields(TEXT_FIELDS.box, plainText),
  number: z.literal([1, 5]).optional(),
  role: z.enum(BOX_ROLES),
  /** A column's own kind (Tops, Tips, Interessant): what a sticky added in it becomes. */
  stickyKind: z.enum(STICKY_KIND_VALUES).optional(),
})

const stickySchema = z.object({
  ...base,
  type: z.literal('sticky'),
  ...textFields(TEXT_FIELDS.sticky, plainText),
  kind: z.enum(STICKY_KIND_VALUES),
  color: colorSchema.optional(),
  /** Who wrote it, when a private round revealed it with names. */
  author: z.string().max(LIMITS.shortText).optional(),
  /**
   * An action card (kind 'action') of an older "kies 3", which now makes agreements: its text is
   * the wat, these the hoe and wie. Kept readable; the report lists it with the agreements.
   */
  hoe: plainText.optional(),
  wie: z.string().max(LIMITS.shortText).optional(),
})

// An arrow's geometry follows its endpoints; its own x/y/w/h stay 0.
const arrowSchema = z.object({
  ...base,
  type: z.literal('arrow'),
  ...textFields(TEXT_FIELDS.arrow, plainText),
  from: itemIdSchema,
  to: itemIdSchema,
  valence: z.enum(VALENCES),
})

const agreementSchema = z.object({
  ...base,
  type: z.literal('agreement'),
  ...textFields(TEXT_FIELDS.agreement, plainText),
  status: z.enum(AGREEMENT_STATUSES),
  /** The point "kies 3" made it from, so choosing that point again adds no second agreement. */
  source: itemIdSchema.optional(),
})

const questionSchema = z.object({
  ...base,
  type: z.literal('question'),
  ...textFields(TEXT_FIELDS.question, plainText),
  askedBy: z.string().max(LIMITS.shortText),
  decisionNeeded: z.boolean(),
})

/** The plain snapshot of each item type: what readers return and what commands may write. */
export const SNAPSHOT_SCHEMAS = {
  circle: circleSchema,
  box: boxSchema,
  sticky: stickySchema,
  arrow: arrowSchema,
  agreement: agreementSchema,
  question: questionSchema,
  ...DRAWING_SCHEMAS,
} as const satisfies Record<ItemType, z.ZodType>

/** The same shapes over a Y.Map's raw entries, where each text field must be a real Y.Text. */
export const Y_ITEM_SCHEMAS = {
  circle: circleSchema.extend(textFields(TEXT_FIELDS.circle, yText)),
  box: boxSchema.extend(textFields(TEXT_FIELDS.box, yText)),
  sticky: stickySchema.extend(textFields(TEXT_FIELDS.sticky, yText)),
  arrow: arrowSchema.extend(textFields(TEXT_FIELDS.arrow, yText)),
  agreement: agreementSchema.extend(textFields(TEXT_FIELDS.agreement, yText)),
  question: questionSchema.extend(textFields(TEXT_FIELDS.question, yText)),
  ...Y_DRAWING_SCHEMAS,
} as const satisfies Record<ItemType, z.ZodType>

export type CircleItem = z.output<typeof circleSchema>
export type BoxItem = z.output<typeof boxSchema>
export type StickyItem = z.output<typeof stickySchema>
export type ArrowItem = z.output<typeof arrowSchema>
export type AgreementItem = z.output<typeof agreementSchema>
export type QuestionItem = z.output<typeof questionSchema>
/** A plain, validated snapshot of one item; text fields are strings. */
export type Item = { [T in ItemType]: z.output<(typeof SNAPSHOT_SCHEMAS)[T]> }[ItemType]
export type ContainerItem = CircleItem | BoxItem

export function isItemType(value: unknown): value is ItemType {
  return typeof value === 'string' && Object.hasOwn(TEXT_FIELDS, value)
}

/** Circles and boxes own items: a sticky dropped in a circle belongs to it and moves with it. */
export function isContainer(item: Item): item is ContainerItem {
  return item.type === 'circle' || item.type === 'box'
}

/**
 * Arrows and containers stay at the top level, so ownership is never deeper than one step. Every
 * other item (stickies, rows, ink, shapes, labels) may belong to a circle or box and move with it.
 */
export function canHaveParent(item: Item): boolean {
  return item.type !== 'arrow' && !isContainer(item)
}

export const metaSchemas = {
  schemaVersion: z.number().int().min(0),
  title: z.string().max(LIMITS.shortText),
  template: z.string().max(LIMITS.shortText),
  createdAt: z.number().min(0),
}

export interface BoardMeta {
  schemaVersion: number
  title: string
  template: string
  createdAt: number
}
