// The participants' side of a facilitated round: drafts revealed onto the board (once, with or
// without names), dot votes within a budget, and "kies 3" turning the winners into agreements.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  BoardError,
  addSticky,
  castVote,
  chooseActions,
  draftStickyId,
  publishDrafts,
  readBoard,
  readVotes,
  retractVote,
  setActionFields,
  setText,
  topVoted,
  VoteRefused,
  type AgreementItem,
  type BoxItem,
  type Draft,
  type ItemId,
  type VotingState,
} from '../../shared/index.ts'
import { itemOf, mdoBoard, newBoard, sequentialIds, transactionsDuring } from './helpers/board.ts'

const vote: VotingState = { id: 'v1', budget: 3, hidden: false, closed: false }

function threeStickies(doc: Y.Doc) {
  const ids = sequentialIds('s')
  return ['Rust in de klas', 'Huiswerkklas', 'Vaste mentor'].map((text, i) =>
    addSticky(doc, { kind: 'tip', text, x: i * 200, y: 0, ids }),
  )
}

describe('publishDrafts', () => {
  it('puts each draft on the board once, inside the circle it was meant for', () => {
    const { doc, kind } = mdoBoard()
    const drafts: Draft[] = [
      { id: 'draftAAAA01', round: 'r1', kind: 'plus', text: 'Leest graag', parent: kind },
      { id: 'draftAAAA02', round: 'r1', kind: 'tip', text: 'Meer bewegen' },
    ]
    const added = publishDrafts(doc, drafts, { author: 'Bram' })
    expect(added).toEqual([draftStickyId('draftAAAA01'), draftStickyId('draftAAAA02')])
    expect(itemOf(doc, added[0]!)).toMatchObject({
      type: 'sticky',
      kind: 'plus',
      text: 'Leest graag',
      parent: kind,
      author: 'Bram',
    })
    const circle = itemOf(doc, kind)
    const sticky = itemOf(doc, added[0]!)
    expect(sticky.x).toBeGreaterThanOrEqual(circle.x)
    expect(sticky.x + sticky.w).toBeLessThanOrEqual(circle.x + circle.w)
    // A reload during the reveal publishes again: nothing doubles.
    expect(publishDrafts(doc, drafts, { author: 'Bram' })).toEqual([])
    expect(readBoard(doc).items.filter((item) => item.id.startsWith('sticky:d-'))).toHaveLength(2)
    expect(readBoard(doc).problems).toEqual([])
  })

  it('leaves the name out in an anonymous round, and stacks drafts without a place by kind', () => {
    const { doc } = newBoard('blank')
    const drafts: Draft[] = [1, 2, 3].map((n) => ({
      id: `anonymous0${n}`,
      round: 'r1',
      kind: 'top',
      text: `top ${n}`,
    }))
    const added = publishDrafts(doc, drafts, {})
    const stickies = added.map((id) => itemOf(doc, id))
    expect(stickies.every((sticky) => !('author' in sticky) || sticky.author === undefined)).toBe(
      true,
    )
    const ys = stickies.map((sticky) => sticky.y)
    expect(new Set(ys).size).toBe(3)
  })

  it('refuses a draft id that could not be a sticky id', () => {
    const { doc } = newBoard('blank')
    expect(() =>
      publishDrafts(doc, [{ id: 'x/../y', round: 'r', kind: 'tip', text: '' }], {}),
    ).toThrow(BoardError)
  })
})

describe('dot voting', () => {
  it('refuses the fourth dot of a budget of three, and counts them ordered', () => {
    const { doc } = newBoard('blank')
    const [a, b, c] = threeStickies(doc) as [ItemId, ItemId, ItemId]
    castVote(doc, vote, { voterId: 'anne', itemId: b })
    castVote(doc, vote, { voterId: 'anne', itemId: b })
    castVote(doc, vote, { voterId: 'anne', itemId: c })
    expect(() => castVote(doc, vote, { voterId: 'anne', itemId: a })).toThrow(
      new VoteRefused('budget'),
    )
    castVote(doc, vote, { voterId: 'bram', itemId: c })
    castVote(doc, vote, { voterId: 'bram', itemId: a })
    const reading = readVotes(doc, vote, 'anne')
    expect(reading.results).toEqual([
      { id: b, count: 2 },
      { id: c, count: 2 },
      { id: a, count: 1 },
    ])
    expect(reading).toMatchObject({ mine: [b, b, c], voters: 2, problems: [] })
    expect(topVoted(reading.results, 2)).toEqual([b, c])
  })

  it('takes a dot back, and refuses votes once the vote is closed', () => {
    const { doc } = newBoard('blank')
    const [a] = threeStickies(doc) as [ItemId]
    castVote(doc, vote, { voterId: 'anne', itemId: a })
    retractVote(doc, vote, { voterId: 'anne', itemId: a })
    expect(readVotes(doc, vote).results).toEqual([])
    expect(() => retractVote(doc, vote, { voterId: 'anne', itemId: a })).toThrow(VoteRefused)
    const closed = { ...vote, closed: true }
    expect(() => castVote(doc, closed, { voterId: 'anne', itemId: a })).toThrow(
      new VoteRefused('closed'),
    )
    expect(() => castVote(doc, null, { voterId: 'anne', itemId: a })).toThrow(VoteRefused)
  })

  it('counts no more than the budget from a peer that wrote its list by hand', () => {
    const { doc } = newBoard('blank')
    const [a, b] = threeStickies(doc) as [ItemId, ItemId]
    const votes = doc.getMap('votes')
    votes.set('v1/mallory', [a, a, a, a, a, b])
    votes.set('v1/eve', 'not a list')
    votes.set('v1/x', ['sticky:gone', b])
    const reading = readVotes(doc, vote)
    expect(reading.results).toEqual([
      { id: a, count: 3 },
      { id: b, count: 1 },
    ])
    expect(reading.problems).toHaveLength(2)
  })
})

describe('kies 3', () => {
  const agreementsOf = (doc: Y.Doc) =>
    readBoard(doc).items.filter((item): item is AgreementItem => item.type === 'agreement')

  it('turns three chosen stickies into agreements in 5. Afspraken, hoe and wie to fill in', () => {
    const { doc, afspraken } = mdoBoard()
    const chosen = threeStickies(doc)
    const made = chooseActions(doc, chosen, { ids: sequentialIds('a') })
    expect(made).toHaveLength(3)
    expect(made.map((id) => itemOf(doc, id))).toMatchObject(
      ['Rust in de klas', 'Huiswerkklas', 'Vaste mentor'].map((wat, i) => ({
        type: 'agreement',
        parent: afspraken,
        wat,
        hoe: '',
        wie: '',
        status: 'open',
        source: chosen[i],
      })),
    )
    // One list: no action card beside them, and the points stay where they were.
    const items = readBoard(doc).items
    expect(items.filter((item) => item.type === 'sticky' && item.kind === 'action')).toEqual([])
    expect(chosen.map((id) => itemOf(doc, id).type)).toEqual(['sticky', 'sticky', 'sticky'])
  })

  it('adds no second agreement for a point chosen again, even after its wat was changed', () => {
    const { doc } = mdoBoard()
    const [a, b, c] = threeStickies(doc) as [ItemId, ItemId, ItemId]
    const [first] = chooseActions(doc, [a])
    setText(doc, first!, 'wat', 'Rust in de klas, elke ochtend')
    expect(transactionsDuring(doc, () => expect(chooseActions(doc, [a])).toEqual([]))).toBe(0)
    const again = chooseActions(doc, [a, b, c])
    expect(again.map((id) => itemOf(doc, id))).toMatchObject([{ source: b }, { source: c }])
    expect(agreementsOf(doc).map((x) => x.wat)).toEqual([
      'Rust in de klas, elke ochtend',
      'Huiswerkklas',
      'Vaste mentor',
    ])
  })

  it('fills the Acties box of a kies-3 sheet, and makes the list where a board has none', () => {
    const sheet = newBoard('kies-3')
    const box = readBoard(sheet.doc).items.find(
      (item) => item.type === 'box' && item.role === 'agreements',
    )
    expect(box).toMatchObject({ label: 'Acties' })
    const [made] = chooseActions(sheet.doc, [threeStickies(sheet.doc)[0]!])
    expect(itemOf(sheet.doc, made!)).toMatchObject({ parent: box!.id, wat: 'Rust in de klas' })
    // A workshop sheet without such a box gets an Acties box, a blank board 5. Afspraken, each
    // to the right of what is on the board.
    for (const [template, label, number] of [
      ['tips-tops-interessant', 'Acties', undefined],
      ['blank', 'Afspraken', 5],
    ] as const) {
      const { doc } = newBoard(template)
      const points = threeStickies(doc)
      const right = Math.max(...readBoard(doc).items.map((item) => item.x + item.w))
      chooseActions(doc, points)
      const boxes = readBoard(doc).items.filter(
        (item): item is BoxItem => item.type === 'box' && item.role === 'agreements',
      )
      expect(boxes.map((box) => [box.label, box.number])).toEqual([[label, number]])
      expect(boxes[0]!.x).toBeGreaterThan(right)
      expect(agreementsOf(doc).every((x) => x.parent === boxes[0]!.id)).toBe(true)
    }
  })

  it('keeps the hoe and wie of an action card from before editable', () => {
    const { doc } = newBoard('blank')
    const card = addSticky(doc, { kind: 'action', text: 'Huiswerkklas', x: 0, y: 0 })
    setActionFields(doc, card, { hoe: 'Elke ochtend een rustig begin', wie: 'Juf Els' })
    expect(itemOf(doc, card)).toMatchObject({
      hoe: 'Elke ochtend een rustig begin',
      wie: 'Juf Els',
    })
    const [tip] = threeStickies(doc)
    expect(() => setActionFields(doc, tip!, { wie: 'Juf Els' })).toThrow(BoardError)
  })

  it('refuses none, more than three, the same sticky twice, or what is not a sticky', () => {
    const { doc, kind } = mdoBoard()
    const [a, b, c] = threeStickies(doc) as [ItemId, ItemId, ItemId]
    const d = addSticky(doc, { kind: 'tip', x: 0, y: 300 })
    expect(() => chooseActions(doc, [])).toThrow(BoardError)
    expect(() => chooseActions(doc, [a, b, c, d])).toThrow(BoardError)
    expect(() => chooseActions(doc, [a, a])).toThrow(BoardError)
    expect(() => chooseActions(doc, [kind])).toThrow(BoardError)
  })
})
