// Who is at the table: one avatar per person with their colour AND initials (colour alone tells
// nothing to a colour-blind parent), their name and their role.
import { useStrings } from '../i18n.ts'
import { usePresence } from '../state/hooks.ts'
import { PARTICIPANT_ROLES, type BoardSession, type ParticipantRole } from '../sync/session.ts'

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const first = words[0] ?? ''
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : ''
  // Array.from keeps an emoji or accented letter whole.
  const letters = [Array.from(first)[0], Array.from(last)[0]].filter(Boolean).join('')
  return letters.toUpperCase() || '?'
}

/** Dark text on light colours, white on dark ones, so initials stay readable on any colour. */
export function textColorOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16)
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255]
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1d2430' : '#ffffff'
}

function isRole(value: string): value is ParticipantRole {
  return (PARTICIPANT_ROLES as readonly string[]).includes(value)
}

export function Presence({ session }: { session: BoardSession }) {
  const t = useStrings()
  const peers = usePresence(session)
  return (
    <ul className="presence" aria-label={t.presence}>
      {peers.map(({ clientId, user, isSelf }) => {
        const role = isRole(user.role) ? t.roles[user.role] : t.roles.anders
        return (
          <li key={clientId} className="peer" title={user.name ? `${user.name} · ${role}` : role}>
            <span
              className="avatar"
              style={{ backgroundColor: user.color, color: textColorOn(user.color) }}
              aria-hidden="true"
            >
              {initialsOf(user.name || role)}
            </span>
            <span className="peer-text">
              <span className="peer-name">
                {user.name || role}
                {isSelf && ` (${t.you})`}
              </span>
              <span className="peer-role">{role}</span>
            </span>
          </li>
        )
      })}
    </ul>
  )
}
