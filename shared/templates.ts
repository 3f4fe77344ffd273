// Templates are data: each is a function that fills a freshly created board. Adding a template is
// adding one entry here (and its names in labels.ts).
import { addBox, addCircle, linkItems } from './commands/create.ts'
import type { ItemId } from './ids.ts'
import { BOX_ROLE_LABELS, CIRCLE_ROLE_LABELS, TEMPLATE_LABELS, type Label } from './labels.ts'
import type { TemplateContext } from './templates/parts.ts'
import { fillPlan } from './templates/plan.ts'
import { fillRoute } from './templates/route.ts'
import { fillFeedback, fillKies3, fillTipsTops } from './templates/sheets.ts'

export type { TemplateContext } from './templates/parts.ts'
export * from './templates/method.ts'
export { labelKey, shownLabel, templateLabelOf } from './templates/text.ts'

export const TEMPLATE_NAMES = [
  'mdo',
  'mdo-zorg',
  'tips-tops-interessant',
  'kies-3',
  'ondersteuningsroute',
  'plan-van-aanpak',
  'feedback',
  'blank',
] as const
export type TemplateName = (typeof TEMPLATE_NAMES)[number]

export interface Template {
  name: Label
  description: Label
  /** Runs inside createBoard's transaction, after the meta is set. */
  fill(ctx: TemplateContext): void
}

/** Circle radius on the MDO boards; the three circles sit in a triangle around (0, 0). */
const R = 260

/** Drie cirkels: 1 Vragen left, 2–4 the circles, 5 Afspraken right, arrows between the circles. */
function fillMdo({ doc, ids }: TemplateContext): void {
  addBox(doc, {
    ids,
    role: 'questions',
    number: 1,
    label: BOX_ROLE_LABELS.questions.nl,
    x: -1300,
    y: -560,
    w: 640,
    h: 1070,
  })
  const circle = (role: 'kind' | 'school' | 'thuis', number: 2 | 3 | 4, cx: number, cy: number) =>
    addCircle(doc, { ids, role, number, label: CIRCLE_ROLE_LABELS[role].nl, cx, cy, r: R })
  const kind = circle('kind', 2, 0, -300)
  const school = circle('school', 3, -320, 250)
  const thuis = circle('thuis', 4, 320, 250)
  addBox(doc, {
    ids,
    role: 'agreements',
    number: 5,
    label: BOX_ROLE_LABELS.agreements.nl,
    x: 660,
    y: -560,
    w: 640,
    h: 1070,
  })
  const link = (from: ItemId, to: ItemId) => linkItems(doc, from, to, { ids, valence: 'neutral' })
  link(kind, school)
  link(school, thuis)
  link(thuis, kind)
}

export const TEMPLATES = {
  mdo: { ...TEMPLATE_LABELS.mdo, fill: fillMdo },
  'mdo-zorg': {
    ...TEMPLATE_LABELS['mdo-zorg'],
    fill(ctx) {
      fillMdo(ctx)
      // Below the triangle rather than inside it: the gap between the three is too small.
      const label = CIRCLE_ROLE_LABELS.zorg.nl
      addCircle(ctx.doc, { ids: ctx.ids, role: 'zorg', label, cx: 0, cy: 790, r: 220 })
    },
  },
  'tips-tops-interessant': { ...TEMPLATE_LABELS['tips-tops-interessant'], fill: fillTipsTops },
  'kies-3': { ...TEMPLATE_LABELS['kies-3'], fill: fillKies3 },
  ondersteuningsroute: { ...TEMPLATE_LABELS.ondersteuningsroute, fill: fillRoute },
  'plan-van-aanpak': { ...TEMPLATE_LABELS['plan-van-aanpak'], fill: fillPlan },
  feedback: { ...TEMPLATE_LABELS.feedback, fill: fillFeedback },
  blank: { ...TEMPLATE_LABELS.blank, fill() {} },
} as const satisfies Record<TemplateName, Template>

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && Object.hasOwn(TEMPLATES, value)
}
