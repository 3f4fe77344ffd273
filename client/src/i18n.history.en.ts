// The English strings of the board's history, as the Dutch ones (i18n.history.nl.ts) decide
// their type.
import type { historyNl } from './i18n.history.nl.ts'

export const historyEn: typeof historyNl = {
  history: 'History',
  historyOpen: 'Look at earlier versions',
  historyTitle: 'History of the board',
  historyIntro:
    'The server keeps a version of the board when it first opens, every few minutes while it changes, at every step and before every restore.',
  historyVersions: 'Versions',
  historyLoading: 'Loading versions…',
  historyEmpty: 'No versions yet.',
  historyFailed: 'The history could not be loaded',
  historyStep: (step: string) => `step ${step}`,
  historyPoints: (n: number) => (n === 1 ? '1 point' : `${n} points`),
  historyReasonFirst: 'first version',
  historyReasonInterval: 'kept along the way',
  historyReasonStep: 'at the step change',
  historyReasonRestore: 'before a restore',
  historyPreview: (time: string) => `Version of ${time}`,
  historyPreviewEmpty: 'Preview',
  historyPreviewHint: 'Only to look at: the board does not change here.',
  historyChoose: 'Choose a version to look at it.',
  historyLoose: 'Loose on the board',
  historyNoPoints: 'No points',
  historyQuestions: 'Questions',
  historyAgreements: 'Agreements',
  historyRestore: 'Restore this version',
  historyConfirm: (time: string) =>
    `The board goes back to ${time} for everyone. The current state is kept first, so you can undo this.`,
  historyConfirmYes: 'Yes, restore',
  historyCancel: 'Cancel',
  historyRestoring: 'Restoring…',
  historyRestored: (time: string) => `The board was restored to ${time}.`,
  historyUndo: 'Undo',
  historyUndone: 'The restore was undone.',
  historyRestoreFailed: 'The restore failed',
}
