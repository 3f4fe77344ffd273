// What this person may do on the board now, decided in one place: the link's role, a link that
// stopped working, a meeting that ended, a locked board, a private round being written. Every
// button, key, panel and the command gate read it; the relay applies the same rules itself
// (server/relay/rights.ts), so this only keeps the screen honest about what will hold.
import { useMemo } from 'react'
import type { ControlState, RoundState } from '../../../shared/index.ts'
import type { AccessRole } from '../sync/session.ts'

/** Why the board is not writable for this person, when it is not. */
export type ReadOnlyReason = 'view' | 'refused' | 'ended' | 'locked'

export interface Permissions {
  role: AccessRole
  /** The facilitator link: leads the steps, rounds, locks and exports. */
  lead: boolean
  /** May add and change items: the tools, the canvas gestures, the outline, the agreements. */
  edit: boolean
  /** May place and take back dots (a locked board still takes votes; an ended one does not). */
  vote: boolean
  /** May keep drafts and hidden dots on this device and publish them at a reveal. */
  publish: boolean
  /** Why `edit` is false; null while it is true. */
  readOnly: ReadOnlyReason | null
  /** The private round being written now: a new point becomes a draft on this device. */
  privateRound: RoundState | null
}

export interface PermissionInput {
  role: AccessRole
  /** The relay refused this link: nothing this device writes would arrive. */
  refused: boolean
  control: ControlState
}

export function derivePermissions({ role, refused, control }: PermissionInput): Permissions {
  const lead = role === 'facilitator'
  const readOnly: ReadOnlyReason | null =
    role === 'view'
      ? 'view'
      : refused
        ? 'refused'
        : !lead && control.ended
          ? 'ended'
          : !lead && control.boardLocked
            ? 'locked'
            : null
  const { round } = control
  const writing = round?.private && round.phase === 'writing' ? round : null
  // The relay takes no participant's content once the meeting ended.
  const publish = role !== 'view' && (lead || !control.ended)
  return {
    role,
    lead,
    edit: readOnly === null,
    vote: readOnly === null || readOnly === 'locked',
    publish,
    readOnly,
    privateRound: role === 'view' ? null : writing,
  }
}

export function usePermissions(input: PermissionInput): Permissions {
  const { role, refused, control } = input
  return useMemo(() => derivePermissions({ role, refused, control }), [role, refused, control])
}
