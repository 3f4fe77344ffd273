// The shared/ commands with this session's doc and origin bound, so every gesture becomes one
// undoable transaction. Components call only these; they never write to the Y.Doc themselves.
import type * as Y from 'yjs'
import {
  addAgreement,
  addBox,
  addCircle,
  addInk,
  addLabel,
  addQuestion,
  addShape,
  addSticky,
  BoardError,
  castVote,
  chooseActions,
  publishDrafts,
  retractVote,
  setActionFields,
  VoteRefused,
  bringToFront,
  deleteItems,
  dropItems,
  linkItems,
  moveInto,
  moveItems,
  pasteItems,
  resizeItem,
  setAgreementStatus,
  setArrowValence,
  setItemStyle,
  setParent,
  setQuestionFields,
  setStickyColor,
  setStickyKind,
  setText,
  setTitle,
  type AgreementStatus,
  type Draft,
  type VotingState,
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
  type StickyKind,
  type TextField,
  type Valence,
} from '../../../shared/index.ts'
import type { BoardSession } from '../sync/session.ts'

function commandsFor(doc: Y.Doc, origin: object) {
  return {
    addSticky: (input: NewSticky) => addSticky(doc, input, origin),
    addCircle: (input: NewCircle) => addCircle(doc, input, origin),
    addBox: (input: NewBox) => addBox(doc, input, origin),
    linkItems: (from: ItemId, to: ItemId, input: NewArrow = {}) =>
      linkItems(doc, from, to, input, origin),
    addAgreement: (input: NewAgreement) => addAgreement(doc, input, origin),
    addQuestion: (input: NewQuestion) => addQuestion(doc, input, origin),
    addInk: (input: NewInk) => addInk(doc, input, origin),
    addShape: (input: NewShape) => addShape(doc, input, origin),
    addLabel: (input: NewLabel) => addLabel(doc, input, origin),
    pasteItems: (clipboard: unknown, options: PasteOptions) =>
      pasteItems(doc, clipboard, options, origin),
    moveItems: (ids: readonly ItemId[], dx: number, dy: number) =>
      moveItems(doc, ids, dx, dy, origin),
    resizeItem: (id: ItemId, bounds: { x: number; y: number; w: number; h: number }) =>
      resizeItem(doc, id, bounds, origin),
    bringToFront: (ids: readonly ItemId[]) => bringToFront(doc, ids, origin),
    setParent: (id: ItemId, parent: ItemId | undefined) => setParent(doc, id, parent, origin),
    moveInto: (id: ItemId, target: ItemId) => moveInto(doc, id, target, origin),
    dropItems: (ids: readonly ItemId[]) => dropItems(doc, ids, origin),
    deleteItems: (ids: readonly ItemId[]) => deleteItems(doc, ids, origin),
    setText: (id: ItemId, field: TextField, value: string) =>
      setText(doc, id, field, value, origin),
    setStickyKind: (id: ItemId, kind: StickyKind) => setStickyKind(doc, id, kind, origin),
    setStickyColor: (id: ItemId, color: string | undefined) =>
      setStickyColor(doc, id, color, origin),
    setItemStyle: (id: ItemId, style: ItemStyle) => setItemStyle(doc, id, style, origin),
    setArrowValence: (id: ItemId, valence: Valence) => setArrowValence(doc, id, valence, origin),
    setAgreementStatus: (id: ItemId, status: AgreementStatus) =>
      setAgreementStatus(doc, id, status, origin),
    setQuestionFields: (id: ItemId, fields: { askedBy?: string; decisionNeeded?: boolean }) =>
      setQuestionFields(doc, id, fields, origin),
    setTitle: (title: string) => setTitle(doc, title, origin),
    publishDrafts: (drafts: readonly Draft[], author: string | undefined) =>
      publishDrafts(doc, drafts, { author }, origin),
    castVote: (voting: VotingState | null, voterId: string, itemId: ItemId) =>
      refusalOf(() => castVote(doc, voting, { voterId, itemId }, origin)),
    retractVote: (voting: VotingState | null, voterId: string, itemId: ItemId) =>
      refusalOf(() => retractVote(doc, voting, { voterId, itemId }, origin)),
    chooseActions: (sources: readonly ItemId[]) => chooseActions(doc, sources, {}, origin),
    setActionFields: (id: ItemId, fields: { hoe?: string; wie?: string }) =>
      setActionFields(doc, id, fields, origin),
  }
}

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

type Raw = ReturnType<typeof commandsFor>

/**
 * Each command returns what shared/ returns (the new id for add*), or undefined when it did
 * nothing: on a view-only board, or when the board changed under the gesture (a peer deleted the
 * item a moment ago), which is a race to shrug off, not a crash.
 */
export type BoardCommands = {
  [K in keyof Raw]: (...args: Parameters<Raw[K]>) => ReturnType<Raw[K]> | undefined
}

function guarded<A extends unknown[], R>(command: (...args: A) => R) {
  return (...args: A): R | undefined => {
    try {
      return command(...args)
    } catch (error) {
      if (!(error instanceof BoardError)) throw error
      console.warn(`command skipped: ${error.message}`)
      return undefined
    }
  }
}

export function bindCommands(session: Pick<BoardSession, 'doc' | 'origin' | 'access'>) {
  const raw = commandsFor(session.doc, session.origin)
  const bound = Object.fromEntries(
    Object.entries(raw).map(([name, command]) => [
      name,
      // The relay drops a viewer's writes anyway; doing nothing keeps this copy equal to it.
      session.access === 'view'
        ? () => undefined
        : guarded(command as (...a: unknown[]) => unknown),
    ]),
  )
  return bound as BoardCommands
}
