// The board screen: a top bar (title, status, who is here, language, sharing), the tools, the
// canvas, and beside it the outline and the agreements, which fold away or move below on a phone.
import { useEffect, useId, useState, type RefObject } from 'react'
import { BoardCanvas, type CanvasApi } from '../canvas/BoardCanvas.tsx'
import { useStrings } from '../i18n.ts'
import { AgreementsPanel } from '../panels/AgreementsPanel.tsx'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { Outline } from '../panels/Outline.tsx'
import { Presence } from '../panels/Presence.tsx'
import { SharePanel } from '../panels/SharePanel.tsx'
import { StatusBadge } from '../panels/StatusBadge.tsx'
import { Toolbar } from '../panels/Toolbar.tsx'
import { useIndexVersion, useStatus } from '../state/hooks.ts'
import { storedLinks } from '../sync/api.ts'
import type { SessionUser } from '../sync/session.ts'
import type { OpenBoard } from './BoardPage.tsx'

interface Props {
  board: OpenBoard
  user: SessionUser
  apiRef: RefObject<CanvasApi | null>
}

export function BoardView({ board, user, apiRef }: Props) {
  const { session, index, ui, commands, token } = board
  const t = useStrings()
  const id = useId()
  useIndexVersion(index)
  const title = index.meta().title || t.untitled
  // A link that stopped working can no longer deliver edits: stop taking them rather than let
  // them pile up on this device unseen.
  const refused = useStatus(session).connection === 'refused'
  const readOnly = session.access === 'view' || refused
  const facilitator = session.access === 'facilitator'
  const [panelsOpen, setPanelsOpen] = useState(true)
  const [shareOpen, setShareOpen] = useState(false)

  useEffect(() => session.setUser(user), [session, user])
  useEffect(() => {
    document.title = `${title} – ${t.appName}`
  }, [title, t])

  return (
    <div className="board-page">
      <header className="topbar">
        <h1 className="board-title">{title}</h1>
        {readOnly && <span className="badge">{t.readOnly}</span>}
        <StatusBadge session={session} />
        <Presence session={session} />
        <span className="topbar-actions">
          {facilitator && !refused && (
            <button type="button" aria-haspopup="dialog" onClick={() => setShareOpen(true)}>
              {t.share}
            </button>
          )}
          <button
            type="button"
            aria-expanded={panelsOpen}
            aria-controls={`${id}-side`}
            onClick={() => setPanelsOpen((open) => !open)}
          >
            {panelsOpen ? t.hidePanels : t.showPanels}
          </button>
          <LanguageSwitch />
        </span>
      </header>
      <Toolbar
        session={session}
        index={index}
        commands={commands}
        ui={ui}
        readOnly={readOnly}
        apiRef={apiRef}
      />
      <div className={panelsOpen ? 'board-main' : 'board-main panels-closed'}>
        <main className="canvas-area" aria-label={t.canvasLabel}>
          <BoardCanvas
            session={session}
            index={index}
            commands={commands}
            ui={ui}
            readOnly={readOnly}
            apiRef={apiRef}
          />
        </main>
        <aside id={`${id}-side`} className="side" aria-label={t.panels} hidden={!panelsOpen}>
          <details open className="side-section">
            <summary>
              <h2>{t.outline}</h2>
            </summary>
            <Outline
              index={index}
              commands={commands}
              ui={ui}
              readOnly={readOnly}
              apiRef={apiRef}
            />
          </details>
          <details open className="side-section">
            <summary>
              <h2>{t.agreementsAndQuestions}</h2>
            </summary>
            <AgreementsPanel
              index={index}
              commands={commands}
              readOnly={readOnly}
              userName={user.name}
            />
          </details>
        </aside>
      </div>
      {shareOpen && (
        <div
          className="dialog-backdrop"
          onClick={(e) => e.target === e.currentTarget && setShareOpen(false)}
        >
          <div
            className="dialog share-dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby={`${id}-share`}
            onKeyDown={(event) => event.key === 'Escape' && setShareOpen(false)}
          >
            <h2 id={`${id}-share`}>{t.shareTitle}</h2>
            <SharePanel
              links={{ ...storedLinks(session.boardId), facilitator: window.location.href }}
              boardId={session.boardId}
              facilitatorToken={token}
            />
            <button type="button" className="close" autoFocus onClick={() => setShareOpen(false)}>
              {t.close}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
