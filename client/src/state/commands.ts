// The board's commands, one typed registry: each entry runs one shared/ command with this
// session's doc and origin (one undoable transaction per gesture), names the items it changes or
// writes into (for the lock rule) and says what it is in a private round. Components call only the
// bound commands; they never write to the Y.Doc themselves. The gate is state/commandGate.ts.
import type * as Y from 'yjs'
import * as shared from '../../../shared/index.ts'
import {
  BoardError,
  VoteRefused,
  type AgreementStatus,
  type ChangeKind,
  type Draft,
  type ItemId,
  type ItemStyle,
  type NewAgreement,
  type NewArrow,
  type NewBox,
  type NewCircle,
  type NewInk,
  type NewLabel,
  type NewQuestion,
  type NewShape,
  type NewSticky,
  type PasteOptions,
  type PlenaryCopy,
  type StickyKind,
  type TextField,
  type Valence,
  type VotingState,
} from '../../../shared/index.ts'

/** The document a command writes, and the origin that marks this session's own changes. */
export interface CommandTarget {
  doc: Y.Doc
  origin: object
}

/** The point a way of adding becomes during a private round, before round and name are added. */
export interface DraftPoint {
  kind: Draft['kind']
  text: string
  parent?: ItemId
}

export interface BoardCommandSpec<A extends unknown[], R> {
  run(board: CommandTarget, ...args: A): R
  /** The items it changes or adds into: the lock rule of shared/control.ts judges these. */
  targets(...args: A): readonly (ItemId | undefined)[]
  /** To the lock rule: dots and reveals are not edits. */
  kind: ChangeKind
  /**
   * While a private round (Ik-ronde) is written: what changes what is there goes `through`, any
   * other addition is `held` until the reveal, and a way of adding a point becomes that draft.
   */
  privateRound: 'through' | 'held' | ((...args: A) => DraftPoint)
}

type PrivateRule<A extends unknown[]> = BoardCommandSpec<A, unknown>['privateRound']

/**
 * A change to the board. `A` and `R` come from `run`, so every entry is typed by its command; the
 * entry keeps its own private-round rule in its type, for tests that must cover every addition.
 */
function edit<A extends unknown[], R, P extends PrivateRule<A>>(
  run: (board: CommandTarget, ...args: A) => R,
  rule: { targets: NoInfer<BoardCommandSpec<A, R>['targets']>; privateRound: P },
): BoardCommandSpec<A, R> & { privateRound: P } {
  return { run, kind: 'edit', ...rule }
}

const none = () => []
const parentOf = (input: { parent?: ItemId }) => [input.parent]
/** The item or items a command's first argument names. */
const first = (ids: ItemId | readonly ItemId[]) => [ids].flat()
/** An item and the circle or box it goes into. */
const itemAndTarget = (id: ItemId, target: ItemId | undefined) => [id, target]
const changes = { targets: first, privateRound: 'through' } as const
/** An addition that waits for the reveal; `heldInside` is one that goes into a circle or box. */
const held = { targets: none, privateRound: 'held' } as const
const heldInside = { targets: parentOf, privateRound: 'held' } as const

/** A refused vote is an answer for the voter ("your dots are spent"), not a skipped command. */
function refusalOf(vote: () => void): VoteRefused['reason'] | 'ok' {
  try {
    vote()
    return 'ok'
  } catch (error) {
    if (error instanceof VoteRefused) return error.reason
    throw error
  }
}

/** Placing or taking back a dot: a vote to the lock rule, which a locked board still takes. */
function dots(change: typeof shared.castVote) {
  return {
    run: (
      { doc, origin }: CommandTarget,
      voting: VotingState | null,
      voterId: string,
      itemId: ItemId,
    ) => refusalOf(() => change(doc, voting, { voterId, itemId }, origin)),
    targets: none,
    kind: 'vote',
    privateRound: 'through',
  } as const
}

export const BOARD_COMMANDS = {
  addSticky: edit(({ doc, origin }, input: NewSticky) => shared.addSticky(doc, input, origin), {
    targets: parentOf,
    privateRound: (input) => ({ kind: input.kind, text: input.text ?? '', parent: input.parent }),
  }),
  addQuestion: edit(
    ({ doc, origin }, input: NewQuestion) => shared.addQuestion(doc, input, origin),
    {
      targets: parentOf,
      privateRound: (input) => ({ kind: 'question', text: input.text ?? '', parent: input.parent }),
    },
  ),
  addLabel: edit(({ doc, origin }, input: NewLabel) => shared.addLabel(doc, input, origin), {
    targets: parentOf,
    privateRound: (input) => ({ kind: 'note', text: input.text, parent: input.parent }),
  }),
  addCircle: edit(
    ({ doc, origin }, input: NewCircle) => shared.addCircle(doc, input, origin),
    held,
  ),
  addBox: edit(({ doc, origin }, input: NewBox) => shared.addBox(doc, input, origin), held),
  linkItems: edit(
    ({ doc, origin }, from: ItemId, to: ItemId, input: NewArrow = {}) =>
      shared.linkItems(doc, from, to, input, origin),
    held,
  ),
  addAgreement: edit(
    ({ doc, origin }, input: NewAgreement) => shared.addAgreement(doc, input, origin),
    heldInside,
  ),
  addInk: edit(({ doc, origin }, input: NewInk) => shared.addInk(doc, input, origin), heldInside),
  addShape: edit(
    ({ doc, origin }, input: NewShape) => shared.addShape(doc, input, origin),
    heldInside,
  ),
  pasteItems: edit(
    ({ doc, origin }, clipboard: unknown, options: PasteOptions) =>
      shared.pasteItems(doc, clipboard, options, origin),
    held,
  ),
  chooseActions: edit(
    ({ doc, origin }, sources: readonly ItemId[]) => shared.chooseActions(doc, sources, {}, origin),
    held,
  ),
  /** The workshop leader sends tables' stickies to the plenary board's columns. */
  copyToPlenary: edit(
    ({ doc, origin }, copies: readonly PlenaryCopy[], table: string) =>
      shared.copyToPlenary(doc, copies, { table }, origin),
    held,
  ),
  moveItems: edit(
    ({ doc, origin }, ids: readonly ItemId[], dx: number, dy: number) =>
      shared.moveItems(doc, ids, dx, dy, origin),
    changes,
  ),
  resizeItem: edit(
    ({ doc, origin }, id: ItemId, bounds: { x: number; y: number; w: number; h: number }) =>
      shared.resizeItem(doc, id, bounds, origin),
    changes,
  ),
  bringToFront: edit(
    ({ doc, origin }, ids: readonly ItemId[]) => shared.bringToFront(doc, ids, origin),
    changes,
  ),
  setParent: edit(
    ({ doc, origin }, id: ItemId, parent: ItemId | undefined) =>
      shared.setParent(doc, id, parent, origin),
    { targets: itemAndTarget, privateRound: 'through' },
  ),
  moveInto: edit(
    ({ doc, origin }, id: ItemId, target: ItemId) => shared.moveInto(doc, id, target, origin),
    { targets: itemAndTarget, privateRound: 'through' },
  ),
  dropItems: edit(
    ({ doc, origin }, ids: readonly ItemId[]) => shared.dropItems(doc, ids, origin),
    changes,
  ),
  deleteItems: edit(
    ({ doc, origin }, ids: readonly ItemId[]) => shared.deleteItems(doc, ids, origin),
    changes,
  ),
  setText: edit(
    ({ doc, origin }, id: ItemId, field: TextField, value: string) =>
      shared.setText(doc, id, field, value, origin),
    changes,
  ),
  setStickyKind: edit(
    ({ doc, origin }, id: ItemId, kind: StickyKind) => shared.setStickyKind(doc, id, kind, origin),
    changes,
  ),
  setStickyColor: edit(
    ({ doc, origin }, id: ItemId, color: string | undefined) =>
      shared.setStickyColor(doc, id, color, origin),
    changes,
  ),
  setItemStyle: edit(
    ({ doc, origin }, id: ItemId, style: ItemStyle) => shared.setItemStyle(doc, id, style, origin),
    changes,
  ),
  setArrowValence: edit(
    ({ doc, origin }, id: ItemId, valence: Valence) =>
      shared.setArrowValence(doc, id, valence, origin),
    changes,
  ),
  setAgreementStatus: edit(
    ({ doc, origin }, id: ItemId, status: AgreementStatus) =>
      shared.setAgreementStatus(doc, id, status, origin),
    changes,
  ),
  setQuestionFields: edit(
    ({ doc, origin }, id: ItemId, fields: { askedBy?: string; decisionNeeded?: boolean }) =>
      shared.setQuestionFields(doc, id, fields, origin),
    changes,
  ),
  setActionFields: edit(
    ({ doc, origin }, id: ItemId, fields: { hoe?: string; wie?: string }) =>
      shared.setActionFields(doc, id, fields, origin),
    changes,
  ),
  setTitle: edit(({ doc, origin }, title: string) => shared.setTitle(doc, title, origin), {
    targets: none,
    privateRound: 'through',
  }),
  publishDrafts: {
    run: ({ doc, origin }, drafts: readonly Draft[], author: string | undefined) =>
      shared.publishDrafts(doc, drafts, { author }, origin),
    targets: none,
    kind: 'publish',
    privateRound: 'through',
  },
  castVote: dots(shared.castVote),
  retractVote: dots(shared.retractVote),
} satisfies Record<string, BoardCommandSpec<never, unknown>>

export type BoardCommandName = keyof typeof BOARD_COMMANDS

type Bound<S> = S extends BoardCommandSpec<infer A, infer R> ? (...args: A) => R | undefined : never

/**
 * Each command returns what shared/ returns (the new id for add*), or undefined when it did
 * nothing: held back by the gate, or the board changed under the gesture (a peer deleted the item
 * a moment ago), which is a race to shrug off, not a crash.
 */
export type BoardCommands = { [K in BoardCommandName]: Bound<(typeof BOARD_COMMANDS)[K]> }

/** Runs `command`, or says why not: a shared/ refusal is logged and the command does nothing. */
export function skipRefused<R>(name: string, command: () => R): R | undefined {
  try {
    return command()
  } catch (error) {
    if (!(error instanceof BoardError)) throw error
    console.warn(`${name} skipped: ${error.message}`)
    return undefined
  }
}

/**
 * Whether a command may run now, given its entry and arguments: true runs it; false means the gate
 * dealt with it (refused it, or kept it as a draft).
 */
export type CommandJudge = <A extends unknown[]>(
  spec: BoardCommandSpec<A, unknown>,
  args: A,
) => boolean

/** The registry bound to one document; `judge` (the gate) sees every call before it runs. */
export function bindBoardCommands(target: CommandTarget, judge: CommandJudge): BoardCommands {
  const entries = Object.entries(BOARD_COMMANDS) as [string, BoardCommandSpec<unknown[], unknown>][]
  return Object.fromEntries(
    entries.map(([name, spec]) => [
      name,
      (...args: unknown[]) =>
        judge(spec, args) ? skipRefused(name, () => spec.run(target, ...args)) : undefined,
    ]),
  ) as Record<string, unknown> as BoardCommands
}
