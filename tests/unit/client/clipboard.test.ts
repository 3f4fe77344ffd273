// The client's clipboard: the system clipboard when the browser allows it, the copy kept in the
// tab when not, text that is not a board's recognised as such, and where a paste lands.
import { describe, expect, it } from 'vitest'
import { CLIPBOARD_FORMAT } from '../../../shared/index.ts'
import {
  BoardClipboard,
  boundsOf,
  parseClipboardText,
  PASTE_STEP,
  pasteOffset,
  type SystemClipboard,
} from '../../../client/src/state/clipboard.ts'

/** A system clipboard that works, or refuses (as a browser does without permission). */
function system(refuse: { read?: boolean; write?: boolean } = {}) {
  let text = ''
  const clipboard: SystemClipboard = {
    readText: async () => {
      if (refuse.read) throw new DOMException('Read permission denied.', 'NotAllowedError')
      return text
    },
    writeText: async (value) => {
      if (refuse.write) throw new DOMException('Write permission denied.', 'NotAllowedError')
      text = value
    },
  }
  return { clipboard, current: () => text, set: (value: string) => (text = value) }
}

const board = (items: unknown[] = []) =>
  JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, items })

describe('BoardClipboard', () => {
  it('writes to the system clipboard and reads back from it', async () => {
    const fake = system()
    const clipboard = new BoardClipboard(fake.clipboard)
    expect(await clipboard.write(board())).toBe('system')
    expect(fake.current()).toBe(board())
    // Copied in another tab or app after this one: the system clipboard is the newest.
    fake.set('hallo')
    expect(await clipboard.read()).toBe('hallo')
  })

  it('keeps the copy in the tab when the browser has no clipboard API', async () => {
    const clipboard = new BoardClipboard(undefined)
    expect(await clipboard.read()).toBeNull()
    expect(await clipboard.write(board())).toBe('memory')
    expect(await clipboard.read()).toBe(board())
  })

  it('falls back to the kept copy when writing or reading is refused', async () => {
    const noWrite = system({ write: true })
    noWrite.set('older text on the system clipboard')
    const a = new BoardClipboard(noWrite.clipboard)
    expect(await a.write(board())).toBe('memory')
    // The system clipboard never got the copy: pasting the older text there would surprise.
    expect(await a.read()).toBe(board())

    const b = new BoardClipboard(system({ read: true }).clipboard)
    await b.write(board())
    expect(await b.read()).toBe(board())
  })

  it('uses the kept copy when the system clipboard is empty', async () => {
    const fake = system()
    const clipboard = new BoardClipboard(fake.clipboard)
    await clipboard.write(board())
    fake.set('   ')
    expect(await clipboard.read()).toBe(board())
  })

  it('counts repeated pastes of the same text, and starts again for a new text', () => {
    const clipboard = new BoardClipboard(undefined)
    expect(clipboard.countPaste('a')).toBe(1)
    expect(clipboard.countPaste('a')).toBe(2)
    expect(clipboard.countPaste('b')).toBe(1)
    expect(clipboard.countPaste('a')).toBe(1)
  })
})

describe('parseClipboardText', () => {
  it('recognises a board clipboard', () => {
    expect(parseClipboardText(board([{ type: 'sticky' }]))).toMatchObject({
      format: CLIPBOARD_FORMAT,
      items: [{ type: 'sticky' }],
    })
  })

  it.each([
    ['nothing', null],
    ['empty text', ''],
    ['plain text', 'Zoë leest graag'],
    ['broken JSON', '{"format": "mdo-board-clipboard", '],
    ['a number', '42'],
    ['JSON null', 'null'],
    ['another format', JSON.stringify({ format: 'excalidraw', items: [] })],
    ['items that are not a list', JSON.stringify({ format: CLIPBOARD_FORMAT, items: {} })],
  ])('returns null for %s', (_, text) => {
    expect(parseClipboardText(text)).toBeNull()
  })
})

describe('boundsOf', () => {
  it('spans the items, lines drawn backwards included, and skips arrows and junk', () => {
    const items = [
      { type: 'sticky', x: 0, y: 0, w: 180, h: 120 },
      { type: 'shape', x: 400, y: 300, w: -100, h: -50 },
      { type: 'arrow', x: 9999, y: 9999, w: 0, h: 0 },
      { type: 'sticky', x: 'a', y: 0, w: 1, h: 1 },
      { type: 'sticky', x: Number.NaN, y: 0, w: 1, h: 1 },
      null,
      'text',
    ]
    expect(boundsOf(items)).toEqual({ minX: 0, minY: 0, maxX: 400, maxY: 300 })
    expect(boundsOf([])).toBeNull()
  })
})

describe('pasteOffset', () => {
  const view = { minX: -500, minY: -500, maxX: 500, maxY: 500 }
  const items = { minX: 0, minY: 0, maxX: 180, maxY: 120 }

  it('puts a copy beside the originals, and each repeat one step further', () => {
    expect(pasteOffset(items, view)).toEqual({ dx: PASTE_STEP, dy: PASTE_STEP })
    expect(pasteOffset(items, view, 3)).toEqual({ dx: 3 * PASTE_STEP, dy: 3 * PASTE_STEP })
  })

  it('brings originals that are out of view into the middle of it', () => {
    const far = { minX: 5000, minY: 5000, maxX: 5180, maxY: 5120 }
    const { dx, dy } = pasteOffset(far, view)
    expect([5090 + dx, 5060 + dy]).toEqual([0, 0])
    const again = pasteOffset(far, view, 2)
    expect([5090 + again.dx, 5060 + again.dy]).toEqual([PASTE_STEP, PASTE_STEP])
  })

  it('steps aside when it knows no view or no box', () => {
    expect(pasteOffset(items, null)).toEqual({ dx: PASTE_STEP, dy: PASTE_STEP })
    expect(pasteOffset(null, view, 2)).toEqual({ dx: 2 * PASTE_STEP, dy: 2 * PASTE_STEP })
  })
})
