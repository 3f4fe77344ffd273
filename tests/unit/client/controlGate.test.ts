// The gate between a person's gestures and the board: over a real board and index, with the
// control state as the facilitator set it. It keeps the facilitator's locks for participants, and
// during a private round (Ik-ronde) it keeps every new point on the device, for everyone.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSticky,
  copyItems,
  endMeeting,
  lockBoard,
  lockItems,
  readControl,
  revealRound,
  startRound,
  startVoting,
  type ItemId,
} from '../../../shared/index.ts'
import { BoardIndex } from '../../../client/src/state/boardIndex.ts'
import { commandGate, type NewDraft } from '../../../client/src/state/commandGate.ts'
import {
  BOARD_COMMANDS,
  bindBoardCommands,
  type BoardCommands,
} from '../../../client/src/state/commands.ts'
import type { AccessRole } from '../../../client/src/sync/session.ts'
import { idsOf, itemOf, mdoBoard, transactionsDuring } from '../helpers/board.ts'

function setup(access: AccessRole = 'edit') {
  const board = mdoBoard()
  const controlDoc = new Y.Doc()
  const index = new BoardIndex(board.doc)
  const refused: string[] = []
  const drafts: NewDraft[] = []
  const session = { doc: board.doc, origin: {}, access }
  const gate = commandGate({
    access,
    control: () => readControl(controlDoc).control,
    index,
    onRefused: (reason) => refused.push(reason),
    onDraft: (draft) => drafts.push(draft),
  })
  const commands = bindBoardCommands(session, gate)
  const inKind = addSticky(board.doc, {
    kind: 'plus',
    text: 'leest graag',
    x: 0,
    y: 0,
    parent: board.kind,
  })
  const loose = addSticky(board.doc, { kind: 'note', text: 'los', x: 2000, y: 0 })
  return { ...board, controlDoc, commands, refused, drafts, inKind, loose }
}

describe('the command gate', () => {
  it('refuses edits to a locked circle and what it holds, and lets the rest through', () => {
    const { doc, controlDoc, commands, refused, kind, inKind, loose } = setup()
    lockItems(controlDoc, [kind], true)
    commands.setText(inKind, 'text', 'gewijzigd')
    commands.moveItems([kind], 10, 10)
    commands.addSticky({ kind: 'minus', x: 0, y: 0, parent: kind })
    expect(refused).toEqual(['locked', 'locked', 'locked'])
    expect(itemOf(doc, inKind)).toMatchObject({ text: 'leest graag' })
    commands.setText(loose, 'text', 'mag wel')
    expect(itemOf(doc, loose)).toMatchObject({ text: 'mag wel' })
  })

  it('keeps votes open on a locked board, and stops everything once the meeting ended', () => {
    const { doc, controlDoc, commands, refused, loose } = setup()
    lockBoard(controlDoc, true)
    startVoting(controlDoc, { id: 'v1', budget: 3, hidden: false })
    const voting = readControl(controlDoc).control.voting
    expect(commands.addSticky({ kind: 'tip', x: 0, y: 0 })).toBeUndefined()
    expect(commands.castVote(voting, 'anne', loose)).toBe('ok')
    endMeeting(controlDoc, Date.UTC(2026, 2, 3))
    expect(commands.castVote(voting, 'anne', loose)).toBeUndefined()
    expect(refused).toEqual(['locked', 'ended'])
    expect(doc.getMap('votes').get('v1/anne')).toEqual([loose])
  })

  it('never holds the facilitator back', () => {
    const { doc, controlDoc, commands, refused, kind, inKind } = setup('facilitator')
    lockItems(controlDoc, [kind as ItemId], true)
    lockBoard(controlDoc, true)
    commands.setText(inKind, 'text', 'door de voorzitter')
    expect(refused).toEqual([])
    expect(itemOf(doc, inKind)).toMatchObject({ text: 'door de voorzitter' })
  })
})

type Registry = typeof BOARD_COMMANDS
/** The commands that add something to the board: each needs a real call below, or tsc fails. */
type Adding = {
  [K in keyof Registry]: Registry[K]['privateRound'] extends 'through' ? never : K
}[keyof Registry]

/** One real call of each adding command, as a gesture, button or key makes it. */
const ADDING: Record<Adding, (commands: BoardCommands, on: ReturnType<typeof setup>) => unknown> = {
  addSticky: (c, { kind }) => c.addSticky({ kind: 'plus', x: 100, y: 100, parent: kind }),
  addQuestion: (c, { vragen }) => c.addQuestion({ parent: vragen, text: 'Wie belt de GGD?' }),
  addLabel: (c) => c.addLabel({ text: 'kopje', x: 0, y: -300 }),
  addCircle: (c) => c.addCircle({ role: 'zorg', cx: 2000, cy: 2000, r: 200 }),
  addBox: (c) => c.addBox({ role: 'column', x: 3000, y: 0, w: 300, h: 300 }),
  linkItems: (c, { school, thuis }) => c.linkItems(school, thuis, { label: 'helpt' }),
  addAgreement: (c, { afspraken }) => c.addAgreement({ parent: afspraken, wat: 'Dagritme' }),
  addInk: (c) => c.addInk({ x: 0, y: 0, points: [0, 0, 0.5, 40, 40, 0.5], width: 3 }),
  addShape: (c) => c.addShape({ shape: 'rect', x: -500, y: 0, w: 80, h: 60 }),
  pasteItems: (c, { doc, loose }) => c.pasteItems(copyItems(doc, [loose]), { dx: 30, dy: 30 }),
  chooseActions: (c, { loose }) => c.chooseActions([loose]),
  copyToPlenary: (c, { doc, loose }) =>
    c.copyToPlenary([{ sticky: itemOf(doc, loose) }], 'Tafel 1'),
}

describe('the command gate in a private round', () => {
  it('has a real call for every command that adds, and none for one that only changes', () => {
    const adding = Object.entries(BOARD_COMMANDS).flatMap(([name, spec]) =>
      spec.privateRound === 'through' ? [] : [name],
    )
    expect(Object.keys(ADDING).sort()).toEqual(adding.sort())
  })

  for (const access of ['edit', 'facilitator'] as const) {
    it(`keeps what ${access} adds off the shared board until the reveal`, () => {
      const board = setup(access)
      const { doc, controlDoc, commands, refused, drafts, kind, vragen } = board
      startRound(controlDoc, { id: 'r1', private: true, anonymous: true, now: 1 })
      const before = idsOf(doc)
      const calls = Object.values(ADDING)
      expect(transactionsDuring(doc, () => calls.forEach((call) => call(commands, board)))).toBe(0)
      expect(idsOf(doc)).toEqual(before)
      // Points become drafts with their kind, text and place; anything else waits, and says so.
      expect(drafts).toEqual([
        { round: 'r1', anonymous: true, kind: 'plus', text: '', parent: kind },
        {
          round: 'r1',
          anonymous: true,
          kind: 'question',
          text: 'Wie belt de GGD?',
          parent: vragen,
        },
        { round: 'r1', anonymous: true, kind: 'note', text: 'kopje' },
      ])
      expect(refused).toEqual(Array(calls.length - drafts.length).fill('private'))
      // What is already there can still be changed: editing is not adding.
      commands.setText(board.loose, 'text', 'bijgewerkt')
      expect(itemOf(doc, board.loose)).toMatchObject({ text: 'bijgewerkt' })

      revealRound(controlDoc, 2)
      for (const [name, call] of Object.entries(ADDING)) {
        expect(call(commands, board), name).toBeTruthy()
      }
      expect(idsOf(doc).length).toBeGreaterThanOrEqual(before.length + calls.length)
      expect(drafts).toHaveLength(3)
    })
  }

  it('lets a Wij-ronde through, and an ended meeting stops a participant before any draft', () => {
    const { doc, controlDoc, commands, refused, drafts, kind } = setup()
    startRound(controlDoc, { id: 'r2', private: false, anonymous: false, now: 1 })
    expect(commands.addSticky({ kind: 'tip', x: 0, y: 0, parent: kind })).toBeDefined()
    startRound(controlDoc, { id: 'r3', private: true, anonymous: false, now: 2 })
    endMeeting(controlDoc, 3)
    const before = idsOf(doc)
    expect(commands.addSticky({ kind: 'tip', x: 0, y: 0, parent: kind })).toBeUndefined()
    expect(idsOf(doc)).toEqual(before)
    expect(refused).toEqual(['ended'])
    expect(drafts).toEqual([])
  })
})
