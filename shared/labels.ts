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
import type { MdoStepId, StepId } from './controlState.ts'
import type { TemplateName } from './templates.ts'
import { WORKSHOP_STEP_GUIDES, WORKSHOP_STEP_LABELS } from './templates/steps.ts'

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

const MDO_STEP_LABELS = {
  voorbereiding: { nl: 'Voorbereiding', en: 'Preparation' },
  start: { nl: 'Start en doelen van het overleg', en: 'Start and goals of the meeting' },
  overzicht: { nl: 'Overzicht', en: 'Overview' },
  inzicht: { nl: 'Inzicht', en: 'Insight' },
  uitzicht: { nl: 'Uitzicht', en: 'Outlook' },
  afronding: { nl: 'Afronding', en: 'Closing' },
} as const satisfies Record<MdoStepId, Label>

/** Every step a board can be at: the MDO's six and the workshop templates' own (templates/steps.ts). */
export const STEP_LABELS = {
  ...MDO_STEP_LABELS,
  ...WORKSHOP_STEP_LABELS,
} as const satisfies Record<StepId, Label>

/**
 * Per step, where the table works now and a few questions the facilitator can ask: our own
 * wording after the method's six steps, from overzicht via inzicht to uitzicht.
 */
const MDO_STEP_GUIDES = {
  voorbereiding: {
    focus: {
      nl: 'Wie schuift aan en met welke vraag? Deelnemers zetten alvast punten klaar.',
      en: 'Who joins, with which question? Participants can add points in advance.',
    },
    questions: [
      {
        nl: 'Weet iedereen, ook ouders en het kind, waarom we bij elkaar komen?',
        en: 'Does everyone, parents and child included, know why we meet?',
      },
      {
        nl: 'Wie ontbreekt er nog aan tafel?',
        en: 'Who is still missing at the table?',
      },
      {
        nl: 'Wat zou jij na afloop een goed overleg vinden?',
        en: 'What would make this a good meeting for you?',
      },
    ],
  },
  start: {
    focus: {
      nl: 'Vak 1, Vragen: wie heeft welke vraag, en moet er iets besloten worden?',
      en: 'Area 1, Questions: who has which question, and is a decision needed?',
    },
    questions: [
      {
        nl: 'Welke vraag neemt ieder van jullie mee naar dit overleg?',
        en: 'Which question does each of you bring to this meeting?',
      },
      {
        nl: 'Moet er vandaag een besluit vallen? Welke keuzes zijn er, en wie beslist?',
        en: 'Does a decision have to be made today? Which options are there, and who decides?',
      },
      {
        nl: 'Wanneer gaan we hier tevreden de deur uit?',
        en: 'When will we leave this meeting satisfied?',
      },
    ],
  },
  overzicht: {
    focus: {
      nl: 'De cirkels: pluspunten (+) en minpunten (−) bij kind, school en thuis.',
      en: 'The circles: strengths (+) and points to improve (−) for child, school and home.',
    },
    questions: [
      {
        nl: 'Wat gaat er al goed – bij het kind, in de klas, thuis?',
        en: 'What already goes well – for the child, in class, at home?',
      },
      {
        nl: 'Wat moet beter? Kies per cirkel de drie belangrijkste.',
        en: 'What must improve? Pick the three most important per circle.',
      },
      {
        nl: 'Wat weten we nog niet, en wie kan dat uitzoeken?',
        en: 'What do we not know yet, and who can find out?',
      },
    ],
  },
  inzicht: {
    focus: {
      nl: 'De pijlen tussen de cirkels: hoe beïnvloeden kind, school en thuis elkaar?',
      en: 'The arrows between the circles: how do child, school and home affect each other?',
    },
    questions: [
      {
        nl: 'Wat doet het kind bij de leerkracht, en wat doet de leerkracht dan?',
        en: 'What does the child do with the teacher, and what does the teacher do then?',
      },
      {
        nl: 'Waar zien we een spiraal omhoog, en waar een spiraal omlaag?',
        en: 'Where do we see an upward spiral, and where a downward one?',
      },
      {
        nl: 'Welke verklaring helpt ons verder, in plaats van een etiket?',
        en: 'Which explanation helps us on, instead of a label?',
      },
    ],
  },
  uitzicht: {
    focus: {
      nl: 'Doelen (↑) en behoeften (◆): wat willen we bereiken, en wat is daarvoor nodig?',
      en: 'Goals (↑) and needs (◆): what do we want to reach, and what does that take?',
    },
    questions: [
      {
        nl: 'Wat willen we over een paar maanden bereikt hebben met het kind?',
        en: 'What do we want to have reached with the child in a few months?',
      },
      {
        nl: 'Wat heeft het kind nodig om daar te komen, op school en thuis?',
        en: 'What does the child need to get there, at school and at home?',
      },
      {
        nl: 'Wat hebben de leerkracht en de ouders zelf nodig om dat te kunnen bieden?',
        en: 'What do the teacher and the parents need themselves to offer that?',
      },
    ],
  },
  afronding: {
    focus: {
      nl: 'Vak 5, Afspraken (wie, wat, waarom, wanneer, hoe) en tops en tips over dit overleg.',
      en: 'Area 5, Agreements (who, what, why, when, how) and tops and tips on this meeting.',
    },
    questions: [
      {
        nl: 'Wie doet wat, waarom, wanneer en hoe? Lees de afspraken samen na.',
        en: 'Who does what, why, when and how? Read the agreements back together.',
      },
      {
        nl: 'Wanneer en hoe kijken we of het gewerkt heeft?',
        en: 'When and how do we check whether it worked?',
      },
      {
        nl: 'Top en tip: wat ging goed in dit overleg, wat doen we volgende keer anders?',
        en: 'Top and tip: what went well in this meeting, what do we change next time?',
      },
    ],
  },
} as const satisfies Record<MdoStepId, { focus: Label; questions: readonly Label[] }>

export const STEP_GUIDES = {
  ...MDO_STEP_GUIDES,
  ...WORKSHOP_STEP_GUIDES,
} as const satisfies Record<StepId, { focus: Label; questions: readonly Label[] }>

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
  'tips-tops-interessant': {
    name: { nl: 'Tips – tops – interessant', en: 'Tips – tops – interesting' },
    description: {
      nl: 'Drie kolommen voor de ik- en wij-ronde: wat spreekt aan, welke tips, wat roept vragen op.',
      en: 'Three columns for the personal and the table round: what appeals, which tips, what raises questions.',
    },
  },
  'kies-3': {
    name: { nl: 'Kies 3 → acties', en: 'Pick 3 → actions' },
    description: {
      nl: 'Kies samen de drie belangrijkste punten en maak ze concreet: wat, hoe en wie.',
      en: 'Choose the three most important points together and make them concrete: what, how and who.',
    },
  },
  ondersteuningsroute: {
    name: { nl: 'Ondersteuningsroute (driehoek)', en: 'Support route (triangle)' },
    description: {
      nl: 'De driehoek met drie niveaus; links wat we behouden, rechts wat beter moet en hoe.',
      en: 'The triangle with three levels; on the left what to keep, on the right what to improve and how.',
    },
  },
  'plan-van-aanpak': {
    name: { nl: 'Plan van aanpak', en: 'Plan of action' },
    description: {
      nl: 'Doelen met subdoelen, activiteiten, wie doet wat en de evaluatie; met afbakening, haalbaarheid en randvoorwaarden.',
      en: 'Goals with sub-goals, activities, who does what and the evaluation; with scope, feasibility and preconditions.',
    },
  },
  feedback: {
    name: { nl: 'Feed up – feed back – feed forward', en: 'Feed up – feed back – feed forward' },
    description: {
      nl: 'Waar willen we heen, hoe staan we ervoor, en wat is de volgende stap?',
      en: 'Where are we heading, where do we stand, and what is the next step?',
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

export const NEXT_MEETING_LABELS = {
  previousAgreements: {
    nl: 'Afspraken vorig overleg: gedaan, niet gedaan of loopt door?',
    en: 'Agreements of the last meeting: done, not done or continuing?',
  },
} as const satisfies Record<string, Label>

/** Names of a workshop's boards, e.g. "Netwerkbijeenkomst – Tafel 3". */
export const WORKSHOP_LABELS = {
  table: { nl: 'Tafel', en: 'Table' },
  plenary: { nl: 'Plenair', en: 'Plenary' },
} as const satisfies Record<string, Label>
