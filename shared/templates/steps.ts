// The words of the workshop templates' own steps, Dutch first, English second: each step's name,
// where the table works during it, and a few questions for whoever leads the table. Which
// template walks which steps is in method.ts; the MDO's six steps are in labels.ts.
import type { Label } from '../labels.ts'
import type { WORKSHOP_STEP_IDS } from '../controlState.ts'

type WorkshopStepId = (typeof WORKSHOP_STEP_IDS)[number]

export const WORKSHOP_STEP_LABELS = {
  'ik-ronde': { nl: 'Ik-ronde', en: 'Personal round' },
  'wij-ronde': { nl: 'Wij-ronde', en: 'Table round' },
  delen: { nl: 'Delen met de groep', en: 'Share with the group' },
  kiezen: { nl: 'Kies 3', en: 'Pick 3' },
  concreet: { nl: 'Concreet maken', en: 'Make it concrete' },
  'feed-up': { nl: 'Feed up', en: 'Feed up' },
  'feed-back': { nl: 'Feed back', en: 'Feed back' },
  'feed-forward': { nl: 'Feed forward', en: 'Feed forward' },
  behouden: { nl: 'Wat bevalt', en: 'What works' },
  verbeteren: { nl: 'Wat beter moet', en: 'What must improve' },
} as const satisfies Record<WorkshopStepId, Label>

export const WORKSHOP_STEP_GUIDES = {
  'ik-ronde': {
    focus: {
      nl: 'Ieder schrijft voor zich: tops, tips en wat interessant is, één punt per post-it.',
      en: 'Everyone writes alone: tops, tips and what is interesting, one point per sticky.',
    },
    questions: [
      {
        nl: 'Wat spreekt je aan? Wat wil je overnemen?',
        en: 'What appeals to you? What would you adopt?',
      },
      {
        nl: 'Waar zie je valkuilen, en welke tip heb je?',
        en: 'Where do you see pitfalls, and which tip do you have?',
      },
      { nl: 'Wat roept bij jou vragen op?', en: 'What raises questions for you?' },
    ],
  },
  'wij-ronde': {
    focus: {
      nl: 'Om de beurt lichten jullie je post-its toe; wat hetzelfde zegt, komt bij elkaar.',
      en: 'In turn you explain your stickies; what says the same goes together.',
    },
    questions: [
      {
        nl: 'Wat valt op als je alle tops naast elkaar ziet?',
        en: 'What stands out when you see all the tops side by side?',
      },
      {
        nl: 'Welke tip horen we van meer mensen?',
        en: 'Which tip do we hear from more than one person?',
      },
      {
        nl: 'Wat willen we de hele groep laten horen?',
        en: 'What do we want the whole group to hear?',
      },
    ],
  },
  delen: {
    focus: {
      nl: 'Kies per kolom wat jullie tafel met de hele groep deelt; dat gaat naar het plenaire bord.',
      en: 'Choose per column what your table shares with the whole group; it goes to the plenary board.',
    },
    questions: [
      { nl: 'Welke top is het waard om te delen?', en: 'Which top is worth sharing?' },
      {
        nl: 'Welke tip of vraag nemen we mee naar huis?',
        en: 'Which tip or question do we take home?',
      },
    ],
  },
  kiezen: {
    focus: {
      nl: 'Zet de drie punten die jullie samen kiezen in de eerste kolom.',
      en: 'Put the three points you choose together in the first column.',
    },
    questions: [
      {
        nl: 'Welke drie punten maken het meeste verschil?',
        en: 'Which three points make the most difference?',
      },
      { nl: 'Waar hebben we zelf invloed op?', en: 'What can we influence ourselves?' },
    ],
  },
  concreet: {
    focus: {
      nl: 'Per gekozen punt, in Acties: wat gaan we doen, hoe pakken we het aan, en wie doet het?',
      en: 'For each chosen point, in Actions: what will we do, how do we go about it, and who does it?',
    },
    questions: [
      {
        nl: 'Wat is de eerste stap, en wanneer zetten we die?',
        en: 'What is the first step, and when do we take it?',
      },
      { nl: 'Wie doet het, en met wie?', en: 'Who does it, and with whom?' },
      { nl: 'Hoe weten we dat het gelukt is?', en: 'How will we know it worked?' },
    ],
  },
  'feed-up': {
    focus: {
      nl: 'Waar willen we samen heen? De doelen in de eerste kolom.',
      en: 'Where do we want to go together? The goals in the first column.',
    },
    questions: [
      {
        nl: 'Wat zien, horen of merken we als het doel bereikt is?',
        en: 'What will we see, hear or notice when the goal is reached?',
      },
      { nl: 'Is het doel voor iedereen hetzelfde?', en: 'Is the goal the same for everyone?' },
    ],
  },
  'feed-back': {
    focus: {
      nl: 'Hoe staan we ervoor? Wat gaat al goed, en hoe dicht bij het doel zijn we?',
      en: 'Where do we stand? What goes well already, and how close to the goal are we?',
    },
    questions: [
      {
        nl: 'Wat gaat goed, en waar zien we dat aan?',
        en: 'What goes well, and how can we tell?',
      },
      { nl: 'Hoe dicht bij ons doel zijn we al?', en: 'How close to our goal are we already?' },
    ],
  },
  'feed-forward': {
    focus: {
      nl: 'Wat is de volgende stap om dichter bij het doel te komen?',
      en: 'What is the next step to come closer to the goal?',
    },
    questions: [
      {
        nl: 'Wat kunnen we morgen al anders doen?',
        en: 'What could we do differently tomorrow?',
      },
      { nl: 'Wat hebben we daarvoor nodig?', en: 'What do we need for that?' },
    ],
  },
  behouden: {
    focus: {
      nl: 'Per niveau, links: wat bevalt aan onze route, en willen we behouden?',
      en: 'Per level, on the left: what works in our route, and do we want to keep?',
    },
    questions: [
      {
        nl: 'Wat werkt goed in de klasbespreking, de leerlingbespreking en het MDO?',
        en: 'What works well in the class review, the pupil review and the MDO?',
      },
      { nl: 'Wat willen we zeker houden?', en: 'What do we certainly want to keep?' },
    ],
  },
  verbeteren: {
    focus: {
      nl: 'Per niveau, rechts: wat moet beter, en hoe pakken we dat aan?',
      en: 'Per level, on the right: what must improve, and how do we go about it?',
    },
    questions: [
      {
        nl: 'Waar loopt het vast, of tussen welke niveaus?',
        en: 'Where does it get stuck, or between which levels?',
      },
      { nl: 'Wie pakt wat op, en wanneer?', en: 'Who takes up what, and when?' },
    ],
  },
} as const satisfies Record<WorkshopStepId, { focus: Label; questions: readonly Label[] }>
