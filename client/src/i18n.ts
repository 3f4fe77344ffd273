// Every interface string, Dutch first and English as a switch. Components never inline text; the
// board's own words (sticky kinds, circles, agreement parts) come from shared/labels.ts.
import { createContext, useContext } from 'react'
import type { Label } from '../../shared/index.ts'
import type { ParticipantRole } from './sync/session.ts'
import type { Tool } from './state/ui.ts'

export type Lang = 'nl' | 'en'

const nl = {
  appName: 'MDO-bord',
  intro: 'Een digitaal bord voor het multidisciplinair overleg: samen aan tafel, in drie cirkels.',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  // Landing
  boardTitle: 'Naam van het bord',
  boardTitleHint: 'bijvoorbeeld: MDO Sam, groep 6',
  template: 'Kies een sjabloon',
  create: 'Bord maken',
  creating: 'Bezig met maken…',
  createFailed: 'Het bord kon niet worden gemaakt',
  created: 'Het bord is klaar',
  openAsFacilitator: 'Open als voorzitter',
  privacyNote:
    'Er zijn geen accounts. Iedereen met een link kan meedoen: deel hem alleen met de mensen aan tafel.',
  // Sharing
  share: 'Delen',
  shareTitle: 'Het bord delen',
  linksKeep: 'Bewaar deze links goed: ze zijn de enige sleutel tot het bord.',
  facilitatorLink: 'Voorzitter',
  editLink: 'Deelnemers (meewerken)',
  viewLink: 'Meekijken (alleen lezen)',
  copy: 'Kopiëren',
  copied: 'Gekopieerd',
  copyLink: (which: string) => `Link voor ${which} kopiëren`,
  qrCaption: 'Scan met de camera van een telefoon of tablet om mee te werken.',
  qrLabel: 'QR-code van de deelnemerslink',
  linkUnknown: 'Deze link is niet op dit apparaat bewaard.',
  newLink: 'Nieuwe link maken',
  newLinkWarning: 'Een nieuwe link maken zet de oude link voor deze rol uit.',
  close: 'Sluiten',
  // Board page
  loading: 'Het bord wordt geladen…',
  noToken: 'Deze link is onvolledig: de sleutel na #t= ontbreekt.',
  noAccess: 'Deze link is niet (meer) geldig. Vraag de voorzitter om een nieuwe.',
  loadFailed: 'Het bord kon niet worden geladen. Controleer de internetverbinding.',
  retry: 'Opnieuw proberen',
  home: 'Naar de startpagina',
  untitled: 'Naamloos bord',
  readOnly: 'Alleen lezen',
  canvasLabel: 'Het bord',
  // Status
  statusConnected: 'verbonden',
  statusSavedLocal: 'offline – opgeslagen op dit apparaat',
  statusOffline: 'offline',
  statusSyncing: 'synchroniseren…',
  statusRefused: 'link niet (meer) geldig',
  // Presence
  presence: 'Wie zijn er',
  you: 'jij',
  // Join
  joinTitle: 'Welkom bij het overleg',
  joinIntro:
    'Vul je naam in en kies je rol. Dit blijft op dit apparaat bewaard; een account is niet nodig.',
  yourName: 'Je naam',
  roleOnly: 'Alleen mijn rol tonen, niet mijn naam',
  yourRole: 'Je rol',
  join: 'Meedoen',
  roles: {
    ouder: 'Ouder',
    kind: 'Kind/jongere',
    leerkracht: 'Leerkracht/mentor',
    ib: "IB'er/zorgcoördinator",
    jeugdhulp: 'Jeugdhulp',
    jgz: 'JGZ',
    smw: 'SMW',
    anders: 'Anders',
  } satisfies Record<ParticipantRole, string>,
  // Toolbar
  toolbar: 'Gereedschap',
  tools: {
    select: 'Selecteren',
    hand: 'Verschuiven',
    sticky: 'Sticky',
    pen: 'Pen',
    eraser: 'Gum',
    line: 'Lijn',
    arrow: 'Pijl',
    rect: 'Rechthoek',
    ellipse: 'Ovaal',
    triangle: 'Driehoek',
    text: 'Tekst',
    connect: 'Verbinden',
  } satisfies Record<Tool, string>,
  stickyKind: 'Soort sticky',
  valence: 'Soort verbinding',
  undo: 'Ongedaan maken',
  redo: 'Opnieuw doen',
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  zoomToFit: 'Alles tonen',
  deleteSelection: 'Selectie verwijderen',
  shortcut: (keys: string) => `sneltoets ${keys}`,
  // Outline
  outline: 'Overzicht',
  outlineTitle: 'Alles op het bord',
  nothingYet: 'Nog niets.',
  addCaption: 'Toevoegen:',
  addIn: (where: string) => `Toevoegen aan ${where}`,
  addTo: (kind: string, where: string) => `${kind} toevoegen aan ${where}`,
  edit: 'Bewerken',
  editHint: 'Enter om te bewerken, Delete om te verwijderen',
  done: 'Klaar',
  delete: 'Verwijderen',
  deleteItem: (text: string) => `${text} verwijderen`,
  empty: '(leeg)',
  interactions: 'Wisselwerking',
  otherItems: 'Overige onderdelen',
  askedBy: 'gevraagd door',
  decisionNeeded: 'besluit nodig',
  // Agreements and questions
  agreements: 'Afspraken',
  addAgreement: 'Afspraak toevoegen',
  noAgreements: 'Nog geen afspraken.',
  status: 'Status',
  questions: 'Vragen',
  addQuestion: 'Vraag toevoegen',
  noQuestions: 'Nog geen vragen.',
  question: 'Vraag',
  whoAsks: 'Wie vraagt',
  needsDecision: 'Besluit nodig',
  agreementNumber: (n: number) => `Afspraak ${n}`,
  agreementsAndQuestions: 'Afspraken en vragen',
  panels: 'Zijpanelen',
  showPanels: 'Panelen tonen',
  hidePanels: 'Panelen verbergen',
}

export type Strings = typeof nl

const en: Strings = {
  appName: 'MDO board',
  intro:
    'A digital board for the multidisciplinary meeting: together at the table, in three circles.',
  switchLanguage: 'Nederlands',
  switchLanguageLabel: 'Schakel naar Nederlands',
  boardTitle: 'Name of the board',
  boardTitleHint: 'for example: MDO Sam, year 4',
  template: 'Choose a template',
  create: 'Create board',
  creating: 'Creating…',
  createFailed: 'The board could not be created',
  created: 'The board is ready',
  openAsFacilitator: 'Open as facilitator',
  privacyNote:
    'There are no accounts. Anyone with a link can take part: share it only with the people at the table.',
  share: 'Share',
  shareTitle: 'Share the board',
  linksKeep: 'Keep these links safe: they are the only key to the board.',
  facilitatorLink: 'Facilitator',
  editLink: 'Participants (edit)',
  viewLink: 'View only',
  copy: 'Copy',
  copied: 'Copied',
  copyLink: (which) => `Copy the link for ${which}`,
  qrCaption: 'Scan with the camera of a phone or tablet to join.',
  qrLabel: 'QR code of the participant link',
  linkUnknown: 'This link was not kept on this device.',
  newLink: 'Make a new link',
  newLinkWarning: 'Making a new link switches off the old link for this role.',
  close: 'Close',
  loading: 'Loading the board…',
  noToken: 'This link is incomplete: the key after #t= is missing.',
  noAccess: 'This link is not valid (any more). Ask the facilitator for a new one.',
  loadFailed: 'The board could not be loaded. Check the internet connection.',
  retry: 'Try again',
  home: 'To the start page',
  untitled: 'Untitled board',
  readOnly: 'Read only',
  canvasLabel: 'The board',
  statusConnected: 'connected',
  statusSavedLocal: 'offline – saved on this device',
  statusOffline: 'offline',
  statusSyncing: 'syncing…',
  statusRefused: 'link not valid (any more)',
  presence: "Who's here",
  you: 'you',
  joinTitle: 'Welcome to the meeting',
  joinIntro: 'Enter your name and choose your role. This stays on this device; no account needed.',
  yourName: 'Your name',
  roleOnly: 'Show only my role, not my name',
  yourRole: 'Your role',
  join: 'Join',
  roles: {
    ouder: 'Parent',
    kind: 'Child/young person',
    leerkracht: 'Teacher/mentor',
    ib: 'Special needs coordinator',
    jeugdhulp: 'Youth care',
    jgz: 'Youth health care (JGZ)',
    smw: 'School social work (SMW)',
    anders: 'Other',
  },
  toolbar: 'Tools',
  tools: {
    select: 'Select',
    hand: 'Pan',
    sticky: 'Sticky',
    pen: 'Pen',
    eraser: 'Eraser',
    line: 'Line',
    arrow: 'Arrow',
    rect: 'Rectangle',
    ellipse: 'Ellipse',
    triangle: 'Triangle',
    text: 'Text',
    connect: 'Connect',
  },
  stickyKind: 'Kind of sticky',
  valence: 'Kind of connection',
  undo: 'Undo',
  redo: 'Redo',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomToFit: 'Show everything',
  deleteSelection: 'Delete selection',
  shortcut: (keys) => `shortcut ${keys}`,
  outline: 'Outline',
  outlineTitle: 'Everything on the board',
  nothingYet: 'Nothing yet.',
  addCaption: 'Add:',
  addIn: (where) => `Add to ${where}`,
  addTo: (kind, where) => `Add ${kind.toLowerCase()} to ${where}`,
  edit: 'Edit',
  editHint: 'Enter to edit, Delete to remove',
  done: 'Done',
  delete: 'Delete',
  deleteItem: (text) => `Delete ${text}`,
  empty: '(empty)',
  interactions: 'Interaction',
  otherItems: 'Other items',
  askedBy: 'asked by',
  decisionNeeded: 'decision needed',
  agreements: 'Agreements',
  addAgreement: 'Add agreement',
  noAgreements: 'No agreements yet.',
  status: 'Status',
  questions: 'Questions',
  addQuestion: 'Add question',
  noQuestions: 'No questions yet.',
  question: 'Question',
  whoAsks: 'Who asks',
  needsDecision: 'Decision needed',
  agreementNumber: (n) => `Agreement ${n}`,
  agreementsAndQuestions: 'Agreements and questions',
  panels: 'Side panels',
  showPanels: 'Show panels',
  hidePanels: 'Hide panels',
}

export const STRINGS: Record<Lang, Strings> = { nl, en }

export interface LangSetting {
  lang: Lang
  setLang(lang: Lang): void
}

export const LangContext = createContext<LangSetting>({ lang: 'nl', setLang: () => {} })

export function useLang(): Lang {
  return useContext(LangContext).lang
}

export function useSwitchLang(): () => void {
  const { lang, setLang } = useContext(LangContext)
  return () => setLang(lang === 'nl' ? 'en' : 'nl')
}

export function useStrings(): Strings {
  return STRINGS[useContext(LangContext).lang]
}

/** Picks the current language from a shared/ label. */
export function useLabel(): (label: Label) => string {
  const { lang } = useContext(LangContext)
  return (label) => label[lang]
}
