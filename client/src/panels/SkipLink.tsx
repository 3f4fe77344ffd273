// "Naar het bord": the board page's first Tab stop, shown when it has the focus, that moves the
// focus past the top bar and the steps straight to the canvas. It never follows its href: the
// page's fragment holds the board's token.
import { useStrings } from '../i18n.ts'

export function SkipLink({ onSkip }: { onSkip(): void }) {
  const t = useStrings()
  return (
    <a
      className="skip-link"
      href="#board"
      data-testid="skip-link"
      onClick={(event) => {
        event.preventDefault()
        onSkip()
      }}
    >
      {t.skipToBoard}
    </a>
  )
}
