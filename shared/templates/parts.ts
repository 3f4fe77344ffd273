// Building blocks the workshop templates share: a row of labelled columns with a hint under each
// header, and text broken into lines (a free text label does not wrap by itself).
import type * as Y from 'yjs'
import { addBox } from '../commands/create.ts'
import { addLabel, labelSize } from '../commands/draw.ts'
import type { IdSource, ItemId } from '../ids.ts'
import type { Label } from '../labels.ts'
import type { BoxRole, StickyKind } from '../schema.ts'

export interface TemplateContext {
  doc: Y.Doc
  ids: IdSource
}

export const HINT_FONT = 22
/** Below a box's header (its number and label), where a hint starts. */
const HEADER = 80
const PADDING = 20

/** Breaks text at spaces into lines of at most `width` characters (a longer word stays whole). */
export function wrapText(text: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

export interface Area {
  role: BoxRole
  label: Label
  hint?: Label
  /** What a sticky added in it becomes (a Tops column: a top). */
  stickyKind?: StickyKind
  x: number
  y: number
  w: number
  h: number
}

/** A box with its label, and its hint as a free text label inside it that moves with it. */
export function addArea({ doc, ids }: TemplateContext, area: Area): ItemId {
  const box = addBox(doc, {
    ids,
    role: area.role,
    label: area.label.nl,
    ...(area.stickyKind ? { stickyKind: area.stickyKind } : {}),
    x: area.x,
    y: area.y,
    w: area.w,
    h: area.h,
  })
  if (area.hint) addHint({ doc, ids }, area.hint, area.x + PADDING, area.y + HEADER, area.w, box)
  return box
}

/** A hint text that fits a width of `w` board units (including a margin each side). */
export function addHint(
  { doc, ids }: TemplateContext,
  hint: Label,
  x: number,
  y: number,
  w: number,
  parent?: ItemId,
): ItemId {
  const chars = Math.max(10, Math.floor((w - 2 * PADDING) / (HINT_FONT * 0.6)))
  const text = wrapText(hint.nl, chars)
  return addLabel(doc, {
    ids,
    text,
    fontSize: HINT_FONT,
    x,
    y,
    ...labelSize(text, HINT_FONT),
    ...(parent === undefined ? {} : { parent }),
  })
}

export interface Column {
  label: Label
  hint?: Label
  stickyKind?: StickyKind
}

/** Columns side by side, left to right from (x, y); returns their ids in the same order. */
export function addColumns(
  ctx: TemplateContext,
  columns: readonly Column[],
  at: { x: number; y: number; w: number; h: number; gap: number },
): ItemId[] {
  return columns.map((column, i) =>
    addArea(ctx, {
      role: 'column',
      label: column.label,
      ...(column.hint ? { hint: column.hint } : {}),
      ...(column.stickyKind ? { stickyKind: column.stickyKind } : {}),
      x: at.x + i * (at.w + at.gap),
      y: at.y,
      w: at.w,
      h: at.h,
    }),
  )
}
