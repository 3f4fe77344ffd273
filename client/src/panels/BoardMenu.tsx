// The top bar's menu for what is seldom needed: the board alone (everything but the canvas and
// the tools hidden, for a digibord or a small screen), the help that says how the board works,
// and the language.
import { useId, useState } from 'react'
import { createPortal } from 'react-dom'
import { useStrings, useSwitchLang } from '../i18n.ts'
import { Dialog } from './Dialog.tsx'
import { Icon } from './icons.tsx'
import { usePopover } from './usePopover.ts'

export function BoardMenu({ onBoardOnly }: { onBoardOnly(): void }) {
  const t = useStrings()
  const id = useId()
  const { open, toggle, close, triggerRef, panelRef } = usePopover()
  const [helpOpen, setHelpOpen] = useState(false)
  const switchLang = useSwitchLang()
  const choose = (action: () => void) => () => {
    close()
    action()
  }
  return (
    <span className="board-menu">
      <button
        ref={triggerRef}
        type="button"
        className="icon-button"
        data-testid="board-menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        title={t.boardMenu}
        onClick={toggle}
      >
        <Icon name="menu" />
        <span className="visually-hidden">{t.boardMenu}</span>
      </button>
      <div id={`${id}-menu`} ref={panelRef} className="board-menu-items" hidden={!open}>
        <button type="button" onClick={choose(onBoardOnly)} aria-describedby={`${id}-only`}>
          {t.boardOnly}
        </button>
        <span id={`${id}-only`} className="visually-hidden">
          {t.boardOnlyHint}
        </span>
        <button type="button" aria-haspopup="dialog" onClick={choose(() => setHelpOpen(true))}>
          {t.help}
        </button>
        {/* On a phone the top bar has no room for the language button: it is here instead. */}
        <button
          type="button"
          aria-label={t.switchLanguageLabel}
          lang={t.switchLanguage === 'English' ? 'en' : 'nl'}
          onClick={choose(switchLang)}
        >
          {t.switchLanguage}
        </button>
      </div>
      {/* On the page itself, not in the top bar's layer, so nothing on the board covers it. */}
      {helpOpen &&
        createPortal(
          <Dialog title={t.helpTitle} className="help-dialog" onClose={() => setHelpOpen(false)}>
            <h3>{t.helpAdding}</h3>
            <p>{t.helpAddingText}</p>
            <h3>{t.helpMoving}</h3>
            <p>{t.helpMovingText}</p>
            <h3>{t.helpViewing}</h3>
            <p>{t.helpViewingText}</p>
            <h3>{t.helpKeys}</h3>
            <p>{t.canvasHelp}</p>
            <p>{t.helpUndo}</p>
          </Dialog>,
          document.body,
        )}
    </span>
  )
}
