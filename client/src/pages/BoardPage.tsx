// A board opened from its link: open the live document and, meanwhile, ask the server what the
// link may do; ask who is joining, then hand the board to the board view. When the page's early
// script fetched the board as JSON, the view draws that first and the document connects (and is
// decoded, a big board's longest step) right after that frame. Everything opened here is closed here.
// When the relay refuses a change of this device, the board opens again from the relay's copy; when
// the board was deleted, everything this device kept of it is removed (sync/deviceData.ts).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { parseShownBoard } from '../../../shared/index.ts'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'
import { useStrings } from '../i18n.ts'
import { JoinDialog, rememberedUser } from '../panels/JoinDialog.tsx'
import { BoardIndex } from '../state/boardIndex.ts'
import {
  closeFacilitationStores,
  openFacilitationStores,
  type FacilitationStores,
} from '../sync/facilitation.ts'
import { UiStore } from '../state/ui.ts'
import { ApiError, fetchBoardInfo, rememberedRole, rememberRole } from '../sync/api.ts'
import { forgetBoard } from '../sync/deviceData.ts'
import { takeEarlyBoard } from '../sync/earlyBoard.ts'
import { tokenFromHash } from '../sync/links.ts'
import {
  connectBoard,
  withAccess,
  type AccessRole,
  type BoardSession,
  type SessionEnd,
  type SessionUser,
} from '../sync/session.ts'
import type { BoardView as BoardViewType } from './BoardView.tsx'
import { Message } from './Message.tsx'

type BoardViewComponent = typeof BoardViewType

// The board view (canvas, Konva, the panels) is half of the app's code. Loaded on its own, it
// downloads and compiles while the board connects, instead of delaying the start of connecting.
const loadBoardView = (): Promise<BoardViewComponent> =>
  import('./BoardView.tsx').then((module) => module.BoardView)

export interface OpenBoard {
  session: BoardSession
  index: BoardIndex
  ui: UiStore
  token: string
  /** The control room and this device's private drafts. */
  facilitation: FacilitationStores
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'refused' }
  | { kind: 'gone' }
  | { kind: 'failed' }
  | { kind: 'open'; board: OpenBoard }

export function BoardPage({ boardId }: { boardId: string }) {
  const t = useStrings()
  const [token] = useState(() => tokenFromHash(window.location.hash))
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [reloaded, setReloaded] = useState(false)
  const [user, setUser] = useState<SessionUser | null>(() => rememberedUser(boardId))
  const [view, setView] = useState<{ BoardView: BoardViewComponent } | null>(null)
  const [shown, setShown] = useState(false)
  const onShown = useCallback(() => setShown(true), [])
  const apiRef = useRef<CanvasApi | null>(null)

  // A layout effect, so the board opens (and, without an early board, connects) before the first
  // paint rather than after it.
  useLayoutEffect(() => {
    if (!token) return
    let cancelled = false
    // The document loads while the server says what this link may do: waiting for that answer
    // first would cost a round trip. The role only shapes the UI; the relay enforces it itself.
    const early = takeEarlyBoard(boardId)
    const connection = connectBoard({ boardId, token, connect: early === null })
    const facilitation = openFacilitationStores(boardId, token)
    const index = new BoardIndex(connection.doc)
    let closed = false
    const close = () => {
      if (closed) return
      closed = true
      index.destroy()
      closeFacilitationStores(facilitation)
      connection.destroy()
    }
    const gone = () => {
      close()
      setPhase({ kind: 'gone' })
      void forgetBoard(boardId)
    }
    const onEnd = (end: SessionEnd) => {
      if (cancelled) return
      if (end === 'deleted') return gone()
      // The copy that held the refused change is dropped already: open the relay's afresh.
      close()
      setReloaded(true)
      setPhase({ kind: 'loading' })
      setAttempt((n) => n + 1)
    }
    connection.onEnd(onEnd)
    facilitation.control.onEnd(onEnd)
    void early?.then((value) => {
      if (cancelled) return
      const board = parseShownBoard(value)
      if (board) index.seed(board)
      else connection.connect()
    })
    loadBoardView().then(
      (BoardView) => !cancelled && setView({ BoardView }),
      () => !cancelled && setPhase({ kind: 'failed' }),
    )
    const open = (access: AccessRole) => {
      if (cancelled) return
      const session = withAccess(connection, access)
      const ui = new UiStore()
      if (import.meta.env.MODE === 'e2e')
        void import('../testHook.ts').then((m) =>
          m.installTestHook({ session, index, ui, canvas: apiRef, facilitation }),
        )
      setPhase({
        kind: 'open',
        board: { session, index, ui, token, facilitation },
      })
    }
    fetchBoardInfo(boardId, token).then(
      (info) => {
        rememberRole(boardId, info.role)
        open(info.role)
      },
      (error: unknown) => {
        if (cancelled) return
        if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
          return gone()
        }
        if (error instanceof ApiError && error.status < 500) return setPhase({ kind: 'refused' })
        // Offline: the copy on this device still opens, with the role this link had last time.
        const known = rememberedRole(boardId)
        if (known) open(known)
        else setPhase({ kind: 'failed' })
      },
    )
    return () => {
      cancelled = true
      close()
    }
  }, [boardId, token, attempt])

  // A session made to wait connects after the board view's first frame; at once when no board
  // view is coming (the join dialog).
  const waiting = phase.kind === 'open' && !!user && !shown
  useEffect(() => {
    if (phase.kind !== 'open' || waiting) return
    const { session } = phase.board
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => session.connect())))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [phase, waiting])

  if (phase.kind === 'gone') return <Message text={t.boardDeleted} />
  if (!token || phase.kind === 'refused') {
    return <Message text={token ? t.noAccess : t.noToken} />
  }
  if (phase.kind === 'failed') {
    return (
      <Message text={t.loadFailed}>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setPhase({ kind: 'loading' })
            setAttempt((n) => n + 1)
          }}
        >
          {t.retry}
        </button>
      </Message>
    )
  }
  if (phase.kind === 'loading') return <Message text={t.loading} busy />
  if (!user) {
    const facilitator = phase.board.session.access === 'facilitator'
    return (
      <JoinDialog
        boardId={boardId}
        index={phase.board.index}
        facilitator={facilitator}
        onJoin={setUser}
      />
    )
  }
  if (!view) return <Message text={t.loading} busy />
  return (
    <view.BoardView
      board={phase.board}
      user={user}
      apiRef={apiRef}
      onShown={onShown}
      notice={reloaded ? t.changeRefused : undefined}
    />
  )
}
