// The one rule between a person's gestures and the board, judged from each command's entry in
// the registry (state/commands.ts): what the facilitator locked stays untouched (the lock rule of
// shared/control.ts, which the relay applies too), and a private round's points stay drafts on
// this device. A viewer's commands do nothing: the relay would drop them anyway.
import { lockRefusal, type ControlState, type ItemId } from '../../../shared/index.ts'
import type { StoredDraft } from '../sync/drafts.ts'
import type { AccessRole } from '../sync/session.ts'
import type { BoardIndex } from './boardIndex.ts'
import type { BoardCommandSpec, CommandJudge } from './commands.ts'
import { derivePermissions } from './permissions.ts'

/** A point written during a private round, for this device's drafts (sync/drafts.ts). */
export type NewDraft = Omit<StoredDraft, 'id' | 'createdAt'>

export type Refusal = 'locked' | 'ended' | 'private'

export type Verdict = { run: true } | { refused: Refusal | 'view' } | { draft: NewDraft }

export interface GateState {
  access: AccessRole
  control: ControlState
  index: Pick<BoardIndex, 'get'>
}

/**
 * What happens to one call. While a private round is written, a new point becomes a draft and
 * other additions wait, for everyone, the facilitator too. Apart from that, a participant gets
 * nothing on an ended or locked board and nothing on a locked item, or inside a locked circle.
 */
export function verdictOf<A extends unknown[]>(
  spec: BoardCommandSpec<A, unknown>,
  args: A,
  { access, control, index }: GateState,
): Verdict {
  const may = derivePermissions({ role: access, refused: false, control })
  if (may.readOnly === 'view' || may.readOnly === 'ended') return { refused: may.readOnly }
  const round = may.privateRound
  if (round && typeof spec.privateRound === 'function') {
    const { parent, ...point } = spec.privateRound(...args)
    const place = parent ? { parent } : {}
    return { draft: { round: round.id, anonymous: round.anonymous, ...point, ...place } }
  }
  if (round && spec.privateRound === 'held') return { refused: 'private' }
  if (may.lead) return { run: true }
  const items = spec.targets(...args).flatMap((id?: ItemId) => {
    const item = id === undefined ? undefined : index.get(id)
    return item ? [item] : []
  })
  const refusal = lockRefusal(control, spec.kind, items)
  return refusal ? { refused: refusal } : { run: true }
}

export interface GateDeps {
  access: AccessRole
  control: () => ControlState
  index: Pick<BoardIndex, 'get'>
  onRefused(reason: Refusal): void
  onDraft(draft: NewDraft): void
}

/** The judge the bound commands ask before every call, with the control state of that moment. */
export function commandGate(deps: GateDeps): CommandJudge {
  return (spec, args) => {
    const verdict = verdictOf(spec, args, { ...deps, control: deps.control() })
    if ('draft' in verdict) deps.onDraft(verdict.draft)
    else if ('refused' in verdict && verdict.refused !== 'view') deps.onRefused(verdict.refused)
    return 'run' in verdict
  }
}

/** No gate: for a page whose person holds the facilitator link of the board (the workshop). */
export const ungated: CommandJudge = () => true
