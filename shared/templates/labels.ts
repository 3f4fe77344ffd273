// The words on the templates beyond the MDO board (columns, areas, levels and the questions under
// them), Dutch first, English second. Apart from labels.ts so that only the template code, which
// runs where boards are created, carries them.
import type { Label } from '../labels.ts'

/** The named parts of the templates beyond the MDO board: columns, areas, levels and their hints. */
export const TEMPLATE_PART_LABELS = {
  tops: { nl: 'Tops', en: 'Tops' },
  topsHint: {
    nl: 'Wat spreekt je aan? Wat wil je overnemen, welke kansen zie je?',
    en: 'What appeals to you? What would you adopt, which chances do you see?',
  },
  tips: { nl: 'Tips', en: 'Tips' },
  tipsHint: {
    nl: 'Waar zie je valkuilen? Welke suggesties heb je?',
    en: 'Where do you see pitfalls? Which suggestions do you have?',
  },
  interessant: { nl: 'Interessant', en: 'Interesting' },
  interessantHint: {
    nl: 'Wat roept vragen op? Welke uitdagingen en acties zie je?',
    en: 'What raises questions? Which challenges and actions do you see?',
  },
  chosen: { nl: 'Kies 3', en: 'Pick 3' },
  chosenHint: {
    nl: 'Zet hier de drie punten die jullie samen kiezen.',
    en: 'Put the three points you choose together here.',
  },
  actions: { nl: 'Acties', en: 'Actions' },
  // The columns of a kies-3 sheet made before its actions became one list of agreements.
  what: { nl: 'Wat?', en: 'What?' },
  whatHint: { nl: 'Wat gaan we doen?', en: 'What will we do?' },
  how: { nl: 'Hoe?', en: 'How?' },
  howHint: { nl: 'Hoe pakken we het aan?', en: 'How do we go about it?' },
  who: { nl: 'Wie?', en: 'Who?' },
  whoHint: { nl: 'Wie doet het, en met wie?', en: 'Who does it, and with whom?' },
  routeTitle: { nl: 'Hoe heet het bij jullie?', en: 'What do you call it?' },
  level1: { nl: '1 De basis: klasbespreking', en: '1 The basis: class review' },
  level2: { nl: '2 Leerlingbespreking', en: '2 Pupil review' },
  level3: { nl: '3 MDO en arrangement', en: '3 MDO and arrangement' },
  keep: { nl: 'wat bevalt en willen we behouden?', en: 'what works and do we want to keep?' },
  improve: { nl: 'wat moet beter, en hoe?', en: 'what must improve, and how?' },
  goals: { nl: 'Doelen', en: 'Goals' },
  goal: { nl: 'Doel', en: 'Goal' },
  subgoal: { nl: 'Subdoel', en: 'Sub-goal' },
  activities: { nl: 'Activiteiten', en: 'Activities' },
  whoDoesWhat: { nl: 'Wie doet wat?', en: 'Who does what?' },
  evaluation: { nl: 'Wat evalueren we, en hoe?', en: 'What do we evaluate, and how?' },
  scope: { nl: 'Afbakening', en: 'Scope' },
  scopeHint: {
    nl: 'Aan welke onderwerpen besteden we geen aandacht?',
    en: 'Which topics do we leave out?',
  },
  feasibility: { nl: 'Haalbaarheid', en: 'Feasibility' },
  feasibilityHint: {
    nl: 'Met welke risico’s houden we rekening, en hoe gaan we ermee om?',
    en: 'Which risks do we reckon with, and how do we deal with them?',
  },
  preconditions: { nl: 'Randvoorwaarden', en: 'Preconditions' },
  preconditionsHint: {
    nl: 'Wat hebben we nodig om de doelen te halen, en hoe regelen we dat?',
    en: 'What do we need to reach the goals, and how do we arrange it?',
  },
  feedUp: { nl: 'Feed up: doelen', en: 'Feed up: goals' },
  feedUpHint: {
    nl: 'Waar willen we samen heen? Wat zien, horen of merken we dan?',
    en: 'Where do we want to go together? What will we see, hear or notice then?',
  },
  feedBack: { nl: 'Feed back: terugblik', en: 'Feed back: looking back' },
  feedBackHint: {
    nl: 'Hoe staan we ervoor? Hoe dicht bij ons doel zijn we al? Wat gaat goed?',
    en: 'Where do we stand? How close to our goal are we? What goes well?',
  },
  feedForward: { nl: 'Feed forward: vooruitblik', en: 'Feed forward: looking ahead' },
  feedForwardHint: {
    nl: 'Wat is de volgende stap? Wat kunnen we doen om dichter bij ons doel te komen?',
    en: 'What is the next step? What can we do to come closer to our goal?',
  },
} as const satisfies Record<string, Label>
