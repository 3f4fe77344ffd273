// The board JSON a loading page draws first (shared/shownBoard.ts): what readBoard found, back from
// JSON as it was; anything that is not an item is left out, and what is no board at all is null.
import { describe, expect, it } from 'vitest'
import { parseShownBoard, readBoard } from '../../shared/index.ts'
import { mdoBoard } from './helpers/board.ts'

describe('parseShownBoard', () => {
  it('reads back what readBoard found, through JSON', () => {
    const { doc } = mdoBoard()
    const { meta, items } = readBoard(doc)
    expect(parseShownBoard(JSON.parse(JSON.stringify({ meta, items })))).toEqual({ meta, items })
  })

  it('leaves out what is not an item, and keeps the rest', () => {
    const { doc } = mdoBoard()
    const { meta, items } = readBoard(doc)
    const junk = [
      null,
      'sticky',
      { type: 'rocket', id: 'rocket:1', x: 0, y: 0, w: 1, h: 1 },
      { type: 'sticky', x: 0, y: 0, w: 1, h: 1 },
      { ...items[0], x: 'links' },
      { ...items[0], w: null },
    ]
    expect(parseShownBoard({ meta, items: [...junk, ...items] })?.items).toEqual(items)
  })

  it('is null for what is no board', () => {
    const { meta } = readBoard(mdoBoard().doc)
    for (const value of [
      null,
      [],
      'bord',
      { meta },
      { items: [] },
      { meta: { ...meta, title: 7 }, items: [] },
    ])
      expect(parseShownBoard(value)).toBeNull()
  })
})
