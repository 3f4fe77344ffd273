// The facilitator's control document as React sees it, its commands bound to this session, and
// the gate every board command passes: what the facilitator locked stays untouched (the lock rule
// of shared/control.ts, which the relay applies too), and a private round's points stay drafts on
// this device. The relay drops a participant's writes to the control doc.
import { useEffect, useState, useSyncExternalStore } from 'react'
import * as shared from '../../../shared/index.ts'
import {
  BoardError,
  lockRefusal,
  type ChangeKind,
  type ControlState,
  type ItemId,
  type RoundState,
  type StepId,
  type ViewBox,
} from '../../../shared/index.ts'
import type { ControlSession } from '../sync/controlSession.ts'
import type { StoredDraft } from '../sync/drafts.ts'
import type { AccessRole } from '../sync/session.ts'
import type { BoardIndex } from './boardIndex.ts'
import type { BoardCommands } from './commands.ts'
import { derivePermissions } from './permissions.ts'

export function useControl(control: ControlSession): ControlState {
  return useSyncExternalStore(control.subscribe, control.state)
}

/** The clock, ticking every `ms` while `active`; a timer shows from it, nothing is stored. */
export function useNow(active: boolean, ms = 250): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [active, ms])
  return now
}

function controlCommandsFor(session: ControlSession) {
  const { doc, origin } = session
  const now = () => Date.now()
  return {
    setStep: (step: StepId) => shared.setStep(doc, step, origin),
    startTimer: (durationMs: number) => shared.startTimer(doc, { durationMs, now: now() }, origin),
    pauseTimer: () => shared.pauseTimer(doc, now(), origin),
    resumeTimer: () => shared.resumeTimer(doc, now(), origin),
    clearTimer: () => shared.clearTimer(doc, origin),
    startRound: (opts: { private: boolean; anonymous: boolean }) =>
      shared.startRound(doc, { ...opts, id: shared.randomIds(), now: now() }, origin),
    revealRound: () => shared.revealRound(doc, now(), origin),
    endRound: () => shared.endRound(doc, origin),
    startVoting: (opts: { budget: number; hidden: boolean }) =>
      shared.startVoting(doc, { ...opts, id: shared.randomIds() }, origin),
    closeVoting: () => shared.closeVoting(doc, origin),
    clearVoting: () => shared.clearVoting(doc, origin),
    lockBoard: (locked: boolean) => shared.lockBoard(doc, locked, origin),
    lockItems: (ids: readonly ItemId[], locked: boolean) =>
      shared.lockItems(doc, ids, locked, origin),
    setFollowMe: (on: boolean, view: ViewBox | null) => shared.setFollowMe(doc, on, view, origin),
    shareView: (view: ViewBox) => shared.shareView(doc, view, origin),
    bringEveryoneHere: (view: ViewBox) => shared.bringEveryoneHere(doc, view, now(), origin),
    hideCursors: (hidden: boolean) => shared.hideCursors(doc, hidden, origin),
    endMeeting: () => shared.endMeeting(doc, now(), origin),
    reopenMeeting: () => shared.reopenMeeting(doc, origin),
    setNextMeeting: (when: string | null) => shared.setNextMeeting(doc, when, origin),
    addAttendee: (role: string, name: string) =>
      shared.addAttendee(doc, { id: shared.randomIds(), role, name, now: now() }, origin),
    removeAttendee: (id: string, removed: boolean) =>
      shared.removeAttendee(doc, id, removed, origin),
  }
}

export type ControlCommands = ReturnType<typeof controlCommandsFor>

/** Only the facilitator's copy gets working commands; the relay would drop anyone else's. */
export function bindControlCommands(session: ControlSession, access: AccessRole): ControlCommands {
  const raw = controlCommandsFor(session)
  return Object.fromEntries(
    Object.entries(raw).map(([name, command]) => [
      name,
      (...args: unknown[]) => {
        if (access !== 'facilitator') return
        try {
          ;(command as (...a: unknown[]) => void)(...args)
        } catch (error) {
          if (!(error instanceof BoardError)) throw error
          console.warn(`control command skipped: ${error.message}`)
        }
      },
    ]),
  ) as ControlCommands
}

/** Commands whose first argument is the item (or items) they change. */
const ITEM_COMMANDS = new Set<keyof BoardCommands>([
  'moveItems',
  'resizeItem',
  'bringToFront',
  'setParent',
  'moveInto',
  'dropItems',
  'deleteItems',
  'setText',
  'setStickyKind',
  'setStickyColor',
  'setItemStyle',
  'setArrowValence',
  'setAgreementStatus',
  'setQuestionFields',
  'setActionFields',
])

/** What a command is to the lock rule of shared/control.ts: dots and reveals are not edits. */
const changeKind = (name: keyof BoardCommands): ChangeKind =>
  name === 'castVote' || name === 'retractVote'
    ? 'vote'
    : name === 'publishDrafts'
      ? 'publish'
      : 'edit'

/** A point written during a private round, for this device's drafts (sync/drafts.ts). */
export type NewDraft = Omit<StoredDraft, 'id' | 'createdAt'>

/** What a command is while a private round is being written. */
export type PrivateRule = 'draft' | 'held' | 'through'

/**
 * While a private round (Ik-ronde) is being written, nothing new enters the shared board: a way
 * of adding a point becomes a draft on this device (`draft`, with the kind, text and place it was
 * given), any other addition waits for the reveal (`held`), and what changes what is already there
 * goes on (`through`). The type names every command, so a new one cannot slip past unjudged.
 */
export const IN_PRIVATE_ROUND = {
  addSticky: 'draft',
  addQuestion: 'draft',
  addLabel: 'draft',
  addCircle: 'held',
  addBox: 'held',
  linkItems: 'held',
  addAgreement: 'held',
  addInk: 'held',
  addShape: 'held',
  pasteItems: 'held',
  chooseActions: 'held',
  moveItems: 'through',
  resizeItem: 'through',
  bringToFront: 'through',
  setParent: 'through',
  moveInto: 'through',
  dropItems: 'through',
  deleteItems: 'through',
  setText: 'through',
  setStickyKind: 'through',
  setStickyColor: 'through',
  setItemStyle: 'through',
  setArrowValence: 'through',
  setAgreementStatus: 'through',
  setQuestionFields: 'through',
  setTitle: 'through',
  publishDrafts: 'through',
  castVote: 'through',
  retractVote: 'through',
  setActionFields: 'through',
} as const satisfies Record<keyof BoardCommands, PrivateRule>

type PointInput = Parameters<BoardCommands['addSticky' | 'addQuestion' | 'addLabel']>[0]

/** The draft a way of adding makes: a sticky keeps its kind, a question is one, a text a note. */
function draftOf(name: keyof BoardCommands, input: PointInput, round: RoundState): NewDraft {
  const kind = name === 'addQuestion' ? 'question' : 'kind' in input ? input.kind : 'note'
  return {
    round: round.id,
    anonymous: round.anonymous,
    kind,
    text: input.text ?? '',
    ...(input.parent ? { parent: input.parent } : {}),
  }
}

export type Refusal = 'locked' | 'ended' | 'private'

/**
 * The board commands as this person may use them now, one rule for every gesture, button and key.
 * While a private round is written, a new point becomes a draft on this device (`onDraft`) and
 * other additions are held, for everyone, the facilitator too. Apart from that, a participant gets
 * nothing on an ended or locked board, nothing on a locked item (or inside a locked circle): the
 * rule is shared/control.ts' lockRefusal, the one the relay applies (server/relay/rights.ts).
 */
export function gateCommands(
  commands: BoardCommands,
  deps: {
    access: AccessRole
    control: () => ControlState
    index: BoardIndex
    onRefused(reason: Refusal): void
    onDraft(draft: NewDraft): void
  },
): BoardCommands {
  // A viewer's commands do nothing (commands.ts); there is nothing to hold back or keep.
  if (deps.access === 'view') return commands
  const lockRule = (name: keyof BoardCommands, args: unknown[], control: ControlState) => {
    const first = args[0]
    const ids: unknown[] = ITEM_COMMANDS.has(name) ? [first].flat() : []
    const input = first as { parent?: unknown } | undefined
    if (typeof input === 'object' && input && typeof input.parent === 'string') {
      ids.push(input.parent)
    }
    const target = args[1]
    if ((name === 'setParent' || name === 'moveInto') && typeof target === 'string')
      ids.push(target)
    const items = ids.flatMap((id) => {
      const item = typeof id === 'string' ? deps.index.get(id as ItemId) : undefined
      return item ? [item] : []
    })
    return lockRefusal(control, changeKind(name), items)
  }
  const verdict = (name: keyof BoardCommands, args: unknown[]): Refusal | NewDraft | null => {
    const control = deps.control()
    const may = derivePermissions({ role: deps.access, refused: false, control })
    if (may.readOnly === 'ended') return 'ended'
    const round = may.privateRound
    const rule: PrivateRule = round ? IN_PRIVATE_ROUND[name] : 'through'
    if (round && rule === 'draft') return draftOf(name, args[0] as PointInput, round)
    if (rule === 'held') return 'private'
    return may.lead ? null : lockRule(name, args, control)
  }
  return Object.fromEntries(
    Object.entries(commands).map(([name, command]) => [
      name,
      (...args: unknown[]) => {
        const found = verdict(name as keyof BoardCommands, args)
        if (typeof found === 'string') deps.onRefused(found)
        else if (found) deps.onDraft(found)
        else return (command as (...a: unknown[]) => unknown)(...args)
        return undefined
      },
    ]),
  ) as BoardCommands
}
