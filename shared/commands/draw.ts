// Commands that draw: a freehand ink stroke, a shape, a free text label. Like every creating
// command, each checks the new item against the reader's schema and stores it in one transaction.
import type * as Y from 'yjs'
import { BoardError, describeIssues } from '../errors.ts'
import { newItemId, randomIds, type IdSource, type ItemId } from '../ids.ts'
import { INK_STRIDE, inkPointsSchema, isSegment, type ShapeKind } from '../schema/drawing.ts'
import { createItem, nextZ, requireItem } from './write.ts'

export const INK_DEFAULTS = { color: '#1e1e1e', width: 4 } as const
export const SHAPE_DEFAULTS = { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 } as const
export const LABEL_DEFAULTS = { fontSize: 24 } as const

interface NewDrawing {
  x: number
  y: number
  /** The circle or box it belongs to, so it moves with it. */
  parent?: ItemId
  ids?: IdSource
}

export interface NewInk extends NewDrawing {
  /** `[x0, y0, p0, x1, y1, p1, …]` relative to x/y; p is pen pressure, 0..1. */
  points: readonly number[]
  color?: string
  width?: number
}

export interface NewShape extends NewDrawing {
  shape: ShapeKind
  /** A line or arrow runs from (x, y) to (x + w, y + h); other shapes may be dragged backwards too. */
  w: number
  h: number
  stroke?: string
  /** `#rrggbb`, or 'none' for an outline only. */
  fill?: string
  strokeWidth?: number
  label?: string
}

export interface NewLabel extends NewDrawing {
  text: string
  fontSize?: number
  /** Measured by the client when it can; estimated from the text otherwise. */
  w?: number
  h?: number
}

/**
 * Stores a stroke in the smallest box around its points, the points relative to that box: the
 * leftmost point gets x 0 and the topmost y 0. A stroke longer than LIMITS.inkPoints is refused;
 * draw it as several.
 */
export function addInk(doc: Y.Doc, input: NewInk, origin?: unknown): ItemId {
  const parent = checkedParent(doc, input.parent)
  const parsed = inkPointsSchema.safeParse(input.points)
  if (!parsed.success) throw new BoardError(`invalid ink points: ${describeIssues(parsed.error)}`)
  const stroke = fitStroke(parsed.data)
  return createItem(
    doc,
    {
      id: newItemId('ink', input.ids ?? randomIds),
      type: 'ink',
      x: input.x + stroke.left,
      y: input.y + stroke.top,
      w: stroke.w,
      h: stroke.h,
      z: nextZ(doc),
      parent,
      points: stroke.points,
      color: input.color ?? INK_DEFAULTS.color,
      width: input.width ?? INK_DEFAULTS.width,
    },
    origin,
  )
}

export function addShape(doc: Y.Doc, input: NewShape, origin?: unknown): ItemId {
  const parent = checkedParent(doc, input.parent)
  // Only a segment keeps its direction; any other shape is stored by its top-left corner.
  const bounds = isSegment(input.shape)
    ? { x: input.x, y: input.y, w: input.w, h: input.h }
    : {
        x: Math.min(input.x, input.x + input.w),
        y: Math.min(input.y, input.y + input.h),
        w: Math.abs(input.w),
        h: Math.abs(input.h),
      }
  return createItem(
    doc,
    {
      id: newItemId('shape', input.ids ?? randomIds),
      type: 'shape',
      ...bounds,
      z: nextZ(doc),
      parent,
      shape: input.shape,
      stroke: input.stroke ?? SHAPE_DEFAULTS.stroke,
      fill: input.fill ?? SHAPE_DEFAULTS.fill,
      strokeWidth: input.strokeWidth ?? SHAPE_DEFAULTS.strokeWidth,
      label: input.label ?? '',
    },
    origin,
  )
}

export function addLabel(doc: Y.Doc, input: NewLabel, origin?: unknown): ItemId {
  const parent = checkedParent(doc, input.parent)
  const fontSize = input.fontSize ?? LABEL_DEFAULTS.fontSize
  const estimate = labelSize(input.text, fontSize)
  return createItem(
    doc,
    {
      id: newItemId('label', input.ids ?? randomIds),
      type: 'label',
      x: input.x,
      y: input.y,
      w: input.w ?? estimate.w,
      h: input.h ?? estimate.h,
      z: nextZ(doc),
      parent,
      text: input.text,
      fontSize,
    },
    origin,
  )
}

/**
 * A rough box for text in a common sans-serif font: wide enough for the longest line, high enough
 * for every line. The client, which can measure, may resize the label to fit exactly.
 */
export function labelSize(text: string, fontSize: number): { w: number; h: number } {
  const lines = text.split('\n')
  const longest = Math.max(1, ...lines.map((line) => line.length))
  return { w: Math.ceil(longest * fontSize * 0.6), h: Math.ceil(lines.length * fontSize * 1.25) }
}

function checkedParent(doc: Y.Doc, parent: ItemId | undefined): ItemId | undefined {
  if (parent !== undefined) requireItem(doc, parent, 'circle', 'box')
  return parent
}

function fitStroke(points: readonly number[]) {
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (let i = 0; i < points.length; i += INK_STRIDE) {
    const x = points[i] ?? 0
    const y = points[i + 1] ?? 0
    left = Math.min(left, x)
    right = Math.max(right, x)
    top = Math.min(top, y)
    bottom = Math.max(bottom, y)
  }
  const fitted = points.map((value, i) =>
    i % INK_STRIDE === 0 ? value - left : i % INK_STRIDE === 1 ? value - top : value,
  )
  return { left, top, w: right - left, h: bottom - top, points: fitted }
}
