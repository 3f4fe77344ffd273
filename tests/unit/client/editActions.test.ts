// Copy, cut, paste and duplicate over a real board, index and UiStore, as the shortcuts and the
// selection bar run them: no browser, a fake system clipboard, the canvas reduced to its viewport.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSticky,
  readBoard,
  readControl,
  startRound,
  type Item,
  type ItemId,
} from '../../../shared/index.ts'
import { editActions } from '../../../client/src/panels/editActions.ts'
import { STRINGS } from '../../../client/src/i18n.ts'
import { BoardIndex } from '../../../client/src/state/boardIndex.ts'
import { BoardClipboard, type SystemClipboard } from '../../../client/src/state/clipboard.ts'
import { commandGate, ungated } from '../../../client/src/state/commandGate.ts'
import { bindBoardCommands, type BoardCommands } from '../../../client/src/state/commands.ts'
import { UiStore } from '../../../client/src/state/ui.ts'
import type { CanvasApi } from '../../../client/src/canvas/BoardCanvas.tsx'
import { mdoBoard } from '../helpers/board.ts'

const t = STRINGS.nl
const VIEW = { minX: -1500, minY: -800, maxX: 1500, maxY: 1200 }

function setup(system?: SystemClipboard, controlDoc?: Y.Doc) {
  const board = mdoBoard()
  const session = { doc: board.doc, origin: {}, access: 'edit' as const }
  const index = new BoardIndex(board.doc)
  const ui = new UiStore()
  const notices: string[] = []
  const gate = controlDoc
    ? commandGate({
        access: 'edit',
        control: () => readControl(controlDoc).control,
        index,
        onRefused: () => notices.push(t.privateHeld),
        onDraft: () => undefined,
      })
    : ungated
  const commands: BoardCommands = bindBoardCommands(session, gate)
  const canvas = { current: { viewport: () => VIEW } as unknown as CanvasApi }
  const actions = editActions({
    session,
    index,
    commands,
    ui,
    clipboard: new BoardClipboard(system),
    canvas,
    notify: (message) => notices.push(message),
    t,
  })
  const stickies = () =>
    readBoard(board.doc).items.filter(
      (item): item is Item & { type: 'sticky' } => item.type === 'sticky',
    )
  return { ...board, index, ui, notices, actions, stickies }
}

function textClipboard(initial = ''): SystemClipboard & { text: string } {
  const fake = {
    text: initial,
    readText: async () => fake.text,
    writeText: async (value: string) => {
      fake.text = value
    },
  }
  return fake
}

describe('editActions', () => {
  it('copies a sticky and pastes it beside the original, in the same circle, selected', async () => {
    const board = setup()
    const id = addSticky(board.doc, {
      kind: 'plus',
      text: 'Leest graag',
      x: -90,
      y: -360,
      parent: board.kind,
    })
    board.ui.set({ selection: [id] })
    await board.actions.copy()
    await board.actions.paste()
    const [original, copy] = board.stickies()
    expect(copy).toMatchObject({ text: 'Leest graag', kind: 'plus', parent: board.kind })
    expect([copy!.x - original!.x, copy!.y - original!.y]).toEqual([40, 40])
    expect(board.ui.get().selection).toEqual([copy!.id])
    expect(board.notices).toEqual([t.copiedHere(t.parts(1)), t.pastedParts(t.parts(1))])
  })

  it('goes through the system clipboard when there is one, each paste a step further', async () => {
    const system = textClipboard()
    const board = setup(system)
    const id = addSticky(board.doc, { kind: 'minus', text: 'Moe', x: 0, y: 0 })
    board.ui.set({ selection: [id] })
    await board.actions.copy()
    expect(JSON.parse(system.text)).toMatchObject({ format: 'mdo-board-clipboard' })
    await board.actions.paste()
    await board.actions.paste()
    expect(board.stickies().map((s) => [s.x, s.y])).toEqual([
      [0, 0],
      [40, 40],
      [80, 80],
    ])
    expect(board.notices[0]).toBe(t.copiedParts(t.parts(1)))
  })

  it('says so, in Dutch, when the clipboard holds text or a broken board, and writes nothing', async () => {
    const system = textClipboard('Gewoon een zin')
    const board = setup(system)
    const before = JSON.stringify(readBoard(board.doc).items)
    await board.actions.paste()
    system.text = JSON.stringify({
      format: 'mdo-board-clipboard',
      version: 1,
      items: [{ type: 'sticky' }],
    })
    await board.actions.paste()
    expect(board.notices).toEqual([t.pasteNothing, t.pasteRefused])
    expect(JSON.stringify(readBoard(board.doc).items)).toBe(before)
  })

  it('leaves the reason to the command gate when it holds a paste back', async () => {
    const controlDoc = new Y.Doc()
    const board = setup(undefined, controlDoc)
    const id = addSticky(board.doc, { kind: 'tip', text: 'Samen lezen', x: 0, y: 0 })
    board.ui.set({ selection: [id] })
    await board.actions.copy()
    startRound(controlDoc, { id: 'r1', private: true, now: 1 })
    await board.actions.paste()
    board.actions.duplicate()
    expect(board.notices).toEqual([t.copiedHere(t.parts(1)), t.privateHeld, t.privateHeld])
    expect(board.stickies()).toHaveLength(1)
  })

  it('cuts: the copy pastes back after the original is gone', async () => {
    const board = setup()
    const id = addSticky(board.doc, { kind: 'goal', text: 'Zelf lezen', x: 0, y: 0 })
    board.ui.set({ selection: [id] })
    await board.actions.cut()
    expect(board.stickies()).toEqual([])
    expect(board.ui.get().selection).toEqual([])
    await board.actions.paste()
    expect(board.stickies()).toMatchObject([{ text: 'Zelf lezen', kind: 'goal' }])
  })

  it('duplicates a circle with its markers and selects only the circle', () => {
    const board = setup()
    addSticky(board.doc, { kind: 'plus', text: 'Sport', x: -90, y: -360, parent: board.kind })
    board.ui.set({ selection: [board.kind] })
    board.actions.duplicate()
    const circles = readBoard(board.doc).items.filter((item) => item.type === 'circle')
    expect(circles).toHaveLength(4)
    const copy = circles.find((circle) => circle.id !== board.kind && circle.role === 'kind')
    expect(board.ui.get().selection).toEqual([copy?.id as ItemId])
    expect(board.stickies().map((s) => s.parent)).toEqual([board.kind, copy?.id])
    expect(board.notices).toEqual([t.duplicatedParts(t.parts(2))])
  })

  it('does nothing on copy without a selection', async () => {
    const board = setup()
    await board.actions.copy()
    board.actions.duplicate()
    expect(board.notices).toEqual([])
  })
})
