// The workshop sheets: tips–tops–interessant (ik- and wij-ronde), kies 3 → acties, and
// feed up – feed back – feed forward. Each is a row of labelled columns.
import { addLabel, addShape } from '../commands/draw.ts'
import { TEMPLATE_PART_LABELS as P } from './labels.ts'
import { addColumns, type TemplateContext } from './parts.ts'

const COLUMN = { w: 600, h: 1100, gap: 40 }

/** Three columns centred on (0, 0); a sticky added in a column gets its kind: top, tip, interesting. */
export function fillTipsTops(ctx: TemplateContext): void {
  const x = -(3 * COLUMN.w + 2 * COLUMN.gap) / 2
  addColumns(
    ctx,
    [
      { label: P.tops, hint: P.topsHint, stickyKind: 'top' },
      { label: P.tips, hint: P.tipsHint, stickyKind: 'tip' },
      { label: P.interessant, hint: P.interessantHint, stickyKind: 'interesting' },
    ],
    { x, y: -COLUMN.h / 2, ...COLUMN },
  )
}

export function fillFeedback(ctx: TemplateContext): void {
  const x = -(3 * COLUMN.w + 2 * COLUMN.gap) / 2
  addColumns(
    ctx,
    [
      { label: P.feedUp, hint: P.feedUpHint },
      { label: P.feedBack, hint: P.feedBackHint },
      { label: P.feedForward, hint: P.feedForwardHint },
    ],
    { x, y: -COLUMN.h / 2, ...COLUMN },
  )
}

/** Kies 3 → acties: the three chosen points on the left, each made concrete in its row. */
const ACTION = { w: 480, h: 1000, gap: 30, rows: 3, top: 200 }

export function fillKies3(ctx: TemplateContext): void {
  const columns = [
    { label: P.chosen, hint: P.chosenHint },
    { label: P.what, hint: P.whatHint },
    { label: P.how, hint: P.howHint },
    { label: P.who, hint: P.whoHint },
  ]
  const width = columns.length * ACTION.w + (columns.length - 1) * ACTION.gap
  const x = -width / 2
  const y = -ACTION.h / 2
  addColumns(ctx, columns, { x, y, w: ACTION.w, h: ACTION.h, gap: ACTION.gap })
  // Rows 1–3 across all four columns: a number to the left, a thin line between rows.
  const rowHeight = (ACTION.h - ACTION.top) / ACTION.rows
  for (let row = 0; row < ACTION.rows; row++) {
    const top = y + ACTION.top + row * rowHeight
    addLabel(ctx.doc, { ids: ctx.ids, text: String(row + 1), fontSize: 48, x: x - 70, y: top + 20 })
    if (row > 0) {
      addShape(ctx.doc, {
        ids: ctx.ids,
        shape: 'line',
        x: x - 60,
        y: top,
        w: width + 60,
        h: 0,
        stroke: '#adb5bd',
      })
    }
  }
}
