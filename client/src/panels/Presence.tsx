// Who is at the table: one avatar per person with their colour AND initials (colour alone tells
// nothing to a colour-blind parent), their name and their role. When more than four others are
// there the avatars stop at five and "+N" opens the whole list.
import { useId } from 'react'
import { readableOn } from '../canvas/theme.ts'
import { useStrings } from '../i18n.ts'
import { usePresence, type Peer } from '../state/hooks.ts'
import { PARTICIPANT_ROLES, type BoardSession, type ParticipantRole } from '../sync/session.ts'
import { usePopover } from './usePopover.ts'

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

/** Others shown as avatars; more than this many fold into "+N" after the first few. */
const SHOWN_OTHERS = 4

export function Presence({ session }: { session: BoardSession }) {
  const t = useStrings()
  const id = useId()
  const peers = usePresence(session)
  const { open, toggle, triggerRef, panelRef } = usePopover()
  const others = peers.filter((peer) => !peer.isSelf).length
  // Folded, "+N" takes the place of the last avatar: the row never grows past five.
  const shown =
    others > SHOWN_OTHERS ? peers.filter((p) => p.isSelf).length + SHOWN_OTHERS - 1 : peers.length
  const hidden = peers.length - shown
  return (
    <ul className="presence" aria-label={t.presence}>
      {peers.slice(0, shown).map((peer) => (
        <PeerItem key={peer.clientId} peer={peer} />
      ))}
      {hidden > 0 && (
        <li className="peer peers-more">
          <button
            ref={triggerRef}
            type="button"
            className="avatar peers-more-toggle"
            aria-expanded={open}
            aria-controls={`${id}-all`}
            onClick={toggle}
          >
            +{hidden}
            <span className="visually-hidden"> {t.morePeers}</span>
          </button>
          {/* Everyone at the table, on hover, on focus, or opened with a press (touch). */}
          <div id={`${id}-all`} ref={panelRef} className="popover peers-all" hidden={!open}>
            <ul aria-label={t.presence}>
              {peers.map((peer) => (
                <PeerItem key={peer.clientId} peer={peer} />
              ))}
            </ul>
          </div>
        </li>
      )}
    </ul>
  )
}

function PeerItem({ peer: { user, isSelf } }: { peer: Peer }) {
  const t = useStrings()
  const role = isRole(user.role) ? t.roles[user.role] : t.roles.anders
  return (
    <li className="peer" title={user.name ? `${user.name} · ${role}` : role}>
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
}
