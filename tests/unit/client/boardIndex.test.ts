// BoardIndex keeps, change by change, exactly what readBoard would read from scratch; it re-reads
// only what changed (unchanged items keep their object, so React skips them), and hostile items
// written straight into the doc are left out and reported, never thrown.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSticky,
  deleteItems,
  linkItems,
  moveItems,
  parseShownBoard,
  readBoard,
  setText,
  setTitle,
  type Item,
  type ItemId,
} from '../../../shared/index.ts'
import { BoardIndex } from '../../../client/src/state/boardIndex.ts'
import { mdoBoard, newBoard, sequentialIds } from '../helpers/board.ts'
import { seededRandom } from '../helpers/random.ts'

/** The index must agree with a fresh readBoard on items and on item problems. */
function expectSameAsReadBoard(index: BoardIndex, doc: Y.Doc) {
  const board = readBoard(doc)
  expect(index.all()).toEqual(board.items)
  expect(index.problems).toEqual(board.problems.filter((problem) => problem.id !== undefined))
}

function writeRaw(doc: Y.Doc, key: string, value: unknown) {
  doc.transact(() => doc.getMap<unknown>('items').set(key, value))
}

function rawSticky(id: string, fields: Record<string, unknown> = {}) {
  return new Y.Map<unknown>(
    Object.entries({
      id,
      type: 'sticky',
      x: 0,
      y: 0,
      w: 180,
      h: 120,
      z: 'a0',
      kind: 'plus',
      text: new Y.Text('hoi'),
      ...fields,
    }),
  )
}

describe('BoardIndex', () => {
  it('starts with what readBoard reads, and the board title', () => {
    const { doc } = mdoBoard()
    const index = new BoardIndex(doc)
    expectSameAsReadBoard(index, doc)
    expect(index.meta().title).toBe('MDO Sam')
    expect(index.all().filter((item) => item.type === 'arrow')).toHaveLength(3)
  })

  it('re-reads only the items a change touched', () => {
    const { doc, ids, kind, school } = mdoBoard()
    const index = new BoardIndex(doc)
    const circle = index.get(kind)
    const schoolChildren = index.childrenOf(school)
    const all = index.all()
    const version = index.version

    const sticky = addSticky(doc, { kind: 'plus', x: -60, y: -360, parent: kind, ids })
    expect(index.version).toBeGreaterThan(version)
    expect(index.get(sticky)).toMatchObject({ type: 'sticky', parent: kind })
    expect(index.get(kind)).toBe(circle)
    expect(index.childrenOf(kind).map((item) => item.id)).toEqual([sticky])
    expect(index.childrenOf(school)).toBe(schoolChildren)
    expect(index.all()).not.toBe(all)

    const before = index.get(sticky)
    const listAfterAdd = index.all()
    setText(doc, sticky, 'text', 'Leest graag')
    expect(index.get(sticky)).toMatchObject({ text: 'Leest graag' })
    expect(index.get(sticky)).not.toBe(before)
    expect(index.get(kind)).toBe(circle)
    expect(index.all()).not.toBe(listAfterAdd)
    expect(index.all()).toBe(index.all())
    expectSameAsReadBoard(index, doc)
  })

  it('finds items by area, arrows by the span of their ends, sorted by z', () => {
    const { doc, ids, kind, school } = mdoBoard()
    const index = new BoardIndex(doc)
    const sticky = addSticky(doc, { kind: 'minus', x: 5000, y: 5000, ids })
    const near = { minX: 4990, minY: 4990, maxX: 5010, maxY: 5010 }
    expect(index.search(near).map((item) => item.id)).toEqual([sticky])

    moveItems(doc, [sticky], 1000, 0)
    expect(index.search(near)).toEqual([])
    expect(index.search({ ...near, minX: 5990, maxX: 6010 }).map((item) => item.id)).toEqual([
      sticky,
    ])

    // The kind–school arrow spans both circles; it moves when one of its ends moves.
    const arrow = index
      .all()
      .find((item) => item.type === 'arrow' && item.from === kind && item.to === school)
    if (!arrow) throw new Error('the template links kind and school')
    moveItems(doc, [school], -10_000, 0)
    const farLeft = { minX: -10_300, minY: 0, maxX: -10_200, maxY: 600 }
    const found = index.search(farLeft).map((item) => item.id)
    expect(found).toContain(arrow.id)
    expect(found).toContain(school)
    const zs = index.search({ minX: -20_000, minY: -20_000, maxX: 20_000, maxY: 20_000 })
    expect(zs).toEqual(index.all())
  })

  it('finds by area what a whole board synced in one update holds, and what changes after', () => {
    const { doc, ids } = mdoBoard()
    for (let i = 0; i < 300; i++) addSticky(doc, { kind: 'plus', x: (i % 20) * 200, y: i * 7, ids })
    // The first sync into an empty doc: the index loads every item at once.
    const peer = new Y.Doc()
    const index = new BoardIndex(peer)
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    const box = { minX: 1000, minY: 500, maxX: 2500, maxY: 1500 }
    const inBox = (item: Item) => {
      const [minX, maxX] = [Math.min(item.x, item.x + item.w), Math.max(item.x, item.x + item.w)]
      const [minY, maxY] = [Math.min(item.y, item.y + item.h), Math.max(item.y, item.y + item.h)]
      return minX <= box.maxX && maxX >= box.minX && minY <= box.maxY && maxY >= box.minY
    }
    const expectSearchAgrees = () => {
      const expected = index.all().filter((item) => item.type !== 'arrow' && inBox(item))
      const found = index.search(box).filter((item) => item.type !== 'arrow')
      expect(found).toEqual(expected)
    }
    expect(index.all()).toHaveLength(readBoard(doc).items.length)
    expectSearchAgrees()

    const stickies = index.all().filter((item) => item.type === 'sticky')
    moveItems(
      peer,
      stickies.slice(0, 50).map((item) => item.id),
      1200,
      700,
    )
    deleteItems(
      peer,
      stickies.slice(50, 80).map((item) => item.id),
    )
    expectSearchAgrees()
  })

  it('shows a board seeded from the relay’s JSON, then keeps every object the document confirms', () => {
    const { doc, ids, kind } = mdoBoard()
    const kept = addSticky(doc, { kind: 'plus', text: 'Zoë leest graag', x: 0, y: 0, ids })
    const changed = addSticky(doc, { kind: 'minus', x: 300, y: 0, ids })
    const deleted = addSticky(doc, { kind: 'goal', x: 600, y: 0, parent: kind, ids })
    const json: unknown = JSON.parse(JSON.stringify(readBoard(doc)))
    const board = parseShownBoard(json)
    if (!board) throw new Error('the relay’s JSON should parse')

    const page = new Y.Doc()
    const index = new BoardIndex(page)
    index.seed(board)
    expect(index.all()).toEqual(readBoard(doc).items)
    expect(index.meta().title).toBe('MDO Sam')
    expect(index.childrenOf(kind).map((item) => item.id)).toContain(deleted)
    const before = new Map(index.all().map((item) => [item.id, item]))

    // Meanwhile someone edits; then the page's document syncs.
    setText(doc, changed, 'text', 'Komt vaak te laat')
    deleteItems(doc, [deleted])
    Y.applyUpdate(page, Y.encodeStateAsUpdate(doc))
    expectSameAsReadBoard(index, page)
    expect(index.get(kept)).toBe(before.get(kept))
    expect(index.get(changed)).not.toBe(before.get(changed))
    expect(index.get(changed)).toMatchObject({ text: 'Komt vaak te laat' })
    expect(index.get(deleted)).toBeUndefined()
    expect(index.childrenOf(kind).map((item) => item.id)).not.toContain(deleted)
    const unchanged = [...before.keys()].filter((id) => id !== changed && id !== deleted)
    expect(unchanged.every((id) => index.get(id) === before.get(id))).toBe(true)
  })

  it('ignores a seed once the document has items, e.g. from the copy on this device', () => {
    const { doc } = mdoBoard()
    const index = new BoardIndex(doc)
    const all = index.all()
    index.seed({ meta: readBoard(doc).meta, items: [] })
    expect(index.all()).toBe(all)
  })

  it('follows deletes, including the arrows and children that go with an item', () => {
    const { doc, ids, kind } = mdoBoard()
    const index = new BoardIndex(doc)
    const sticky = addSticky(doc, { kind: 'goal', x: 0, y: -300, parent: kind, ids })
    deleteItems(doc, [kind])
    expect(index.get(kind)).toBeUndefined()
    expect(index.get(sticky)).toBeUndefined()
    expect(index.all().filter((item) => item.type === 'arrow')).toHaveLength(1)
    expect(index.childrenOf(kind)).toEqual([])
    expectSameAsReadBoard(index, doc)
  })

  it('applies a peer’s update like a local change', () => {
    const { doc } = mdoBoard()
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    const index = new BoardIndex(peer)
    const sticky = addSticky(doc, { kind: 'need', x: 1, y: 2, ids: sequentialIds('r') })
    setTitle(doc, 'MDO Sam, groep 7')
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)))
    expect(index.get(sticky)).toMatchObject({ kind: 'need' })
    expect(index.meta().title).toBe('MDO Sam, groep 7')
    expectSameAsReadBoard(index, peer)
  })

  it('leaves hostile items out, reports them, and repairs links as readBoard does', () => {
    const { doc, ids, kind } = mdoBoard()
    const index = new BoardIndex(doc)
    const good = addSticky(doc, { kind: 'plus', x: 0, y: -300, parent: kind, ids })
    writeRaw(doc, 'sticky:text', 'just a string')
    writeRaw(doc, 'sticky:kind', rawSticky('sticky:kind', { kind: 'evil' }))
    writeRaw(doc, 'sticky:orphan', rawSticky('sticky:orphan', { parent: 'circle:gone' }))
    writeRaw(doc, 'sticky:nested', rawSticky('sticky:nested', { parent: good }))
    const arrow = new Y.Map<unknown>(
      Object.entries({
        id: 'arrow:loose',
        type: 'arrow',
        x: 0,
        y: 0,
        w: 0,
        h: 0,
        z: 'a1',
        from: kind,
        to: 'circle:gone',
        valence: 'up',
        label: new Y.Text(''),
      }),
    )
    writeRaw(doc, 'arrow:loose', arrow)

    expect(index.get('sticky:text' as ItemId)).toBeUndefined()
    expect(index.get('sticky:kind' as ItemId)).toBeUndefined()
    expect(index.get('arrow:loose' as ItemId)).toBeUndefined()
    expect(index.get('sticky:orphan' as ItemId)?.parent).toBeUndefined()
    expect(index.get('sticky:nested' as ItemId)?.parent).toBeUndefined()
    expect(index.problems.map((problem) => problem.id)).toEqual([
      'arrow:loose',
      'sticky:kind',
      'sticky:nested',
      'sticky:orphan',
      'sticky:text',
    ])
    expectSameAsReadBoard(index, doc)

    // The missing end appears: the arrow now shows, and its problem is gone.
    const repaired = index.get('sticky:orphan' as ItemId)
    writeRaw(doc, 'sticky:kind', rawSticky('sticky:kind'))
    expect(index.get('sticky:orphan' as ItemId)).toBe(repaired)
    arrow.set('to', good)
    expect(index.get('arrow:loose' as ItemId)).toMatchObject({ to: good })
    expectSameAsReadBoard(index, doc)
  })

  it('agrees with readBoard after every step of a random edit session', () => {
    const random = seededRandom(20250115)
    const { doc, ids } = newBoard('mdo-zorg')
    const index = new BoardIndex(doc)
    const live = () => index.all().filter((item) => item.type !== 'arrow')
    const pick = (items: readonly Item[]) => random.pick(items).id
    for (let step = 0; step < 300; step++) {
      const items = live()
      const roll = random.int(7)
      if (roll === 0 || items.length < 3) {
        const containers = items.filter((item) => item.type === 'circle')
        const parent = containers.length > 0 && random.chance(0.7) ? pick(containers) : undefined
        addSticky(doc, { kind: 'plus', x: random.int(2000), y: random.int(2000), parent, ids })
      } else if (roll === 1) moveItems(doc, [pick(items)], random.int(200) - 100, 50)
      else if (roll === 2) deleteItems(doc, [pick(items)])
      else if (roll === 3) {
        const [from, to] = [pick(items), pick(items)]
        if (from !== to) linkItems(doc, from, to, { ids, valence: 'down' })
      } else if (roll === 4) {
        const stickies = items.filter((item) => item.type === 'sticky')
        if (stickies.length > 0) setText(doc, pick(stickies), 'text', `stap ${step}`)
      } else if (roll === 5) writeRaw(doc, `sticky:x${step}`, random.chance(0.5) ? 7 : null)
      else writeRaw(doc, `sticky:p${step}`, rawSticky(`sticky:p${step}`, { parent: pick(items) }))
      expectSameAsReadBoard(index, doc)
    }
  })

  it('stops listening when destroyed', () => {
    const { doc, ids } = mdoBoard()
    const index = new BoardIndex(doc)
    let heard = 0
    index.subscribe(() => heard++)
    addSticky(doc, { kind: 'plus', x: 0, y: 0, ids })
    expect(heard).toBe(1)
    index.destroy()
    addSticky(doc, { kind: 'plus', x: 0, y: 0, ids })
    expect(heard).toBe(1)
  })
})
