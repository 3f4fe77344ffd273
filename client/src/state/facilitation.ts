// What leading a meeting adds to the board view: the board commands bound behind the gate (the
// facilitator's locks, and a private round's points kept as drafts on this device), the
// facilitator's control commands, this device's voter id, and the step's focus.
import { useMemo, useState } from 'react'
import { currentStep, type Item, type StepId } from '../../../shared/index.ts'
import type { Strings } from '../i18n.ts'
import { deviceVoterId, type DraftStore } from '../sync/drafts.ts'
import type { FacilitationStores } from '../sync/facilitation.ts'
import type { BoardSession } from '../sync/session.ts'
import type { BoardIndex } from './boardIndex.ts'
import { commandGate, type NewDraft } from './commandGate.ts'
import { bindBoardCommands } from './commands.ts'
import { bindControlCommands } from './control.ts'
import { DraftComposer } from './draftComposer.ts'
import { useItems } from './hooks.ts'

/**
 * Where the gate sends a private round's point: one that came with its text is a draft at once;
 * one without opens the drafts form with its kind and place, to be written there.
 */
function keepDraft(
  drafts: DraftStore,
  composer: DraftComposer,
  notify: (message: string) => void,
  t: Strings,
) {
  return (draft: NewDraft) => {
    const text = draft.text.trim()
    if (text === '') {
      composer.open(draft)
      notify(t.privateDraft)
      return
    }
    drafts.add({ ...draft, text }, Date.now())
    notify(t.privateDraftSaved)
  }
}

/**
 * The board commands behind the gate, the control commands (working only for the facilitator
 * link), this device's voter id, and the composer that opens "Mijn concepten" for a point begun
 * during a private round.
 */
export function useFacilitation(
  board: { session: BoardSession; index: BoardIndex },
  stores: FacilitationStores,
  notify: (message: string) => void,
  t: Strings,
) {
  const { session, index } = board
  const [composer] = useState(() => new DraftComposer())
  const commands = useMemo(() => {
    const refusals = {
      ended: t.meetingEndedNote,
      locked: t.lockedByFacilitator,
      private: t.privateHeld,
    }
    const gate = commandGate({
      access: session.access,
      control: stores.control.state,
      index,
      onRefused: (reason) => notify(refusals[reason]),
      onDraft: keepDraft(stores.drafts, composer, notify, t),
    })
    return bindBoardCommands(session, gate)
  }, [session, stores.control, stores.drafts, composer, index, notify, t])
  const controlCommands = useMemo(() => {
    const { doc, origin } = stores.control
    return bindControlCommands({ doc, origin, now: Date.now }, session.access)
  }, [stores.control, session.access])
  const [voterId] = useState(() => deviceVoterId(session.boardId))
  return { commands, controlCommands, voterId, composer }
}

/**
 * The circles, boxes and arrows the current step of the board's template works on, for the
 * canvas to outline; none on a board whose template has no steps.
 */
export function useStepHighlight(index: BoardIndex, step: StepId): readonly Item[] {
  const items = useItems(index)
  const template = index.meta().template
  return useMemo(() => {
    const focus = currentStep(template, step)?.focus
    if (!focus) return []
    return items.filter(
      (item) =>
        (focus.circles && item.type === 'circle') ||
        (item.type === 'box' && focus.boxes.includes(item.role)),
    )
  }, [items, step, template])
}
