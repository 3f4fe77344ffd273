// The first thing a participant sees: a name and a role, nothing more. No account; the answer is
// kept in this browser for this board only, so the next visit goes straight to the board.
import { useId, useState } from 'react'
import { useStrings } from '../i18n.ts'
import { PARTICIPANT_ROLES, type ParticipantRole, type SessionUser } from '../sync/session.ts'
import { Check } from './Check.tsx'

/** Colours that stay apart for colour-blind eyes (Okabe–Ito plus two darker tones). */
export const USER_COLORS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#6a3d9a',
  '#8c564b',
] as const

const storageKey = (boardId: string) => `mdo-user-${boardId}`

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

interface Props {
  boardId: string
  /** Suggested role: the facilitator is usually the IB'er or zorgcoördinator. */
  defaultRole?: ParticipantRole
  onJoin(user: SessionUser): void
}

export function JoinDialog({ boardId, defaultRole = 'ouder', onJoin }: Props) {
  const t = useStrings()
  const id = useId()
  const previous = rememberedUser(boardId)
  const [name, setName] = useState(previous?.name ?? '')
  // A name never leaves this device when someone chooses to be known by their role only.
  const [roleOnly, setRoleOnly] = useState(previous !== null && previous.name === '')
  const [role, setRole] = useState<ParticipantRole>(previous?.role ?? defaultRole)
  const [color] = useState(
    () => previous?.color ?? USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)]!,
  )

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
          const user = { name: roleOnly ? '' : name.trim(), role, color }
          if (!roleOnly && user.name === '') return
          remember(boardId, user)
          onJoin(user)
        }}
      >
        <h1 id={`${id}-title`}>{t.joinTitle}</h1>
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
            value={role}
            onChange={(event) => setRole(event.target.value as ParticipantRole)}
          >
            {PARTICIPANT_ROLES.map((value) => (
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
