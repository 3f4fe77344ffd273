// Where a point can be added, and what kinds of point each place takes: a circle the method's
// markers, a column its own single kind, the questions and agreements lists their rows, any other
// box the template's kinds. The + over each place and the phone's "Punt toevoegen" sheet both add
// through addPointTo, on the board's commands: during a private round that makes a draft.
import {
  isContainer,
  ITEM_TYPE_LABELS,
  methodOf,
  shownLabel,
  STICKY_KINDS,
  STICKY_SIZE,
  type ContainerItem,
  type ItemId,
  type Lang,
  type StickyKind,
} from '../../../shared/index.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { BoardCommands } from '../state/commands.ts'
import { freeSpotIn } from './keyPlace.ts'

/** A kind of point: a sticky of a kind, or a row of a list box. */
export type PointChoice = { kind: StickyKind } | { row: 'question' | 'agreement' }

/** The markers of the three-circle method, in the order the method discusses them. */
const CIRCLE_KINDS: readonly StickyKind[] = ['plus', 'minus', 'question', 'goal', 'need']

export interface AddTarget {
  container: ContainerItem
  label: string
  choices: readonly PointChoice[]
}

/** What a container takes: one choice means + adds it straight away. */
export function choicesFor(container: ContainerItem, template: string): PointChoice[] {
  if (container.type === 'circle') return CIRCLE_KINDS.map((kind) => ({ kind }))
  if (container.role === 'questions') return [{ row: 'question' }]
  if (container.role === 'agreements') return [{ row: 'agreement' }]
  if (container.stickyKind) return [{ kind: container.stickyKind }]
  return methodOf(template).stickyKinds.map((kind) => ({ kind }))
}

/** Every circle and box, in reading order: by number badge, then top to bottom, left to right. */
export function addTargets(index: BoardIndex, lang: Lang): AddTarget[] {
  const template = index.meta().template
  return index
    .all()
    .filter(isContainer)
    .sort((a, b) => (a.number ?? 99) - (b.number ?? 99) || a.y - b.y || a.x - b.x)
    .map((container) => ({
      container,
      label: shownLabel(container, lang),
      choices: choicesFor(container, template),
    }))
}

export function choiceLabel(choice: PointChoice, lang: Lang): string {
  return 'kind' in choice
    ? STICKY_KINDS[choice.kind].label[lang]
    : ITEM_TYPE_LABELS[choice.row][lang]
}

export function choiceKey(choice: PointChoice): string {
  return 'kind' in choice ? choice.kind : choice.row
}

/**
 * Adds a point of `choice` to the container, on a free spot, with `text` if given. Returns its
 * id, or undefined when the command layer kept it back (a lock, or a draft in a private round).
 */
export function addPointTo(
  commands: BoardCommands,
  index: BoardIndex,
  container: ContainerItem,
  choice: PointChoice,
  text = '',
): ItemId | undefined {
  const parent = container.id
  if ('row' in choice) {
    return choice.row === 'question'
      ? commands.addQuestion({ parent, text })
      : commands.addAgreement({ parent, wat: text })
  }
  const centre = {
    x: Math.round(container.x + container.w / 2 - STICKY_SIZE.w / 2),
    y: Math.round(container.y + container.h / 2 - STICKY_SIZE.h / 2),
  }
  const at = freeSpotIn(index, container, STICKY_SIZE) ?? centre
  return commands.addSticky({ kind: choice.kind, x: at.x, y: at.y, parent, text }) || undefined
}
