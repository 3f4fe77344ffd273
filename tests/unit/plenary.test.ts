// Copying stickies from a workshop's tables to its plenary board: into the column of the same
// name, else into an area per table; checked like a clipboard, written in one transaction.
import { describe, expect, it } from 'vitest'
import {
  addSticky,
  BoardError,
  copyToPlenary,
  deleteItems,
  readBoard,
  type BoxItem,
  type StickyItem,
} from '../../shared/index.ts'
import { newBoard, sequentialIds, transactionsDuring } from './helpers/board.ts'

function table() {
  const { doc, ids } = newBoard('tips-tops-interessant')
  const columns = readBoard(doc).items.filter((item): item is BoxItem => item.type === 'box')
  const add = (column: number, text: string) => {
    const box = columns[column]!
    const id = addSticky(doc, {
      ids,
      kind: 'top',
      text,
      x: box.x + 30,
      y: box.y + 200,
      parent: box.id,
    })
    const sticky = readBoard(doc).items.find((item) => item.id === id) as StickyItem
    return { sticky, column: box.label }
  }
  return { doc, add }
}

const overlap = (a: StickyItem, b: StickyItem) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

const stickiesIn = (doc: ReturnType<typeof newBoard>['doc'], box: BoxItem) =>
  readBoard(doc).items.filter(
    (item): item is StickyItem => item.type === 'sticky' && item.parent === box.id,
  )

describe('copyToPlenary', () => {
  it('puts a sticky in the plenary column of the same name, below its hint, as a new item', () => {
    const source = table()
    const top = source.add(0, 'Korte lijnen met de wijkcoach')
    const tip = source.add(1, 'Ouders eerder uitnodigen')
    const plenary = newBoard('tips-tops-interessant')
    const [tops, tips] = readBoard(plenary.doc).items.filter(
      (item): item is BoxItem => item.type === 'box',
    )
    const ids = copyToPlenary(plenary.doc, [top, tip], {
      table: 'Tafel 2',
      ids: sequentialIds('c'),
    })
    const { items, problems } = readBoard(plenary.doc)
    expect(problems).toEqual([])
    expect(ids).toHaveLength(2)
    expect(stickiesIn(plenary.doc, tops!).map((s) => [s.id, s.text, s.kind])).toEqual([
      [ids[0], 'Korte lijnen met de wijkcoach', 'top'],
    ])
    expect(stickiesIn(plenary.doc, tips!).map((s) => s.text)).toEqual(['Ouders eerder uitnodigen'])
    const hint = items.find((item) => item.type === 'label' && item.parent === tops!.id)!
    const copied = items.find((item) => item.id === ids[0])!
    expect(copied.y).toBeGreaterThan(hint.y + hint.h)
    expect(copied.x + copied.w).toBeLessThanOrEqual(tops!.x + tops!.w)
  })

  it('fills a column in rows, and makes the column taller when it is full', () => {
    const source = table()
    const plenary = newBoard('tips-tops-interessant')
    const tops = readBoard(plenary.doc).items.find((item) => item.type === 'box') as BoxItem
    const copies = Array.from({ length: 24 }, (_, i) => source.add(0, `Top ${i + 1}`))
    copyToPlenary(plenary.doc, copies, { table: 'Tafel 1' })
    const placed = stickiesIn(plenary.doc, tops)
    expect(placed).toHaveLength(24)
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) expect(overlap(a, b)).toBe(false)
    }
    const grown = readBoard(plenary.doc).items.find((item) => item.id === tops.id) as BoxItem
    expect(grown.h).toBeGreaterThan(tops.h)
    for (const sticky of placed) expect(sticky.y + sticky.h).toBeLessThanOrEqual(grown.y + grown.h)
  })

  it('lands on a free spot in its column, never on a sticky already there', () => {
    const source = table()
    const plenary = newBoard('tips-tops-interessant')
    const tops = readBoard(plenary.doc).items.find((item) => item.type === 'box') as BoxItem
    const first = copyToPlenary(plenary.doc, [source.add(0, 'a'), source.add(0, 'b')], {
      table: 'Tafel 1',
    })
    // The first copy is gone and someone wrote a sticky of their own where a third would go.
    deleteItems(plenary.doc, [first[0]!])
    addSticky(plenary.doc, {
      kind: 'top',
      text: 'eigen',
      x: tops.x + 20,
      y: tops.y + 480,
      parent: tops.id,
    })
    const own = readBoard(plenary.doc).items.find(
      (item) => item.type === 'sticky' && item.text === 'eigen',
    )!
    expect(own.parent).toBe(tops.id)
    copyToPlenary(plenary.doc, [source.add(0, 'c'), source.add(0, 'd'), source.add(0, 'e')], {
      table: 'Tafel 2',
    })
    const placed = stickiesIn(plenary.doc, tops)
    expect(placed).toHaveLength(5)
    for (const [i, a] of placed.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(tops.x)
      expect(a.x + a.w).toBeLessThanOrEqual(tops.x + tops.w)
      for (const b of placed.slice(i + 1)) expect(overlap(a, b), `${a.text}/${b.text}`).toBe(false)
    }
    // Still two across, as large as before.
    expect(new Set(placed.map((sticky) => sticky.x)).size).toBeGreaterThanOrEqual(2)
  })

  it('gives stickies without a matching column an area named after their table', () => {
    const source = table()
    const plenary = newBoard('blank')
    copyToPlenary(plenary.doc, [source.add(0, 'Een')], { table: 'Tafel 1' })
    copyToPlenary(plenary.doc, [source.add(2, 'Twee'), source.add(1, 'Drie')], { table: 'Tafel 3' })
    copyToPlenary(plenary.doc, [source.add(0, 'Vier')], { table: 'Tafel 1' })
    const { items, problems } = readBoard(plenary.doc)
    expect(problems).toEqual([])
    const areas = items.filter((item): item is BoxItem => item.type === 'box')
    expect(
      areas.map((area) => [area.label, stickiesIn(plenary.doc, area).map((s) => s.text)]),
    ).toEqual([
      ['Tafel 1', ['Een', 'Vier']],
      ['Tafel 3', ['Twee', 'Drie']],
    ])
    expect(areas[1]!.x).toBeGreaterThan(areas[0]!.x + areas[0]!.w)
  })

  it('keeps what the sticky says: an action card with its hoe and wie, its author and table', () => {
    const source = table()
    const card = source.add(0, 'Wijkcoach bij het MDO')
    const action = {
      ...card,
      sticky: {
        ...card.sticky,
        kind: 'action',
        hoe: 'Uitnodigen via IB',
        wie: 'Ans',
        author: 'Bram',
      },
    }
    const plenary = newBoard('blank')
    const [id] = copyToPlenary(plenary.doc, [action], { table: 'Tafel 2' })
    expect(readBoard(plenary.doc).items.find((item) => item.id === id)).toMatchObject({
      kind: 'action',
      text: 'Wijkcoach bij het MDO',
      hoe: 'Uitnodigen via IB',
      wie: 'Ans',
      author: 'Bram, Tafel 2',
    })
    const [anonymous] = copyToPlenary(plenary.doc, [source.add(0, 'Zonder naam')], {
      table: 'Tafel 3',
    })
    expect(readBoard(plenary.doc).items.find((item) => item.id === anonymous)).toMatchObject({
      author: 'Tafel 3',
    })
  })

  it('refuses anything that is not a valid sticky, writing nothing', () => {
    const source = table()
    const plenary = newBoard('blank')
    const good = source.add(0, 'Goed')
    const bad = { sticky: { ...good.sticky, kind: 'evil' }, column: 'Tops' }
    const arrow = { sticky: { type: 'arrow', id: 'arrow:x' } }
    for (const copies of [[good, bad], [arrow]]) {
      expect(() => copyToPlenary(plenary.doc, copies, { table: 'Tafel 1' })).toThrow(BoardError)
    }
    expect(readBoard(plenary.doc).items).toEqual([])
  })

  it('is one transaction, so one undo step', () => {
    const source = table()
    const plenary = newBoard('tips-tops-interessant')
    const copies = [source.add(0, 'a'), source.add(1, 'b'), source.add(2, 'c')]
    expect(
      transactionsDuring(plenary.doc, () =>
        copyToPlenary(plenary.doc, copies, { table: 'Tafel 1' }),
      ),
    ).toBe(1)
  })
})
