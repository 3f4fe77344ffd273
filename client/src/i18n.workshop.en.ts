// The English strings of workshops, as the Dutch ones (i18n.workshop.nl.ts) decide their type.
import type { workshopNl } from './i18n.workshop.nl.ts'

const tables = (n: number) => (n === 1 ? '1 table' : `${n} tables`)

export const workshopEn: typeof workshopNl = {
  workshop: {
    create: 'Workshop with tables',
    createIntro:
      'Every table gets its own board with its own QR code, plus one plenary board. You follow all tables in one overview.',
    tables: 'Number of tables',
    title: 'Name of the workshop',
    titleHint: 'for example: network meeting north district',
    template: 'Template for every table',
    submit: 'Create workshop',
    creating: 'Creating…',
    createFailed: 'The workshop could not be created',
    created: 'The workshop is ready',
    leaderLink: 'Your overview (keep this link safe)',
    openOverview: 'Open the overview',
    untitled: 'Workshop',
    overviewIntro: (n) =>
      `${n === 1 ? '1 table' : `${n} tables`}, live. Pick stickies on a table and put them on the plenary board.`,
    noAccess: 'This overview link is not valid (any more).',
    table: (n) => `Table ${n}`,
    plenary: 'Plenary board',
    live: 'live',
    connecting: 'connecting…',
    thumbnailLabel: (name, n) => `${name}: ${n === 1 ? '1 sticky note' : `${n} sticky notes`}`,
    qrLabel: (name) => `QR code to join ${name}`,
    openPlenary: 'Open the plenary board',
    tableGone: 'The board of this table was deleted.',
    pick: (n) => `Pick sticky notes (${n})`,
    toPlenary: (n) => (n === 0 ? 'To plenary' : `To plenary (${n})`),
    copied: (n) =>
      n === 1
        ? '1 sticky note put on the plenary board'
        : `${n} sticky notes put on the plenary board`,
    onPlenary: (n) =>
      n === 1 ? '1 sticky note on the plenary board.' : `${n} sticky notes on the plenary board.`,
    allTables: 'For all tables at once',
    step: 'Step',
    setStep: 'Go to this step',
    stepSet: (step, n) => `${tables(n)} to step ${step}`,
    tableStep: (n, step) => `Step ${n}: ${step}`,
    minutes: 'Minutes',
    startTimer: 'Start timer',
    pauseTimer: 'Pause timer',
    timerStarted: (minutes, n) => `A ${minutes} minute timer runs at ${tables(n)}`,
    timerPaused: (n) => `Timer paused at ${tables(n)}`,
    startRound: 'Start a personal round (private writing)',
    roundStarted: (n) => `Personal round started at ${tables(n)}`,
    reveal: 'Reveal at all tables',
    revealed: (n) => `Revealed at ${tables(n)}`,
    roundWriting: 'personal round: writing',
    roundRevealed: 'round revealed',
    end: 'Closing',
    printQr: 'Print the QR codes',
    delete: 'Delete the workshop',
    deleteWarning:
      'Every board of this workshop, the plenary board too, is deleted for real. This cannot be undone.',
    deleteConfirm: 'Yes, delete everything',
    keep: 'No, keep it',
    deleteFailed: 'Deleting did not work',
    deleted: 'The workshop and all its boards were deleted.',
  },
  // deletion: renewing the workshop overview's link; boards taken over by their own voorzitter
  workshopLink: {
    title: 'Link of this overview',
    intro: 'Did the link of this overview reach someone who should not have it? Make a new one.',
    renew: 'Make a new link',
    warning:
      'The current link of this overview stops working. Every link and QR code of the tables and the plenary board is renewed too: whoever is working at a table now is disconnected and needs the new QR code or link. Boards their own facilitator took over keep their links.',
    confirm: 'Yes, renew every link',
    cancel: 'Cancel',
    renewing: 'Renewing…',
    failed: 'No new link could be made',
    renewed:
      'Every link was renewed. Keep the new link of this overview safe: the old one no longer works. Give the tables the new QR codes (print them again).',
    newLink: 'New link of this overview',
    takenOver: 'own management',
    takenOverNote:
      'The facilitator of this board renewed one of its links and manages it now. This overview does not delete it and does not renew its links.',
    deleteKeeps: (n: number) =>
      n === 1
        ? '1 board managed by its own facilitator stays.'
        : `${n} boards managed by their own facilitator stay.`,
  },
  tables: {
    chooseRole: 'Choose your role…',
    controlBar: 'Timer and rounds',
    participantLink: 'Link for participants',
    copyParticipantLink: 'Copy the link for participants',
    openAsFacilitator: 'Open as facilitator',
  },
}
