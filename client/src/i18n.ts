// Every interface string, Dutch first and English as a switch (English in i18n.en.ts, typed by the
// Dutch). Components never inline text; the board's own words (sticky kinds, circles, agreement
// parts) come from shared/labels.ts.
import { createContext, useContext } from 'react'
import type { Label } from '../../shared/index.ts'
import type { ParticipantRole } from './sync/session.ts'
import type { Tool } from './state/ui.ts'
import { en } from './i18n.en.ts'

export type Lang = 'nl' | 'en'

const tables = (n: number) => (n === 1 ? '1 tafel' : `${n} tafels`)

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
  // The next meeting of a series
  nextMeeting: 'Volgend overleg',
  nextMeetingIntro:
    'Maak een nieuw bord voor het volgende overleg. Alles van dit bord gaat mee; de lopende afspraken staan apart klaar om te evalueren: gedaan, niet gedaan of loopt door. Dit bord blijft zoals het is.',
  nextMeetingTitle: 'Naam van het nieuwe bord',
  nextMeetingTitleHint: 'leeg laten: dezelfde naam',
  prepareNextMeeting: 'Volgend overleg voorbereiden',
  preparingNextMeeting: 'Bezig met voorbereiden…',
  nextMeetingReady:
    'Het bord voor het volgende overleg is klaar. De links staan in Delen op dat bord.',
  openNextMeeting: 'Open het nieuwe bord',
  nextMeetingFailed: 'Het nieuwe bord kon niet worden gemaakt',
  // Workshops with several tables
  workshop: {
    create: 'Werkbijeenkomst met tafels',
    createIntro:
      'Elke tafel krijgt een eigen bord met een eigen QR-code, en er is één plenair bord. Jij volgt alle tafels in één overzicht.',
    tables: 'Aantal tafels',
    title: 'Naam van de bijeenkomst',
    titleHint: 'bijvoorbeeld: Netwerkbijeenkomst wijk Noord',
    template: 'Sjabloon voor elke tafel',
    submit: 'Bijeenkomst maken',
    creating: 'Bezig met maken…',
    createFailed: 'De bijeenkomst kon niet worden gemaakt',
    created: 'De bijeenkomst is klaar',
    leaderLink: 'Jouw overzicht (bewaar deze link goed)',
    openOverview: 'Open het overzicht',
    untitled: 'Werkbijeenkomst',
    overviewIntro: (n: number) =>
      `${n === 1 ? '1 tafel' : `${n} tafels`}, live. Kies post-its op een tafel en zet ze op het plenaire bord.`,
    noAccess: 'Deze link naar het overzicht is niet (meer) geldig.',
    table: (n: number) => `Tafel ${n}`,
    plenary: 'Plenair bord',
    live: 'live',
    connecting: 'verbinden…',
    thumbnailLabel: (name: string, n: number) =>
      `${name}: ${n === 1 ? '1 post-it' : `${n} post-its`}`,
    qrLabel: (name: string) => `QR-code om mee te werken aan ${name}`,
    openTable: 'Open dit bord',
    openPlenary: 'Open het plenaire bord',
    tableGone: 'Het bord van deze tafel is verwijderd.',
    pick: (n: number) => (n === 1 ? 'Post-its kiezen (1)' : `Post-its kiezen (${n})`),
    toPlenary: (n: number) => (n === 0 ? 'Naar plenair' : `Naar plenair (${n})`),
    copied: (n: number) =>
      n === 1 ? '1 post-it op het plenaire bord gezet' : `${n} post-its op het plenaire bord gezet`,
    onPlenary: (n: number) =>
      n === 1 ? '1 post-it op het plenaire bord.' : `${n} post-its op het plenaire bord.`,
    allTables: 'Voor alle tafels tegelijk',
    step: 'Stap',
    setStep: 'Naar deze stap',
    stepSet: (step: string, n: number) => `${tables(n)} naar stap ${step}`,
    tableStep: (n: number, step: string) => `Stap ${n}: ${step}`,
    minutes: 'Minuten',
    startTimer: 'Timer starten',
    pauseTimer: 'Timer pauzeren',
    timerStarted: (minutes: number, n: number) =>
      `Timer van ${minutes} minuten loopt bij ${tables(n)}`,
    timerPaused: (n: number) => `Timer gepauzeerd bij ${tables(n)}`,
    startRound: 'Ik-ronde starten (privé schrijven)',
    roundStarted: (n: number) => `Ik-ronde gestart bij ${tables(n)}`,
    reveal: 'Onthullen aan alle tafels',
    revealed: (n: number) => `Onthuld bij ${tables(n)}`,
    roundWriting: 'ik-ronde: schrijven',
    roundRevealed: 'ronde onthuld',
    end: 'Afsluiten',
    printQr: 'QR-codes afdrukken',
    delete: 'Bijeenkomst verwijderen',
    deleteWarning:
      'Alle borden van deze bijeenkomst, ook het plenaire bord, worden echt verwijderd. Dit kan niet ongedaan worden gemaakt.',
    deleteConfirm: 'Ja, alles verwijderen',
    keep: 'Nee, bewaren',
    deleteFailed: 'Verwijderen is niet gelukt',
    deleted: 'De bijeenkomst en al haar borden zijn verwijderd.',
  },
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
  // Circles added during the meeting
  addCircle: 'Cirkel toevoegen',
  addCircleChoices: 'Welke cirkel?',
  circleInMiddle: 'in het midden van de drie',
  circleFreeTime: 'Vrije tijd',
  circleNeighbourhood: 'Wijk/netwerk',
  circleOwnName: 'Eigen naam',
  circleAdd: 'Toevoegen',
  circleAdded: (name: string) => `Cirkel toegevoegd: ${name}`,
  /** On a circle with more than three plus or minus markers; symbol and number, not colour. */
  tooMany: (count: number, symbol: string) => `${count} ${symbol} · kies de 3 belangrijkste`,
  // Selection bar, copy and paste
  selectionBar: 'Geselecteerde post-its',
  selectedStickies: (n: number) => (n === 1 ? '1 post-it' : `${n} post-its`),
  stickyColor: 'Kleur',
  colorDefault: 'Standaard',
  colorNames: {
    yellow: 'Geel',
    orange: 'Oranje',
    pink: 'Roze',
    purple: 'Paars',
    blue: 'Blauw',
    green: 'Groen',
    grey: 'Grijs',
  },
  bringToFront: 'Naar voren',
  parts: (n: number) => (n === 1 ? '1 onderdeel' : `${n} onderdelen`),
  copiedParts: (parts: string) => `${parts} gekopieerd`,
  copiedHere: (parts: string) => `${parts} gekopieerd (plakken kan alleen in dit tabblad)`,
  cutParts: (parts: string) => `${parts} geknipt`,
  pastedParts: (parts: string) => `${parts} geplakt`,
  duplicatedParts: (parts: string) => `${parts} gedupliceerd`,
  pasteNothing:
    'Op het klembord staat niets van een bord. Kopieer eerst post-its of cirkels, dan kun je ze hier plakken.',
  pasteRefused:
    'Dit kon niet worden geplakt: wat op het klembord staat is beschadigd of komt uit een nieuwere versie.',
  // Leading the meeting: steps, timer, rounds, votes, locks
  steps: 'Stappen van het overleg',
  stepOf: (n: number, label: string) => `Stap ${n}: ${label}`,
  previousStep: 'Vorige stap',
  nextStep: 'Volgende stap',
  workNow: 'Nu aan de beurt',
  guidingQuestions: 'Vragen voor de voorzitter',
  timer: 'Timer',
  timerLeft: (time: string) => `Nog ${time}`,
  timerPaused: 'gepauzeerd',
  timerDone: 'De tijd is om',
  timerMinutes: 'Minuten',
  startTimer: 'Start timer',
  pauseTimer: 'Pauzeer',
  resumeTimer: 'Verder',
  stopTimer: 'Timer weg',
  lead: 'Leiden',
  rounds: 'Rondes',
  ikRound: 'Ik-ronde starten (privé)',
  ikRoundHint:
    'Iedereen schrijft eerst voor zichzelf. Wat deelnemers schrijven blijft op hun eigen apparaat tot jij onthult.',
  wijRound: 'Wij-ronde starten (samen)',
  anonymousRound: 'Zonder namen onthullen',
  reveal: 'Onthullen',
  endRound: 'Ronde afsluiten',
  roundPrivateWriting: 'Ik-ronde: iedereen schrijft voor zichzelf',
  roundRevealed: 'Ik-ronde onthuld',
  roundTogether: 'Wij-ronde: samen bespreken',
  voting: 'Stemmen',
  votingBudget: 'Stippen per persoon',
  votingHidden: 'Stemmen verborgen tot het sluiten',
  startVoting: 'Stemronde starten',
  closeVoting: 'Stemmen sluiten',
  clearVoting: 'Stemronde weghalen',
  votingOpen: 'Stemronde loopt',
  votingClosed: 'Stemronde gesloten',
  dotsLeft: (left: number, budget: number) => `Je hebt nog ${left} van ${budget} stippen`,
  votesHiddenNote:
    'De aantallen blijven verborgen tot de voorzitter de stemronde sluit (verborgen in het scherm, niet versleuteld).',
  addDot: (text: string) => `Stip geven aan ${text}`,
  removeDot: (text: string) => `Stip terugnemen van ${text}`,
  dots: (n: number) => (n === 1 ? '1 stip' : `${n} stippen`),
  myDots: (n: number) => (n === 1 ? 'van jou 1' : `van jou ${n}`),
  budgetSpent: (budget: number) =>
    `Je hebt al je ${budget} stippen gegeven. Neem er eerst een terug om anders te kiezen.`,
  votingIsClosed: 'De stemronde is gesloten.',
  noStickiesToVote: 'Er staan nog geen post-its op het bord om op te stemmen.',
  results: 'Uitslag',
  kies3: 'Kies 3',
  kies3Hint: 'Kies de drie punten waar de tafel mee verder gaat; ze worden actiekaarten.',
  makeActions: (n: number) => (n === 1 ? 'Maak 1 actiekaart' : `Maak ${n} actiekaarten`),
  actionsMade: (n: number) => (n === 1 ? '1 actiekaart gemaakt' : `${n} actiekaarten gemaakt`),
  actions: 'Acties',
  actionWat: 'Wat',
  actionHoe: 'Hoe',
  actionWie: 'Wie',
  writtenBy: (name: string) => `geschreven door ${name}`,
  action: (n: number) => `Actie ${n}`,
  locks: 'Vergrendelen',
  lockBoard: 'Hele bord vergrendelen',
  lockSelection: 'Selectie vergrendelen',
  unlockSelection: 'Selectie ontgrendelen',
  selectToLock: 'Selecteer eerst iets op het bord om het te vergrendelen.',
  boardLocked: 'Bord vergrendeld',
  lockedByFacilitator: 'Dit is vergrendeld door de voorzitter.',
  viewControls: 'Meekijken',
  followMe: 'Volg mij',
  followMeHint: 'Iedereen kijkt mee met jouw beeld.',
  bringEveryone: 'Iedereen naar mijn beeld',
  broughtEveryone: 'Iedereen kijkt nu naar jouw beeld.',
  hideCursors: 'Cursors verbergen',
  cursorsHidden: 'Cursors verborgen',
  followingFacilitator: 'Je volgt het beeld van de voorzitter',
  lookAround: 'Zelf rondkijken',
  followAgain: 'Volg de voorzitter',
  endMeeting: 'Overleg afronden',
  endMeetingConfirm:
    'Het overleg afronden? Deelnemers kunnen daarna alleen nog kijken; jij kunt nog wijzigen en exporteren.',
  reopenMeeting: 'Overleg heropenen',
  meetingEnded: 'Overleg afgerond',
  meetingEndedNote: 'Het overleg is afgerond. Het bord is nu alleen te lezen.',
  myDrafts: 'Mijn concepten',
  draftsPrivate:
    'Alleen jij ziet wat je hier schrijft. Het komt pas op het bord als de voorzitter onthult.',
  draftKind: 'Soort',
  draftPlace: 'Plek op het bord',
  draftBeside: 'Naast het bord',
  draftText: 'Wat wil je kwijt?',
  saveDraft: 'Concept bewaren',
  deleteDraft: (text: string) => `Concept verwijderen: ${text}`,
  noDrafts: 'Nog geen concepten.',
  draftsShared: (n: number) =>
    n === 1 ? '1 concept staat nu op het bord' : `${n} concepten staan nu op het bord`,
  draftsWaiting: (n: number) =>
    n === 1 ? '1 concept wacht op de onthulling' : `${n} concepten wachten op de onthulling`,
  // Export and print
  export: 'Exporteren',
  exportTitle: 'Het bord exporteren',
  exportNote:
    'De bestanden worden op dit apparaat gemaakt. Ze bevatten gegevens over een kind: bewaar ze in het dossier en stuur ze niet rond.',
  paper: 'Papier voor de bordpagina',
  paperA4: 'A4 liggend',
  paperA3: 'A3 liggend',
  showNames: 'Namen tonen (anders alleen rollen)',
  exportPdf: 'PDF-verslag',
  exportPng: 'Afbeelding van het bord (PNG)',
  exportCsv: 'Alle onderdelen als tabel (CSV)',
  exportJson: 'Bord als bestand (JSON, opnieuw te openen)',
  exportMarkdown: 'Verslag als tekst (Markdown)',
  print: 'Bord afdrukken',
  exportBusy: 'Bezig met het PDF-verslag…',
  exportDone: (name: string) => `Gedownload: ${name}`,
  exportFailed: 'Exporteren is niet gelukt',
  // New board from a file
  importTitle: 'Of: nieuw bord uit een bestand',
  importHint: 'Een bord dat eerder als JSON is geëxporteerd. Er wordt een nieuw bord van gemaakt.',
  importFile: 'Bestand kiezen',
  importing: 'Bezig met inlezen…',
  importNotJson: 'het is geen JSON-bestand',
  importFailed: 'Dit bestand kon niet worden ingelezen',
}

export type Strings = typeof nl

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
