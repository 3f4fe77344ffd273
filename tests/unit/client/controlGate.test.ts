// The lock gate between a participant's gestures and the board: over a real board and index,
// with the control state as the facilitator set it. Locks are kept by clients, so this is where.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSticky,
  endMeeting,
  lockBoard,
  lockItems,
  readControl,
  startVoting,
  type ItemId,
} from '../../../shared/index.ts'
import { BoardIndex } from '../../../client/src/state/boardIndex.ts'
import { bindCommands } from '../../../client/src/state/commands.ts'
import { gateCommands } from '../../../client/src/state/control.ts'
import type { AccessRole } from '../../../client/src/sync/session.ts'
import { itemOf, mdoBoard } from '../helpers/board.ts'

function setup(access: AccessRole = 'edit') {
  const board = mdoBoard()
  const controlDoc = new Y.Doc()
  const index = new BoardIndex(board.doc)
  const refused: string[] = []
  const session = { doc: board.doc, origin: {}, access }
  const commands = gateCommands(bindCommands(session), {
    access,
    control: () => readControl(controlDoc).control,
    index,
    onRefused: (reason) => refused.push(reason),
  })
  const inKind = addSticky(board.doc, {
    kind: 'plus',
    text: 'leest graag',
    x: 0,
    y: 0,
    parent: board.kind,
  })
  const loose = addSticky(board.doc, { kind: 'note', text: 'los', x: 2000, y: 0 })
  return { ...board, controlDoc, commands, refused, inKind, loose }
}

describe('gateCommands', () => {
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
