// The board screen: the canvas fills it. A slim top bar (title, status, who is here, sharing,
// panels, language) sits above it; the steps, the timer, the tools and the selection bar float
// over it; the side panels (Leiden, concepten, stemmen, Overzicht, Afspraken) are a drawer over
// its right edge, a bottom sheet on a phone. The page's shortcuts and its status line live here.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react'
import { BoardCanvas, type CanvasApi } from '../canvas/BoardCanvas.tsx'
import { ExportDialog } from '../export/ExportDialog.tsx'
import { useStrings } from '../i18n.ts'
import { AddPoint } from '../panels/AddPoint.tsx'
import { AgreementsSection } from '../panels/AgreementsPanel.tsx'
import { BoardMenu } from '../panels/BoardMenu.tsx'
import { Announcer } from '../panels/Announcer.tsx'
import { Dialog } from '../panels/Dialog.tsx'
import type { EditDeps } from '../panels/editActions.ts'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { Outline } from '../panels/Outline.tsx'
import { Presence } from '../panels/Presence.tsx'
import { SelectionBar } from '../panels/SelectionBar.tsx'
import { SharePanel } from '../panels/SharePanel.tsx'
import { SkipLink } from '../panels/SkipLink.tsx'
import { StatusBadge } from '../panels/StatusBadge.tsx'
import { Toolbar } from '../panels/Toolbar.tsx'
import { TouchTips } from '../panels/TouchTips.tsx'
import { useShortcuts } from '../panels/useShortcuts.ts'
import { DraftsPanel } from '../panels/DraftsPanel.tsx'
import { FacilitatorPanel } from '../panels/FacilitatorPanel.tsx'
import { FollowBanner, useFollow } from '../panels/follow.tsx'
import { Icon } from '../panels/icons.tsx'
import { StepBar } from '../panels/StepBar.tsx'
import { VotingPanel } from '../panels/VotingPanel.tsx'
import { useRecordAttendance } from '../state/attendance.ts'
import { useControl } from '../state/control.ts'
import { usePublishDrafts } from '../state/drafts.ts'
import { usePublishHiddenDots } from '../state/votes.ts'
import { useFacilitation, useStepHighlight } from '../state/facilitation.ts'
import { BoardClipboard, type SystemClipboard } from '../state/clipboard.ts'
import { useIndexVersion, useStatus, useUi } from '../state/hooks.ts'
import { useKeepViewCentre, usePanels } from '../state/panels.ts'
import { usePermissions } from '../state/permissions.ts'
import type { UiState } from '../state/ui.ts'
import { storedLinks } from '../sync/api.ts'
import type { SessionUser } from '../sync/session.ts'
import type { OpenBoard } from './BoardPage.tsx'

interface Props {
  board: OpenBoard
  user: SessionUser
  apiRef: RefObject<CanvasApi | null>
  /** Called once the view is on screen, after its first commit. */
  onShown?: () => void
  /** Said once when the view opens, e.g. that the board was loaded again after a refusal. */
  notice?: string
}

const selectEditing = (state: UiState) => state.editing !== null

/** While the board page is open the page itself never scrolls: the panels scroll inside. */
function useFixedPage(): void {
  useEffect(() => {
    const root = document.documentElement
    root.classList.add('board-open')
    return () => root.classList.remove('board-open')
  }, [])
}

/** How long a status message stays on screen. */
const NOTICE_MS = 5000

/** A status line: the latest message, and a count so the same message twice is heard twice. */
function useNotice() {
  const [notice, setNotice] = useState<{ text: string; count: number } | null>(null)
  const notify = useCallback(
    (text: string) => setNotice((last) => ({ text, count: (last?.count ?? 0) + 1 })),
    [],
  )
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])
  // A changed text is what a live region announces: every other repeat gets an invisible space.
  const text = notice && `${notice.text}${notice.count % 2 === 0 ? '\u00a0' : ''}`
  return { text, notify }
}

export function BoardView({ board, user, apiRef, onShown, notice }: Props) {
  const { session, index, ui, token, facilitation: stores } = board
  const t = useStrings()
  useEffect(() => {
    performance.mark('mdo:board-view')
    onShown?.()
  }, [onShown])
  const id = useId()
  useIndexVersion(index)
  const title = index.meta().title || t.untitled
  // A link that stopped working can no longer deliver edits: stop taking them rather than let
  // them pile up on this device unseen.
  const refused = useStatus(session).connection === 'refused'
  const control = useControl(stores.control)
  const permissions = usePermissions({ role: session.access, refused, control })
  const facilitator = permissions.lead
  const readOnly = !permissions.edit
  const panels = usePanels(facilitator)
  const revealPanels = panels.reveal
  const editing = useUi(ui, selectEditing)
  useFixedPage()
  const [shareOpen, setShareOpen] = useState(false)
  const [exportOpen, setExportOpen] = useState(false)
  const canvasArea = useRef<HTMLElement>(null)
  useKeepViewCentre(apiRef, canvasArea, panels.open && !panels.bare)
  const { text: noticeText, notify } = useNotice()
  useEffect(() => {
    if (notice) notify(notice)
  }, [notice, notify])
  const { commands, controlCommands, voterId, composer } = useFacilitation(board, stores, notify, t)
  // A point begun during a private round is written in Mijn concepten: the panels open for it,
  // and so they do when a private round starts.
  useEffect(() => composer.subscribe(revealPanels), [composer, revealPanels])
  const writingRound = permissions.privateRound?.id
  useEffect(() => {
    if (writingRound) revealPanels()
  }, [writingRound, revealPanels])
  usePublishDrafts(stores.drafts, control, session, user.name, permissions.publish)
  usePublishHiddenDots({
    store: stores.votes,
    control,
    controlSession: stores.control,
    session,
    voterId,
    allowed: permissions.publish,
  })
  useRecordAttendance(session, stores.control, facilitator)
  const follow = useFollow({ control, facilitator, apiRef, commands: controlCommands })
  const highlight = useStepHighlight(index, control.step)
  // Outside a secure context (plain http) the browser has no clipboard API: paste in this tab only.
  const [clipboard] = useState(
    () => new BoardClipboard(navigator.clipboard as SystemClipboard | undefined),
  )
  const edit = useMemo<EditDeps>(
    () => ({ session, index, commands, ui, clipboard, canvas: apiRef, notify, t }),
    [session, index, commands, ui, clipboard, apiRef, notify, t],
  )
  useShortcuts({ session, ui, readOnly, edit })
  const focusCanvas = () =>
    canvasArea.current?.querySelector<HTMLElement>('.board-canvas')?.focus({ preventScroll: true })

  useEffect(() => session.setUser(user), [session, user])
  useEffect(() => {
    document.title = `${title} – ${t.appName}`
  }, [title, t])

  return (
    <div
      className="board-page"
      data-panels={panels.open && !panels.bare ? 'open' : 'closed'}
      data-editing={editing}
      data-bare={panels.bare}
    >
      <SkipLink onSkip={focusCanvas} />
      <TouchTips />
      {panels.bare && (
        <button type="button" className="bare-exit" onClick={() => panels.setBare(false)}>
          {t.showAll}
        </button>
      )}
      <header className="topbar">
        <span className="topbar-start">
          <h1 className="board-title" title={title}>
            {title}
          </h1>
          {readOnly && <span className="badge">{t.readOnly}</span>}
          <StatusBadge session={session} />
          <Presence session={session} />
        </span>
        <span className="topbar-actions">
          {facilitator && !refused && (
            <button type="button" aria-haspopup="dialog" onClick={() => setShareOpen(true)}>
              {t.share}
            </button>
          )}
          {facilitator && (
            <button
              type="button"
              aria-haspopup="dialog"
              data-testid="export-open"
              onClick={() => setExportOpen(true)}
            >
              {t.export}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            data-testid="panels-toggle"
            aria-expanded={panels.open}
            aria-controls={`${id}-side`}
            title={panels.open ? t.hidePanels : t.showPanels}
            onClick={panels.toggle}
          >
            <Icon name="panels" />
            <span className="visually-hidden">{panels.open ? t.hidePanels : t.showPanels}</span>
          </button>
          <LanguageSwitch />
          <BoardMenu onBoardOnly={() => panels.setBare(true)} />
        </span>
      </header>
      <div className="board-main">
        <main ref={canvasArea} className="canvas-area" aria-label={t.canvasLabel}>
          <BoardCanvas
            session={session}
            index={index}
            commands={commands}
            ui={ui}
            readOnly={readOnly}
            apiRef={apiRef}
            cursorsHidden={control.cursorsHidden}
            highlight={highlight}
          />
          <StepBar
            control={control}
            template={index.meta().template}
            facilitator={facilitator}
            commands={controlCommands}
            notify={notify}
          />
          <FollowBanner control={control} facilitator={facilitator} {...follow} />
          <Toolbar
            session={session}
            index={index}
            commands={commands}
            ui={ui}
            readOnly={readOnly}
            apiRef={apiRef}
            notify={notify}
          />
          {!readOnly && (
            <AddPoint index={index} commands={commands} apiRef={apiRef} notify={notify} />
          )}
          {!readOnly && (
            <SelectionBar
              index={index}
              commands={commands}
              ui={ui}
              edit={edit}
              onDone={focusCanvas}
            />
          )}
          <p className="notice" role="status" data-testid="notice">
            {noticeText}
          </p>
          <Announcer
            doc={session.doc}
            index={index}
            control={control}
            template={index.meta().template}
            facilitator={facilitator}
          />
        </main>
        <aside
          id={`${id}-side`}
          className="side"
          aria-label={t.panels}
          hidden={!panels.open || panels.bare}
        >
          {control.ended && !facilitator && (
            <p className="meeting-ended" role="status">
              {t.meetingEndedNote}
            </p>
          )}
          {facilitator && (
            <details open className="side-section">
              <summary>
                <h2>{t.lead}</h2>
              </summary>
              <FacilitatorPanel
                control={control}
                commands={controlCommands}
                ui={ui}
                apiRef={apiRef}
                notify={notify}
                history={{ boardId: session.boardId, token }}
              />
            </details>
          )}
          {permissions.role !== 'view' &&
            (control.round?.private || stores.drafts.all().length > 0) && (
              <DraftsPanel
                store={stores.drafts}
                control={control}
                index={index}
                composer={composer}
              />
            )}
          <VotingPanel
            session={session}
            index={index}
            commands={commands}
            control={control}
            hiddenVotes={stores.votes}
            voterId={voterId}
            facilitator={facilitator}
            readOnly={!permissions.vote}
            notify={notify}
          />
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
          <AgreementsSection
            index={index}
            commands={commands}
            readOnly={readOnly}
            userName={user.name}
          />
        </aside>
      </div>
      {shareOpen && (
        <Dialog title={t.shareTitle} className="share-dialog" onClose={() => setShareOpen(false)}>
          <SharePanel
            links={{ ...storedLinks(session.boardId), facilitator: window.location.href }}
            boardId={session.boardId}
            facilitatorToken={token}
          />
        </Dialog>
      )}
      {exportOpen && (
        <Dialog
          title={t.exportTitle}
          className="export-dialog"
          onClose={() => setExportOpen(false)}
        >
          <ExportDialog
            session={session}
            control={stores.control}
            commands={controlCommands}
            title={title}
            notify={notify}
          />
        </Dialog>
      )}
    </div>
  )
}
