// A board opened from its link: ask the server what the link may do, ask who is joining, then
// open the live document and hand it to the board view. Everything opened here is closed here.
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'
import { useStrings } from '../i18n.ts'
import { JoinDialog, rememberedUser } from '../panels/JoinDialog.tsx'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { BoardIndex } from '../state/boardIndex.ts'
import { bindCommands, type BoardCommands } from '../state/commands.ts'
import { UiStore } from '../state/ui.ts'
import { ApiError, fetchBoardInfo, rememberedRole, rememberRole } from '../sync/api.ts'
import {
  openSession,
  tokenFromHash,
  type AccessRole,
  type BoardSession,
  type SessionUser,
} from '../sync/session.ts'
import { BoardView } from './BoardView.tsx'

export interface OpenBoard {
  session: BoardSession
  index: BoardIndex
  ui: UiStore
  commands: BoardCommands
  token: string
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'refused' }
  | { kind: 'failed' }
  | { kind: 'open'; board: OpenBoard }

function openBoard(boardId: string, token: string, access: AccessRole): OpenBoard {
  const session = openSession({ boardId, token, access })
  const index = new BoardIndex(session.doc)
  const ui = new UiStore()
  return { session, index, ui, commands: bindCommands(session), token }
}

function closeBoard({ session, index }: OpenBoard) {
  index.destroy()
  session.destroy()
}

export function BoardPage({ boardId }: { boardId: string }) {
  const t = useStrings()
  const [token] = useState(() => tokenFromHash(window.location.hash))
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [user, setUser] = useState<SessionUser | null>(() => rememberedUser(boardId))
  const apiRef = useRef<CanvasApi | null>(null)

  useEffect(() => {
    if (!token) return
    let cancelled = false
    let opened: OpenBoard | null = null
    const open = (access: AccessRole) => {
      if (cancelled) return
      opened = openBoard(boardId, token, access)
      const { session, index, ui } = opened
      if (import.meta.env.MODE === 'e2e')
        void import('../testHook.ts').then((m) =>
          m.installTestHook({ session, index, ui, canvas: apiRef }),
        )
      setPhase({ kind: 'open', board: opened })
    }
    fetchBoardInfo(boardId, token).then(
      (info) => {
        rememberRole(boardId, info.role)
        open(info.role)
      },
      (error: unknown) => {
        if (cancelled) return
        if (error instanceof ApiError && error.status < 500) return setPhase({ kind: 'refused' })
        // Offline: the copy on this device still opens, with the role this link had last time.
        const known = rememberedRole(boardId)
        if (known) open(known)
        else setPhase({ kind: 'failed' })
      },
    )
    return () => {
      cancelled = true
      if (opened) closeBoard(opened)
    }
  }, [boardId, token, attempt])

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
      <JoinDialog boardId={boardId} defaultRole={facilitator ? 'ib' : 'ouder'} onJoin={setUser} />
    )
  }
  return <BoardView board={phase.board} user={user} apiRef={apiRef} />
}

function Message({ text, busy, children }: { text: string; busy?: boolean; children?: ReactNode }) {
  const t = useStrings()
  return (
    <main className="page message-page" aria-busy={busy}>
      <header className="page-header">
        <a href="/" className="brand">
          {t.appName}
        </a>
        <LanguageSwitch />
      </header>
      <p role={busy ? 'status' : 'alert'} className="message">
        {text}
      </p>
      {children}
      {!busy && (
        <p>
          <a href="/">{t.home}</a>
        </p>
      )}
    </main>
  )
}
