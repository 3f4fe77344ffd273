// The Dutch strings of workshops: the leader's overview of the tables, its link, and the boards
// of the workshop templates. Part of the Dutch catalogue (i18n.nl.ts), which types every language.

const tables = (n: number) => (n === 1 ? '1 tafel' : `${n} tafels`)

export const workshopNl = {
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
  // deletion: renewing the workshop overview's link; boards taken over by their own voorzitter
  workshopLink: {
    title: 'Link van dit overzicht',
    intro:
      'Is de link van dit overzicht bij iemand terechtgekomen die hem niet mag hebben? Maak een nieuwe.',
    renew: 'Nieuwe link maken',
    warning:
      'De huidige link van dit overzicht werkt daarna niet meer. Ook alle links en QR-codes van de tafels en het plenaire bord worden vernieuwd: wie nu aan een tafel werkt, wordt losgekoppeld en heeft de nieuwe QR-code of link nodig. Borden die hun eigen voorzitter heeft overgenomen, houden hun links.',
    confirm: 'Ja, alle links vernieuwen',
    cancel: 'Annuleren',
    renewing: 'Bezig met vernieuwen…',
    failed: 'Er kon geen nieuwe link worden gemaakt',
    renewed:
      'Alle links zijn vernieuwd. Bewaar de nieuwe link van dit overzicht goed: de oude werkt niet meer. Geef de tafels de nieuwe QR-codes (opnieuw afdrukken).',
    newLink: 'Nieuwe link van dit overzicht',
    takenOver: 'eigen beheer',
    takenOverNote:
      'De voorzitter van dit bord heeft er zelf een link van vernieuwd en beheert het nu. Dit overzicht verwijdert het niet en vernieuwt de links ervan niet.',
    deleteKeeps: (n: number) =>
      n === 1
        ? '1 bord in eigen beheer van zijn voorzitter blijft bestaan.'
        : `${n} borden in eigen beheer van hun voorzitter blijven bestaan.`,
  },
  // Boards of the workshop templates, and the overview of their tables
  tables: {
    chooseRole: 'Kies je rol…',
    controlBar: 'Timer en rondes',
    participantLink: 'Link voor deelnemers',
    copyParticipantLink: 'Link voor deelnemers kopiëren',
    openAsFacilitator: 'Open als voorzitter',
  },
}
