// The first thing a participant sees: a name and a role, nothing more. No account; the answer is
// kept in this browser for this board only, so the next visit goes straight to the board. The
// roles on offer, and the one suggested, follow who sits at the template's table.
import { useId, useState } from 'react'
import { methodOf, type Audience } from '../../../shared/index.ts'
import { useStrings } from '../i18n.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import { useIndexVersion } from '../state/hooks.ts'
import { PARTICIPANT_ROLES, type ParticipantRole, type SessionUser } from '../sync/session.ts'
import { Check } from './Check.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'

/** Colours that stay apart for colour-blind eyes (Okabe–Ito plus two darker tones). */
export const USER_COLORS = [
  '#0072b2',
  '#b85000',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#6a3d9a',
  '#8c564b',
] as const

const storageKey = (boardId: string) => `mdo-user-${boardId}`
const COLOR_KEY = 'mdo-user-color'

/**
 * This device's avatar colour, the same on every board: the one it had here before, else the one
 * this device chose once (a colour of an older palette is chosen anew).
 */
function ownColor(previous: string | undefined): string {
  const known = (color: string | null | undefined): color is string =>
    (USER_COLORS as readonly (string | null | undefined)[]).includes(color)
  if (known(previous)) return previous
  try {
    const stored = localStorage.getItem(COLOR_KEY)
    if (known(stored)) return stored
    const chosen = USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)]!
    localStorage.setItem(COLOR_KEY, chosen)
    return chosen
  } catch {
    return USER_COLORS[0]
  }
}

export function rememberedUser(boardId: string): SessionUser | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(boardId)) ?? 'null')
    if (typeof value !== 'object' || value === null) return null
    const { name, role, color } = value as Record<string, unknown>
    // An empty name means "show only my role".
    if (typeof name !== 'string' || typeof color !== 'string') return null
    if (!(PARTICIPANT_ROLES as readonly unknown[]).includes(role)) return null
    return { name, role: role as ParticipantRole, color }
  } catch {
    return null
  }
}

function remember(boardId: string, user: SessionUser) {
  try {
    localStorage.setItem(storageKey(boardId), JSON.stringify(user))
  } catch {
    // Private browsing may refuse storage; the dialog simply asks again next time.
  }
}

const PROFESSIONALS: readonly ParticipantRole[] = [
  'leerkracht',
  'ib',
  'jeugdhulp',
  'jgz',
  'smw',
  'ouder',
  'kind',
  'anders',
]

/**
 * The roles in the order offered, and the one suggested. At an MDO the parents are the ones who
 * join by link, the voorzitter is usually the IB'er or zorgcoördinator. At a meeting of
 * professionals every role is as likely as the next, and a suggestion would be recorded as
 * present for whoever does not look: nothing is suggested, the list asks.
 */
export function rolesFor(
  audience: Audience,
  facilitator: boolean,
): { roles: readonly ParticipantRole[]; suggested: ParticipantRole | null } {
  if (audience === 'professionals') return { roles: PROFESSIONALS, suggested: null }
  return { roles: PARTICIPANT_ROLES, suggested: facilitator ? 'ib' : 'ouder' }
}

interface Props {
  boardId: string
  /** The board, still loading perhaps: its template decides the roles on offer. */
  index: BoardIndex
  facilitator: boolean
  onJoin(user: SessionUser): void
}

export function JoinDialog({ boardId, index, facilitator, onJoin }: Props) {
  const t = useStrings()
  const id = useId()
  useIndexVersion(index)
  const { roles, suggested } = rolesFor(methodOf(index.meta().template).audience, facilitator)
  const previous = rememberedUser(boardId)
  const [name, setName] = useState(previous?.name ?? '')
  // A name never leaves this device when someone chooses to be known by their role only.
  const [roleOnly, setRoleOnly] = useState(previous !== null && previous.name === '')
  // Unchosen, the role follows the template, which may arrive after the dialog opened.
  const [chosen, setRole] = useState<ParticipantRole | null>(previous?.role ?? null)
  const role = chosen ?? suggested
  const [color] = useState(() => ownColor(previous?.color))

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        data-testid="join-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => {
          event.preventDefault()
          if (!role) return
          const user = { name: roleOnly ? '' : name.trim(), role, color }
          if (!roleOnly && user.name === '') return
          remember(boardId, user)
          onJoin(user)
        }}
      >
        {/* A parent who reads English better switches before answering, not after. */}
        <div className="dialog-head">
          <h1 id={`${id}-title`}>{t.joinTitle}</h1>
          <LanguageSwitch />
        </div>
        <p>{t.joinIntro}</p>
        <label className="field">
          <span>{t.yourName}</span>
          <input
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={80}
            autoComplete="name"
            required={!roleOnly}
            disabled={roleOnly}
            autoFocus
          />
        </label>
        <Check name="roleOnly" label={t.roleOnly} checked={roleOnly} onChange={setRoleOnly} />
        <label className="field">
          <span>{t.yourRole}</span>
          <select
            name="role"
            value={role ?? ''}
            required
            onChange={(event) => setRole(event.target.value as ParticipantRole)}
          >
            {!role && (
              <option value="" disabled>
                {t.tables.chooseRole}
              </option>
            )}
            {roles.map((value) => (
              <option key={value} value={value}>
                {t.roles[value]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t.join}
        </button>
      </form>
    </div>
  )
}
