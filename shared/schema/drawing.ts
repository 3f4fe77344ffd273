// Schemas of the freehand items: ink strokes, shapes (rectangles to arrows) and free text labels.
// A stroke's points are one flat array checked in a single pass, so a hostile peer's huge or
// poisoned array costs a reader little and never gets through.
import { z } from 'zod'
import {
  base,
  colorSchema,
  LIMITS,
  plainText,
  signedSize,
  strokeWidth,
  textFields,
  yText,
} from './fields.ts'

export const SHAPE_KINDS = ['rect', 'ellipse', 'triangle', 'line', 'arrow'] as const
export type ShapeKind = (typeof SHAPE_KINDS)[number]

/** A line or arrow runs from (x, y) to (x + w, y + h), so its w and h may be negative. */
export function isSegment(shape: ShapeKind): shape is 'line' | 'arrow' {
  return shape === 'line' || shape === 'arrow'
}

export const DRAWING_TEXT_FIELDS = {
  ink: [],
  shape: ['label'],
  label: ['text'],
} as const

/** Numbers per ink point: x, y (relative to the item's x/y) and pen pressure. */
export const INK_STRIDE = 3

export const inkPointsSchema = z
  .array(z.number())
  .min(INK_STRIDE, { error: 'a stroke needs at least one point' })
  .max(INK_STRIDE * LIMITS.inkPoints, { error: `a stroke has at most ${LIMITS.inkPoints} points` })
  .refine((points) => points.length % INK_STRIDE === 0, {
    error: 'expected x, y, pressure for every point',
  })

/** Why the points do not fit their item's box (or have an odd pressure), if they do not. */
export function inkPointsProblem(
  points: readonly number[],
  w: number,
  h: number,
): string | undefined {
  const margin = LIMITS.inkMargin
  const inside = (value: number, max: number) => value >= -margin && value <= max + margin
  for (let i = 0; i < points.length; i += INK_STRIDE) {
    const x = points[i] ?? Number.NaN
    const y = points[i + 1] ?? Number.NaN
    const pressure = points[i + 2] ?? Number.NaN
    const point = i / INK_STRIDE
    if (!inside(x, w) || !inside(y, h)) return `point ${point} lies outside the item's box`
    if (!(pressure >= 0 && pressure <= 1)) return `point ${point} has a pressure outside 0..1`
  }
  return undefined
}

const inkSchema = z
  .object({
    ...base,
    type: z.literal('ink'),
    points: inkPointsSchema,
    color: colorSchema,
    width: strokeWidth,
  })
  .superRefine((ink, ctx) => {
    const problem = inkPointsProblem(ink.points, ink.w, ink.h)
    if (problem) ctx.addIssue({ code: 'custom', path: ['points'], message: problem })
  })

const shapeObject = z.object({
  ...base,
  type: z.literal('shape'),
  w: signedSize,
  h: signedSize,
  shape: z.enum(SHAPE_KINDS),
  stroke: colorSchema,
  fill: z.string().regex(/^(#[0-9a-fA-F]{6}|none)$/, { error: 'expected #rrggbb or none' }),
  strokeWidth,
  ...textFields(DRAWING_TEXT_FIELDS.shape, plainText),
})

function sizeBySegment(shape: { shape: ShapeKind; w: number; h: number }, ctx: z.RefinementCtx) {
  if (isSegment(shape.shape)) return
  for (const side of ['w', 'h'] as const) {
    if (shape[side] < 0) {
      ctx.addIssue({
        code: 'custom',
        path: [side],
        message: `only a line or arrow may have a negative size, not a ${shape.shape}`,
      })
    }
  }
}

const labelSchema = z.object({
  ...base,
  type: z.literal('label'),
  ...textFields(DRAWING_TEXT_FIELDS.label, plainText),
  fontSize: z.number().min(LIMITS.fontSize.min).max(LIMITS.fontSize.max),
})

/** Plain snapshots, as readers return them. */
export const DRAWING_SCHEMAS = {
  ink: inkSchema,
  shape: shapeObject.superRefine(sizeBySegment),
  label: labelSchema,
} as const

/** Over a Y.Map's raw entries: text fields must be real Y.Text. */
export const Y_DRAWING_SCHEMAS = {
  ink: inkSchema,
  shape: shapeObject
    .extend(textFields(DRAWING_TEXT_FIELDS.shape, yText))
    .superRefine(sizeBySegment),
  label: labelSchema.extend(textFields(DRAWING_TEXT_FIELDS.label, yText)),
} as const

export type InkItem = z.output<typeof DRAWING_SCHEMAS.ink>
export type ShapeItem = z.output<typeof DRAWING_SCHEMAS.shape>
export type LabelItem = z.output<typeof DRAWING_SCHEMAS.label>
