// The workshop sheets: tips–tops–interessant (ik- and wij-ronde), kies 3 → acties, and
// feed up – feed back – feed forward. Each is a row of labelled columns.
import { TEMPLATE_PART_LABELS as P } from './labels.ts'
import { addArea, addColumns, type TemplateContext } from './parts.ts'

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

/**
 * Kies 3 → acties: the chosen points in a column on the left, and beside it the table's one list
 * of actions: a box of agreements (wat, hoe, wie, …) that "kies 3" fills from the chosen points
 * (commands/actions.ts) and the side panel's Afspraken edits. The box lists its rows itself, so it
 * has no hint or ruled rows inside.
 */
const KIES3 = { column: 480, actions: 1500, h: 1000, gap: 30 }

export function fillKies3(ctx: TemplateContext): void {
  const x = -(KIES3.column + KIES3.gap + KIES3.actions) / 2
  const y = -KIES3.h / 2
  addColumns(ctx, [{ label: P.chosen, hint: P.chosenHint }], {
    x,
    y,
    w: KIES3.column,
    h: KIES3.h,
    gap: KIES3.gap,
  })
  addArea(ctx, {
    role: 'agreements',
    label: P.actions,
    x: x + KIES3.column + KIES3.gap,
    y,
    w: KIES3.actions,
    h: KIES3.h,
  })
}
