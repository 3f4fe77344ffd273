// How each template is worked with, as data beside the template: the steps its table walks (or
// none), the sections its outline has, the sticky kinds its toolbar offers, and who sits at its
// table. The template decides; the client and the report read it through these functions.
import {
  CONTROL_STEPS,
  type ControlStep,
  type StepFocus,
  type StepId,
  type WORKSHOP_STEP_IDS,
} from '../controlState.ts'
import { STEP_LABELS } from '../labels.ts'
import type { Item, StickyKind } from '../schema.ts'
import type { TemplateName } from '../templates.ts'

type WorkshopStepId = (typeof WORKSHOP_STEP_IDS)[number]

/** Parts of the outline, in the order it shows them. */
export const OUTLINE_SECTIONS = [
  'circles',
  'interactions',
  'questions',
  'agreements',
  'areas',
] as const
export type OutlineSection = (typeof OUTLINE_SECTIONS)[number]

/**
 * 'family': an MDO, where parents (and the child) sit at the table. 'professionals': a workshop
 * or network meeting of teachers, IB'ers and youth services, where no role can be guessed.
 */
export type Audience = 'family' | 'professionals'

export interface TemplateMethod {
  /** The steps in order; empty when the template has none (a blank board, a plan of action). */
  steps: readonly ControlStep[]
  /** The sections the outline always shows; any other appears only once it holds something. */
  sections: readonly OutlineSection[]
  /** What the sticky tool offers, besides the kinds of the board's own columns. */
  stickyKinds: readonly StickyKind[]
  audience: Audience
  /**
   * Whether the side panel offers the MDO's questions and agreements (making their boxes when
   * the board has none). A workshop sheet has columns of its own for what the table decides.
   */
  lists: boolean
}

const MDO_KINDS: readonly StickyKind[] = ['plus', 'minus', 'question', 'goal', 'need', 'note']

const COLUMNS: StepFocus = { circles: false, arrows: false, boxes: ['column'], kinds: [] }
const AREAS: StepFocus = { circles: false, arrows: false, boxes: ['other'], kinds: [] }

/** A template's own steps, numbered 1 to N in the order given. */
function workshopSteps(
  ...steps: readonly { id: WorkshopStepId; focus: StepFocus }[]
): ControlStep[] {
  return steps.map(({ id, focus }, index) => ({
    id,
    number: index + 1,
    label: STEP_LABELS[id],
    focus,
  }))
}

const MDO: TemplateMethod = {
  steps: CONTROL_STEPS,
  sections: ['circles', 'interactions', 'questions', 'agreements'],
  stickyKinds: MDO_KINDS,
  audience: 'family',
  lists: true,
}

const TIPS_KINDS: readonly StickyKind[] = ['top', 'tip', 'interesting']

export const TEMPLATE_METHODS = {
  mdo: MDO,
  'mdo-zorg': MDO,
  'tips-tops-interessant': {
    steps: workshopSteps(
      { id: 'ik-ronde', focus: { ...COLUMNS, kinds: TIPS_KINDS } },
      { id: 'wij-ronde', focus: { ...COLUMNS, kinds: TIPS_KINDS } },
      { id: 'delen', focus: { ...COLUMNS, kinds: TIPS_KINDS } },
    ),
    sections: ['areas'],
    stickyKinds: TIPS_KINDS,
    audience: 'professionals',
    lists: false,
  },
  'kies-3': {
    steps: workshopSteps(
      { id: 'kiezen', focus: { ...COLUMNS, kinds: ['note'] } },
      // Making them concrete happens in the Acties box: the agreements kies 3 made.
      {
        id: 'concreet',
        focus: { ...COLUMNS, boxes: ['column', 'agreements'], kinds: ['note'] },
      },
    ),
    sections: ['areas'],
    stickyKinds: ['note', 'question'],
    audience: 'professionals',
    lists: false,
  },
  feedback: {
    steps: workshopSteps(
      { id: 'feed-up', focus: { ...COLUMNS, kinds: ['goal'] } },
      { id: 'feed-back', focus: { ...COLUMNS, kinds: ['plus', 'minus'] } },
      { id: 'feed-forward', focus: { ...COLUMNS, kinds: ['tip', 'need'] } },
    ),
    sections: ['areas'],
    stickyKinds: ['goal', 'plus', 'minus', 'tip', 'note'],
    audience: 'professionals',
    lists: false,
  },
  ondersteuningsroute: {
    steps: workshopSteps(
      { id: 'behouden', focus: { ...AREAS, kinds: ['plus'] } },
      { id: 'verbeteren', focus: { ...AREAS, kinds: ['minus', 'tip'] } },
    ),
    sections: ['areas'],
    stickyKinds: ['plus', 'minus', 'tip', 'note'],
    audience: 'professionals',
    lists: false,
  },
  // A plan of action is filled in as a form, after an MDO, often with the parents there.
  'plan-van-aanpak': {
    steps: [],
    sections: ['areas'],
    stickyKinds: ['goal', 'need', 'note', 'question'],
    audience: 'family',
    lists: true,
  },
  blank: {
    steps: [],
    sections: [],
    stickyKinds: ['note', 'plus', 'minus', 'question', 'top', 'tip'],
    audience: 'professionals',
    lists: true,
  },
} as const satisfies Record<TemplateName, TemplateMethod>

/** The method of a board's template; a board of an unknown template is treated as a blank one. */
export function methodOf(template: string): TemplateMethod {
  return Object.hasOwn(TEMPLATE_METHODS, template)
    ? TEMPLATE_METHODS[template as TemplateName]
    : TEMPLATE_METHODS.blank
}

export function stepsOf(template: string): readonly ControlStep[] {
  return methodOf(template).steps
}

/**
 * The step a board is at, among its template's steps. A step the template does not have (a new
 * board's control room starts at the MDO's first step; a board copied from another template)
 * reads as the template's first; null when the template has no steps.
 */
export function currentStep(template: string, step: StepId): ControlStep | null {
  const steps = stepsOf(template)
  return steps.find((candidate) => candidate.id === step) ?? steps[0] ?? null
}

/** The template's step after (or, with -1, before) `step`; the ends stay where they are. */
export function stepBesideIn(template: string, step: StepId, direction: 1 | -1): StepId {
  const steps = stepsOf(template)
  const at = steps.findIndex((candidate) => candidate.id === step)
  if (at < 0) return steps[0]?.id ?? step
  return steps[Math.max(0, Math.min(steps.length - 1, at + direction))]?.id ?? step
}

/** The kinds the sticky tool offers: the template's, then those of columns it did not name. */
export function stickyKindsOf(template: string, items: readonly Item[] = []): StickyKind[] {
  const kinds = [...methodOf(template).stickyKinds]
  for (const item of items) {
    if (item.type === 'box' && item.stickyKind && !kinds.includes(item.stickyKind)) {
      kinds.push(item.stickyKind)
    }
  }
  return kinds
}

/** Whether the outline shows a section: the template has it, or the board holds some of it. */
export function showsSection(template: string, section: OutlineSection, count: number): boolean {
  return count > 0 || methodOf(template).sections.includes(section)
}
