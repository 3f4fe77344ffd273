// The English strings of the board's menu and help, as the Dutch ones (i18n.help.nl.ts) decide
// their type.
import type { helpNl } from './i18n.help.nl.ts'

export const helpEn: typeof helpNl = {
  boardMenu: 'More',
  boardOnly: 'Board only',
  boardOnlyHint: 'Hides everything but the board and the tools.',
  showAll: 'Show everything again',
  help: 'Help',
  helpTitle: 'How the board works',
  helpAdding: 'Adding a point',
  helpAddingText:
    'Tap the + of a circle or box and choose the kind, or double-click an empty place in a circle. On a phone the Add point button does it too.',
  helpMoving: 'Moving and editing',
  helpMovingText:
    'Drag a point to another place, or choose "Move to…" beside it in the Outline. Double-click a point (or press Enter) to change its text; Escape or a click elsewhere keeps what you typed.',
  helpViewing: 'Looking around',
  helpViewingText:
    'Move the board with the hand or two fingers, zoom with the buttons or by pinching. Press and hold a button to read what it does.',
  helpKeys: 'With the keyboard',
  helpUndo: 'Ctrl+Z undoes, Ctrl+Y redoes.',
}
