// The building blocks every item schema shares: limits, coordinates, sizes, colours, z keys and
// text, each once in a plain form (snapshots) and, for text, in its Y.Text form (raw doc entries).
import * as Y from 'yjs'
import { z } from 'zod'
import { isItemId, type ItemId } from '../ids.ts'
import { isOrderKey } from '../zOrder.ts'

/** Bounds a reader enforces; commands refuse to write past them so valid edits never vanish. */
export const LIMITS = {
  /** Board coordinates stay within ±coordinate. */
  coordinate: 1_000_000,
  /** Width and height of one item (by absolute value, for a line or arrow shape). */
  size: 100_000,
  /** Characters in one text field (a sticky, a label, one part of an agreement). */
  textLength: 10_000,
  /** Characters in short plain strings: a title, who asked a question. */
  shortText: 200,
  /** Characters in a z-order key; fractional keys grow slowly, a long one is an attack. */
  orderKey: 200,
  /** Points in one ink stroke; a longer stroke is drawn as several. */
  inkPoints: 5000,
  /** How far an ink point may lie outside its item's box (rounding after a resize). */
  inkMargin: 1,
  /** Stroke width of ink and shapes, in board units. */
  strokeWidth: { min: 1, max: 64 },
  /** Font size of a free text label, in board units. */
  fontSize: { min: 8, max: 200 },
  /** Items in one paste. */
  clipboardItems: 2000,
} as const

export const plainText = z.string().max(LIMITS.textLength)

export const yText = z
  .instanceof(Y.Text, { error: 'expected a Y.Text' })
  .refine((text) => text.length <= LIMITS.textLength, {
    error: `text longer than ${LIMITS.textLength} characters`,
  })
  .transform((text) => text.toString())

/** The same schema for each of `fields`: text fields as strings or as Y.Text. */
export function textFields<const F extends readonly string[], S extends z.ZodType>(
  fields: F,
  schema: S,
) {
  return Object.fromEntries(fields.map((field) => [field, schema])) as { [K in F[number]]: S }
}

export const itemIdSchema = z.custom<ItemId>(isItemId, { error: 'expected an item id' })
export const coordinate = z.number().min(-LIMITS.coordinate).max(LIMITS.coordinate)
export const size = z.number().min(0).max(LIMITS.size)
/** A width or height that may run backwards: a line drawn up or to the left. */
export const signedSize = z.number().min(-LIMITS.size).max(LIMITS.size)
export const orderKey = z
  .string()
  .max(LIMITS.orderKey)
  .refine(isOrderKey, { error: 'expected a fractional index' })
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected #rrggbb' })
export const strokeWidth = z.number().min(LIMITS.strokeWidth.min).max(LIMITS.strokeWidth.max)

/** Fields every item has. */
export const base = {
  id: itemIdSchema,
  x: coordinate,
  y: coordinate,
  w: size,
  h: size,
  z: orderKey,
  parent: itemIdSchema.optional(),
}
