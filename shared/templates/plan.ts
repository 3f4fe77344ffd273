// Plan van aanpak: goals with sub-goals in rows, and per row the activities, who does what and
// how it is evaluated; below it the scope, feasibility and preconditions.
import { addLabel, addShape } from '../commands/draw.ts'
import type { Label } from '../labels.ts'
import { TEMPLATE_PART_LABELS as P } from './labels.ts'
import { addArea, addColumns, type TemplateContext } from './parts.ts'

const COLUMN = { w: 520, gap: 30, top: 110 }
const GOAL_ROW = 420
const GOALS = 3
const BOTTOM = { h: 420, gap: 60 }

/** "Doel 1": a goal row's name, in both languages. */
const goalLabel = (n: number): Label => ({ nl: `${P.goal.nl} ${n}`, en: `${P.goal.en} ${n}` })

/** Every row name the plan writes on a board. */
export const PLAN_LABELS: readonly Label[] = [
  ...Array.from({ length: GOALS }, (_, i) => goalLabel(i + 1)),
  P.subgoal,
]

export function fillPlan(ctx: TemplateContext): void {
  const { doc, ids } = ctx
  const columns = [
    { label: P.goals },
    { label: P.activities },
    { label: P.whoDoesWhat },
    { label: P.evaluation },
  ]
  const width = columns.length * COLUMN.w + (columns.length - 1) * COLUMN.gap
  const h = COLUMN.top + GOALS * GOAL_ROW
  const x = -width / 2
  const y = -(h + BOTTOM.gap + BOTTOM.h) / 2
  const [goalColumn] = addColumns(ctx, columns, { x, y, w: COLUMN.w, h, gap: COLUMN.gap })
  for (let goal = 0; goal < GOALS; goal++) {
    const top = y + COLUMN.top + goal * GOAL_ROW
    if (goal > 0) {
      addShape(doc, { ids, shape: 'line', x, y: top, w: width, h: 0, stroke: '#adb5bd' })
    }
    // "Doel 1", then two sub-goals below it, as on the paper form.
    const rows = [goalLabel(goal + 1).nl, P.subgoal.nl, P.subgoal.nl]
    rows.forEach((text, i) => {
      addLabel(doc, {
        ids,
        text,
        fontSize: i === 0 ? 28 : 22,
        x: x + 20,
        y: top + 20 + i * 130,
        ...(goalColumn === undefined ? {} : { parent: goalColumn }),
      })
    })
  }
  const areas = [
    { label: P.scope, hint: P.scopeHint },
    { label: P.feasibility, hint: P.feasibilityHint },
    { label: P.preconditions, hint: P.preconditionsHint },
  ]
  const areaW = (width - (areas.length - 1) * COLUMN.gap) / areas.length
  areas.forEach((area, i) =>
    addArea(ctx, {
      role: 'other',
      ...area,
      x: x + i * (areaW + COLUMN.gap),
      y: y + h + BOTTOM.gap,
      w: areaW,
      h: BOTTOM.h,
    }),
  )
}
