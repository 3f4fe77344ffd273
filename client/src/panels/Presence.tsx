// Who is at the table: one avatar per person with their colour AND initials (colour alone tells
// nothing to a colour-blind parent), their name and their role.
import { readableOn } from '../canvas/theme.ts'
import { useStrings } from '../i18n.ts'
import { usePresence } from '../state/hooks.ts'
import { PARTICIPANT_ROLES, type BoardSession, type ParticipantRole } from '../sync/session.ts'

/**
 * One or two letters for an avatar. Initials the person wrote in brackets win ("Ilse (IB)" → IB);
 * otherwise the first letters of the first and last word, or the first two of a single word
 * ("Ilse" → IL). Only letters and digits count, so a bracket or a dash never shows.
 */
export function initialsOf(name: string): string {
  const own = /\(([\p{L}\p{N}]{1,3})\)/u.exec(name)?.[1]
  if (own) return own.toUpperCase()
  const words = name
    .replace(/\([^)]*\)/gu, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => Array.from(word))
  const first = words[0] ?? []
  const last = words.length > 1 ? (words[words.length - 1] ?? []) : []
  const letters = last.length > 0 ? [first[0], last[0]] : first.slice(0, 2)
  return letters.join('').toUpperCase() || '?'
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
              style={{ backgroundColor: user.color, color: readableOn(user.color) }}
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
