// The Dutch strings of the board's history: the versions the relay keeps, their preview and
// restore. Part of the Dutch catalogue (i18n.nl.ts), which types every language.

export const historyNl = {
  history: 'Geschiedenis',
  historyOpen: 'Eerdere versies bekijken',
  historyTitle: 'Geschiedenis van het bord',
  historyIntro:
    'De server bewaart een versie van het bord als het voor het eerst opent, elke paar minuten terwijl het verandert, bij elke stap en vóór elk terugzetten.',
  historyVersions: 'Versies',
  historyLoading: 'Versies laden…',
  historyEmpty: 'Nog geen versies.',
  historyFailed: 'De geschiedenis kon niet worden geladen',
  historyStep: (step: string) => `stap ${step}`,
  historyPoints: (n: number) => (n === 1 ? '1 punt' : `${n} punten`),
  historyReasonFirst: 'eerste versie',
  historyReasonInterval: 'tussendoor bewaard',
  historyReasonStep: 'bij de stapwissel',
  historyReasonRestore: 'vóór terugzetten',
  historyPreview: (time: string) => `Versie van ${time}`,
  historyPreviewEmpty: 'Voorbeeld',
  historyPreviewHint: 'Alleen om te bekijken: het bord verandert hier niet door.',
  historyChoose: 'Kies een versie om die te bekijken.',
  historyLoose: 'Los op het bord',
  historyNoPoints: 'Geen punten',
  historyQuestions: 'Vragen',
  historyAgreements: 'Afspraken',
  historyRestore: 'Deze versie terugzetten',
  historyConfirm: (time: string) =>
    `Het bord wordt voor iedereen teruggezet naar ${time}. De huidige stand wordt eerst bewaard, zodat je dit ongedaan kunt maken.`,
  historyConfirmYes: 'Ja, terugzetten',
  historyCancel: 'Annuleren',
  historyRestoring: 'Bezig met terugzetten…',
  historyRestored: (time: string) => `Het bord is teruggezet naar ${time}.`,
  historyUndo: 'Ongedaan maken',
  historyUndone: 'Het terugzetten is ongedaan gemaakt.',
  historyRestoreFailed: 'Terugzetten is niet gelukt',
}
