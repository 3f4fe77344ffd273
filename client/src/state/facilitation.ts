// What leading a meeting adds to the board view: the board commands behind the facilitator's
// locks, the facilitator's control commands, this device's voter id, and the step's focus.
import { useMemo, useState } from 'react'
import { currentStep, type Item, type StepId } from '../../../shared/index.ts'
import type { Strings } from '../i18n.ts'
import { deviceVoterId } from '../sync/drafts.ts'
import type { FacilitationStores } from '../sync/facilitation.ts'
import type { BoardSession } from '../sync/session.ts'
import type { BoardIndex } from './boardIndex.ts'
import type { BoardCommands } from './commands.ts'
import { bindControlCommands, gateCommands } from './control.ts'
import { useItems } from './hooks.ts'

/**
 * The board commands behind the facilitator's locks, the control commands (working only for the
 * facilitator link), and this device's voter id.
 */
export function useFacilitation(
  board: { session: BoardSession; index: BoardIndex; commands: BoardCommands },
  stores: FacilitationStores,
  notify: (message: string) => void,
  t: Strings,
) {
  const { session, index } = board
  const commands = useMemo(
    () =>
      gateCommands(board.commands, {
        access: session.access,
        control: stores.control.state,
        index,
        onRefused: (reason) =>
          notify(reason === 'ended' ? t.meetingEndedNote : t.lockedByFacilitator),
      }),
    [board.commands, session.access, stores.control, index, notify, t],
  )
  const controlCommands = useMemo(
    () => bindControlCommands(stores.control, session.access),
    [stores.control, session.access],
  )
  const [voterId] = useState(() => deviceVoterId(session.boardId))
  return { commands, controlCommands, voterId }
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
