// Always-visible answer to "is my work safe?": connected, offline but kept on this device,
// syncing, or a link that no longer works. Each state has its own shape, not only its own colour.
import { useStrings, type Strings } from '../i18n.ts'
import { useStatus } from '../state/hooks.ts'
import type { BoardSession, SessionStatus } from '../sync/session.ts'

type Look = 'ok' | 'local' | 'offline' | 'busy' | 'refused'

function lookOf(status: SessionStatus): Look {
  if (status.connection === 'refused') return 'refused'
  if (status.sync === 'saved-local') return 'local'
  if (status.connection === 'offline') return 'offline'
  if (status.connection === 'connected' && status.sync === 'synced') return 'ok'
  return 'busy'
}

function textOf(look: Look, t: Strings): string {
  switch (look) {
    case 'ok':
      return t.statusConnected
    case 'local':
      return t.statusSavedLocal
    case 'offline':
      return t.statusOffline
    case 'busy':
      return t.statusSyncing
    case 'refused':
      return t.statusRefused
  }
}

/** A check in a circle, a device, a broken link, turning arrows, a stop sign. */
const SHAPES: Record<Look, string> = {
  ok: 'M12 3a9 9 0 110 18 9 9 0 010-18zM8 12.5l3 3 5-6',
  local: 'M7 3h10v18H7zM11 18h2M4 8l16 10',
  offline: 'M9 15l6-6M7 11l-2 2a3 3 0 004 4l2-2M13 7l2-2a3 3 0 014 4l-2 2',
  busy: 'M20 12a8 8 0 01-14 5M4 12a8 8 0 0114-5M18 3v4h-4M6 21v-4h4',
  refused: 'M8 3h8l5 5v8l-5 5H8l-5-5V8zM8 8l8 8M16 8l-8 8',
}

export function StatusBadge({ session }: { session: BoardSession }) {
  const t = useStrings()
  const status = useStatus(session)
  const look = lookOf(status)
  return (
    <span
      className={`status status-${look}`}
      data-testid="status"
      data-connection={status.connection}
      data-sync={status.sync}
      role="status"
    >
      <svg
        className="icon"
        viewBox="0 0 24 24"
        width="20"
        height="20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d={SHAPES[look]} />
      </svg>
      {textOf(look, t)}
    </span>
  )
}
