// The words of the exported report (PDF and Markdown), Dutch first. The board's own terms (kinds,
// circles, agreement parts, steps) stay in ../labels.ts; this file holds only what a report adds.
import { VALENCE_LABELS, type Label, type Lang } from '../labels.ts'
import type { CircleRole, Valence } from '../schema.ts'

export const REPORT_LABELS = {
  report: { nl: 'Verslag', en: 'Report' },
  untitled: { nl: 'Naamloos bord', en: 'Untitled board' },
  boardCreated: { nl: 'Bord gemaakt', en: 'Board created' },
  exported: { nl: 'Geëxporteerd', en: 'Exported' },
  stepReached: { nl: 'Stap bereikt', en: 'Step reached' },
  stepUnknown: { nl: 'onbekend (niet verbonden)', en: 'unknown (not connected)' },
  rolesPresent: { nl: 'Aanwezig (rollen)', en: 'Present (roles)' },
  participantsPresent: { nl: 'Aanwezig', en: 'Present' },
  rolesUnknown: {
    nl: 'Niet vastgelegd: dit bord hield nog niet bij wie er was. Vul dit zo nodig zelf aan.',
    en: 'Not recorded: this board did not yet keep who was there. Add them yourself if needed.',
  },
  nobodySeen: {
    nl: 'Niemand vastgelegd.',
    en: 'Nobody recorded.',
  },
  nextMeeting: { nl: 'Volgend overleg', en: 'Next meeting' },
  nextMeetingUnset: { nl: 'nog niet gepland', en: 'not yet planned' },
  questionsAndDecisions: { nl: '1. Vragen en besluiten', en: '1. Questions and decisions' },
  questions: { nl: 'Vragen', en: 'Questions' },
  decisions: { nl: 'Te nemen besluiten', en: 'Decisions to be made' },
  askedBy: { nl: 'gesteld door', en: 'asked by' },
  writtenBy: { nl: 'door', en: 'by' },
  circles: { nl: 'De cirkels', en: 'The circles' },
  interaction: { nl: 'Wisselwerking', en: 'Interaction' },
  neutral: { nl: 'neutraal', en: 'neutral' },
  legend: { nl: 'Genummerde post-its op het bord', en: 'Numbered sticky notes on the board' },
  legendNote: {
    nl: 'Op pagina 1 is te weinig ruimte om de tekst van deze post-its leesbaar te tonen; daar staat hun nummer.',
    en: 'Page 1 has too little room to show the text of these sticky notes readably; it shows their number.',
  },
  number: { nl: 'Nr.', en: 'No.' },
  kind: { nl: 'Soort', en: 'Kind' },
  text: { nl: 'Tekst', en: 'Text' },
  place: { nl: 'Plek', en: 'Place' },
  loose: { nl: 'los op het bord', en: 'loose on the board' },
  agreements: { nl: '5. Afspraken', en: '5. Agreements' },
  status: { nl: 'Status', en: 'Status' },
  evaluation: { nl: 'Evaluatie van het overleg', en: 'Evaluation of the meeting' },
  tops: { nl: 'Tops (behouden)', en: 'Tops (keep doing)' },
  tips: { nl: 'Tips (volgende keer anders)', en: 'Tips (do differently next time)' },
  columns: { nl: 'Kolommen', en: 'Columns' },
  actions: { nl: 'Acties', en: 'Actions' },
  otherItems: { nl: 'Overige post-its', en: 'Other sticky notes' },
  votes: { nl: 'Stemmen (kies 3)', en: 'Votes (choose 3)' },
  dot: { nl: 'stip', en: 'dot' },
  dots: { nl: 'stippen', en: 'dots' },
  none: { nl: '(geen)', en: '(none)' },
  empty: { nl: '(leeg)', en: '(empty)' },
  skipped: {
    nl: 'onderdelen van het bord waren ongeldig en zijn overgeslagen.',
    en: 'parts of the board were invalid and were skipped.',
  },
  page: { nl: 'Pagina', en: 'Page' },
  of: { nl: 'van', en: 'of' },
  confidential: {
    nl: 'Vertrouwelijk: bevat gegevens over een kind. Bewaren in het dossier, niet doorsturen.',
    en: 'Confidential: holds data about a child. Keep in the file, do not forward.',
  },
} as const satisfies Record<string, Label>

/**
 * The participant roles of the join dialog, for a report made without the interface's strings
 * (the server's); tests/unit/attendance.test.ts keeps them equal to the client's.
 */
export const ROLE_LABELS: Readonly<Record<string, Label>> = {
  ouder: { nl: 'Ouder', en: 'Parent' },
  kind: { nl: 'Kind/jongere', en: 'Child/young person' },
  leerkracht: { nl: 'Leerkracht/mentor', en: 'Teacher/mentor' },
  ib: { nl: "IB'er/zorgcoördinator", en: 'Special needs coordinator' },
  jeugdhulp: { nl: 'Jeugdhulp', en: 'Youth care' },
  jgz: { nl: 'JGZ', en: 'Youth health care (JGZ)' },
  smw: { nl: 'SMW', en: 'School social work (SMW)' },
  anders: { nl: 'Anders', en: 'Other' },
}

/** A role's name in the report's language; a role this release does not know reads as "Anders". */
export function roleLabel(role: string, lang: Lang): string {
  return (ROLE_LABELS[role] ?? ROLE_LABELS.anders)![lang]
}

/** What the needs of each circle are called in the method. */
export const NEED_LABELS: Partial<Record<CircleRole, Label>> = {
  kind: { nl: 'Onderwijs- en opvoedbehoeften', en: 'Educational and parenting needs' },
  school: { nl: 'Ondersteuningsbehoeften leerkracht', en: "Teacher's support needs" },
  thuis: { nl: 'Ondersteuningsbehoeften ouders', en: "Parents' support needs" },
}

/**
 * A valence inside a sentence, as "School → Thuis: neerwaartse spiraal — label" says it. A
 * neutral arrow is "neutraal": the board's name for it, "Wisselwerking", is the section's title.
 */
export function valencePhrase(valence: Valence, lang: Lang): string {
  if (valence === 'neutral') return REPORT_LABELS.neutral[lang]
  const label = VALENCE_LABELS[valence][lang]
  return label.charAt(0).toLocaleLowerCase(lang) + label.slice(1)
}

/** A date and time as dd-mm-yyyy hh:mm, in the clock of the machine that exports. */
export function formatDate(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '—'
  const date = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()}`
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** The next meeting as set on the board ('YYYY-MM-DD' or with 'THH:MM'), as dd-mm-yyyy [hh:mm]. */
export function formatMeetingDate(value: string): string {
  const [date = '', time] = value.split('T')
  const [y, m, d] = date.split('-')
  return `${d}-${m}-${y}${time ? ` ${time}` : ''}`
}
