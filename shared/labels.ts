// Every user-facing word of the board model, Dutch first, English second. The client and the PDF
// export both read this table, so a term is named once.
import type {
  AgreementField,
  AgreementStatus,
  BoxRole,
  CircleRole,
  ItemType,
  ShapeKind,
  StickyKind,
  Valence,
} from './schema.ts'
import type { StepId } from './control.ts'
import type { TemplateName } from './templates.ts'

export type Lang = 'nl' | 'en'
export type Label = Readonly<Record<Lang, string>>

export const STICKY_KIND_LABELS = {
  plus: { nl: 'Pluspunt', en: 'Strength' },
  minus: { nl: 'Minpunt', en: 'To improve' },
  question: { nl: 'Vraag', en: 'Question' },
  goal: { nl: 'Doel', en: 'Goal' },
  need: { nl: 'Behoefte', en: 'Need' },
  note: { nl: 'Notitie', en: 'Note' },
  top: { nl: 'Top', en: 'Top' },
  tip: { nl: 'Tip', en: 'Tip' },
  interesting: { nl: 'Interessant', en: 'Interesting' },
  action: { nl: 'Actie', en: 'Action' },
} as const satisfies Record<StickyKind, Label>

export const CIRCLE_ROLE_LABELS = {
  kind: { nl: 'Kind/jongere', en: 'Child/young person' },
  school: { nl: 'School/onderwijs', en: 'School/education' },
  thuis: { nl: 'Thuis/opvoeding', en: 'Home/parenting' },
  zorg: { nl: 'Zorg/jeugdhulp', en: 'Care/youth services' },
  other: { nl: 'Overig', en: 'Other' },
} as const satisfies Record<CircleRole, Label>

export const BOX_ROLE_LABELS = {
  questions: { nl: 'Vragen', en: 'Questions' },
  agreements: { nl: 'Afspraken', en: 'Agreements' },
  column: { nl: 'Kolom', en: 'Column' },
  other: { nl: 'Vak', en: 'Area' },
} as const satisfies Record<BoxRole, Label>

export const VALENCE_LABELS = {
  up: { nl: 'Opwaartse spiraal', en: 'Upward spiral' },
  down: { nl: 'Neerwaartse spiraal', en: 'Downward spiral' },
  neutral: { nl: 'Wisselwerking', en: 'Interaction' },
} as const satisfies Record<Valence, Label>

export const AGREEMENT_FIELD_LABELS = {
  wat: { nl: 'Wat', en: 'What' },
  wie: { nl: 'Wie', en: 'Who' },
  waarom: { nl: 'Waarom', en: 'Why' },
  wanneer: { nl: 'Wanneer', en: 'When' },
  hoe: { nl: 'Hoe', en: 'How' },
} as const satisfies Record<AgreementField, Label>

export const AGREEMENT_STATUS_LABELS = {
  open: { nl: 'Open', en: 'Open' },
  done: { nl: 'Gedaan', en: 'Done' },
  'not-done': { nl: 'Niet gedaan', en: 'Not done' },
  continue: { nl: 'Loopt door', en: 'Continues' },
} as const satisfies Record<AgreementStatus, Label>

/** What each item is called where the type matters: the outline, a screen reader, the PDF. */
export const ITEM_TYPE_LABELS = {
  circle: { nl: 'Cirkel', en: 'Circle' },
  box: { nl: 'Vak', en: 'Area' },
  sticky: { nl: 'Post-it', en: 'Sticky note' },
  arrow: { nl: 'Verbindingspijl', en: 'Connector' },
  agreement: { nl: 'Afspraak', en: 'Agreement' },
  question: { nl: 'Vraag', en: 'Question' },
  ink: { nl: 'Tekening', en: 'Drawing' },
  shape: { nl: 'Vorm', en: 'Shape' },
  label: { nl: 'Tekst', en: 'Text' },
} as const satisfies Record<ItemType, Label>

export const SHAPE_KIND_LABELS = {
  rect: { nl: 'Rechthoek', en: 'Rectangle' },
  ellipse: { nl: 'Ellips', en: 'Ellipse' },
  triangle: { nl: 'Driehoek', en: 'Triangle' },
  line: { nl: 'Lijn', en: 'Line' },
  arrow: { nl: 'Pijl', en: 'Arrow' },
} as const satisfies Record<ShapeKind, Label>

export const STEP_LABELS = {
  voorbereiding: { nl: 'Voorbereiding', en: 'Preparation' },
  start: { nl: 'Start en doelen van het overleg', en: 'Start and goals of the meeting' },
  overzicht: { nl: 'Overzicht', en: 'Overview' },
  inzicht: { nl: 'Inzicht', en: 'Insight' },
  uitzicht: { nl: 'Uitzicht', en: 'Outlook' },
  afronding: { nl: 'Afronding', en: 'Closing' },
} as const satisfies Record<StepId, Label>

export const TEMPLATE_LABELS = {
  mdo: {
    name: { nl: 'MDO – drie cirkels', en: 'MDO – three circles' },
    description: {
      nl: 'Kind, school en thuis in drie cirkels, met vragen (1) en afspraken (5) ernaast.',
      en: 'Child, school and home in three circles, with questions (1) and agreements (5) beside them.',
    },
  },
  'mdo-zorg': {
    name: { nl: 'MDO – drie cirkels met zorg', en: 'MDO – three circles with care' },
    description: {
      nl: 'Het MDO-bord met een vierde cirkel voor zorg en jeugdhulp.',
      en: 'The MDO board with a fourth circle for care and youth services.',
    },
  },
  blank: {
    name: { nl: 'Leeg bord', en: 'Blank board' },
    description: {
      nl: 'Een leeg vlak om zelf in te delen.',
      en: 'An empty canvas to lay out yourself.',
    },
  },
} as const satisfies Record<TemplateName, { name: Label; description: Label }>
