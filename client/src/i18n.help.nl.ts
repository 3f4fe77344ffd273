// The Dutch strings of the board's menu: the board alone, and the help that says how the board
// is used. Part of the Dutch catalogue (i18n.nl.ts), which types every language.

export const helpNl = {
  boardMenu: 'Meer',
  boardOnly: 'Alleen het bord',
  boardOnlyHint: 'Verbergt alles behalve het bord en het gereedschap.',
  showAll: 'Alles weer tonen',
  help: 'Hulp',
  helpTitle: 'Zo werkt het bord',
  helpAdding: 'Een punt toevoegen',
  helpAddingText:
    'Tik op de + bij een cirkel of vak en kies de soort, of dubbelklik op een lege plek in een cirkel. Op een telefoon kan het ook met de knop Punt toevoegen.',
  helpMoving: 'Verplaatsen en bewerken',
  helpMovingText:
    'Sleep een punt naar een andere plek, of kies in het Overzicht bij het punt "Verplaats naar…". Dubbelklik op een punt (of druk Enter) om de tekst te veranderen; Escape of ergens anders klikken bewaart wat je typte.',
  helpViewing: 'Kijken',
  helpViewingText:
    'Verschuif het bord met de hand of met twee vingers, zoom met de knoppen of door te knijpen. Houd een knop ingedrukt om te lezen wat hij doet.',
  helpKeys: 'Met het toetsenbord',
  helpUndo: 'Ctrl+Z maakt ongedaan, Ctrl+Y doet het opnieuw.',
}
