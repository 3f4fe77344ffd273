// Every interface string, Dutch first and English as a switch. Components never inline text.
export type Lang = 'nl' | 'en'

export const STRINGS = {
  nl: {
    appName: 'MDO-bord',
    intro: 'Een digitaal bord voor het multidisciplinair overleg: drie cirkels, samen aan tafel.',
    title: 'Naam van het bord',
    template: 'Sjabloon',
    create: 'Bord maken',
    creating: 'Bezig…',
    createFailed: 'Het bord kon niet worden gemaakt',
    links: 'Bewaar deze links: ze zijn de enige sleutel tot het bord.',
    facilitatorLink: 'Voorzitter',
    editLink: 'Deelnemers (bewerken)',
    viewLink: 'Meekijken',
    open: 'Open het bord',
    connected: 'verbonden',
    connecting: 'verbinden…',
    offline: 'offline',
    noAccess: 'Deze link is niet (meer) geldig.',
    items: 'onderdelen op het bord',
    language: 'English',
  },
  en: {
    appName: 'MDO board',
    intro:
      'A digital board for the multidisciplinary meeting: three circles, together at the table.',
    title: 'Board name',
    template: 'Template',
    create: 'Create board',
    creating: 'Working…',
    createFailed: 'The board could not be created',
    links: 'Keep these links: they are the only key to the board.',
    facilitatorLink: 'Facilitator',
    editLink: 'Participants (edit)',
    viewLink: 'View only',
    open: 'Open the board',
    connected: 'connected',
    connecting: 'connecting…',
    offline: 'offline',
    noAccess: 'This link is not valid (any more).',
    items: 'items on the board',
    language: 'Nederlands',
  },
} as const

export type Strings = (typeof STRINGS)[Lang]
