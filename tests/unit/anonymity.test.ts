// Anonymous publication: an anonymous round's drafts and a hidden vote's dots reach the board in
// an update that names no client id this device writes with, and carry no name; a hidden vote's
// dots stay off the board until the vote is closed.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addSticky,
  castVote,
  clientIdsOf,
  deleteItems,
  draftStickyId,
  giveHiddenDot,
  publishDrafts,
  publishHiddenDots,
  readVotes,
  retractVote,
  setText,
  transactAnonymously,
  voterIdFor,
  VoteRefused,
  withoutDot,
  type Draft,
  type ItemId,
  type VotingState,
} from '../../shared/index.ts'
import { itemOf, mdoBoard, newBoard, sequentialIds } from './helpers/board.ts'

/** Every update `doc` emits while `run` runs: what the provider would send. */
function updatesDuring(doc: Y.Doc, run: () => unknown): Uint8Array[] {
  const sent: Uint8Array[] = []
  const onUpdate = (update: Uint8Array) => sent.push(update)
  doc.on('update', onUpdate)
  try {
    run()
  } finally {
    doc.off('update', onUpdate)
  }
  return sent
}

const idsIn = (updates: Uint8Array[]) => new Set(updates.flatMap((u) => [...clientIdsOf(u)]))

describe('transactAnonymously', () => {
  it("applies the change under a fresh client id and names none of the board's writers", () => {
    const { doc } = newBoard('mdo')
    const ids = sequentialIds('s')
    // Some history: text typed and deleted, an item deleted, all by this device.
    const sticky = addSticky(doc, { kind: 'tip', text: 'eerst zo', x: 0, y: 0, ids })
    setText(doc, sticky, 'text', 'toch anders')
    deleteItems(doc, [addSticky(doc, { kind: 'plus', text: 'weg', x: 0, y: 0, ids })])
    const origin = { test: true }
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))

    let made: number | undefined
    const sent = updatesDuring(doc, () => {
      made = transactAnonymously(
        doc,
        (scratch) => {
          scratch.getMap('votes').set('v1/voter', [sticky])
          return scratch.clientID
        },
        origin,
      )
    })

    expect(sent).toHaveLength(1)
    expect(idsIn(sent)).toEqual(new Set([made]))
    expect(made).not.toBe(doc.clientID)
    expect(doc.getMap('votes').get('v1/voter')).toEqual([sticky])
    expect(origins).toEqual([origin])
  })

  it('takes a new id every time, and another one when the board holds the one asked for', () => {
    const { doc } = newBoard('blank')
    const first = transactAnonymously(doc, (s) => (s.getMap('votes').set('a', [1]), s.clientID))
    const second = transactAnonymously(doc, (s) => (s.getMap('votes').set('b', [1]), s.clientID))
    expect(first).not.toBe(second)
    const reused = transactAnonymously(
      doc,
      (s) => (s.getMap('votes').set('c', [1]), s.clientID),
      undefined,
      first,
    )
    expect(reused).not.toBe(first)
    expect(reused).not.toBe(doc.clientID)
  })

  it('sends nothing when the change writes nothing', () => {
    const { doc } = newBoard('blank')
    expect(updatesDuring(doc, () => transactAnonymously(doc, () => 'niets'))).toEqual([])
  })
})

describe('an anonymous reveal', () => {
  const drafts: Draft[] = [
    { id: 'anonDraft0001', round: 'r1', kind: 'minus', text: 'Zorgen over thuis' },
    { id: 'anonDraft0002', round: 'r1', kind: 'tip', text: 'Vaste mentor' },
  ]

  it("puts the drafts on the board without a name, in an update without the author's id", () => {
    const { doc, kind } = mdoBoard()
    const withParent = [{ ...drafts[0]!, parent: kind }, drafts[1]!]
    const sent = updatesDuring(doc, () =>
      publishDrafts(doc, withParent, { author: 'Anna', anonymous: true }),
    )
    expect(sent).toHaveLength(1)
    expect(idsIn(sent).has(doc.clientID)).toBe(false)
    const revealed = drafts.map((draft) => itemOf(doc, draftStickyId(draft.id)))
    expect(revealed.map((item) => item.type === 'sticky' && item.author)).toEqual([
      undefined,
      undefined,
    ])
    expect(JSON.stringify(Y.decodeUpdate(sent[0]!))).not.toContain('Anna')
    expect(itemOf(doc, draftStickyId(drafts[0]!.id))).toMatchObject({ parent: kind })
    // Published again (a reload, a second tab): nothing new, nothing sent.
    expect(updatesDuring(doc, () => publishDrafts(doc, drafts, { anonymous: true }))).toEqual([])
  })

  it('still names the author, from the device, in a round that was not anonymous', () => {
    const { doc } = newBoard('blank')
    const sent = updatesDuring(doc, () => publishDrafts(doc, drafts, { author: 'Anna' }))
    expect(idsIn(sent)).toEqual(new Set([doc.clientID]))
    expect(itemOf(doc, draftStickyId(drafts[0]!.id))).toMatchObject({ author: 'Anna' })
  })
})

describe('a hidden vote', () => {
  const hidden: VotingState = { id: 'v1', budget: 2, hidden: true, closed: false }
  const closed: VotingState = { ...hidden, closed: true }

  function board() {
    const { doc } = newBoard('blank')
    const ids = sequentialIds('s')
    const stickies = ['Rust', 'Mentor', 'Huiswerk'].map((text, i) =>
      addSticky(doc, { kind: 'tip', text, x: i * 200, y: 0, ids }),
    ) as [ItemId, ItemId, ItemId]
    return { doc, stickies }
  }

  it('keeps dots off the board while open, within the budget, on the device', () => {
    const { doc, stickies } = board()
    const [a, b, c] = stickies
    expect(() => castVote(doc, hidden, { voterId: 'dev1', itemId: a })).toThrow(
      new VoteRefused('hidden'),
    )
    expect(() => retractVote(doc, hidden, { voterId: 'dev1', itemId: a })).toThrow(
      new VoteRefused('hidden'),
    )
    let mine = giveHiddenDot(doc, hidden, [], a)
    mine = giveHiddenDot(doc, hidden, mine, a)
    expect(() => giveHiddenDot(doc, hidden, mine, b)).toThrow(new VoteRefused('budget'))
    mine = withoutDot(mine, hidden, a)
    mine = giveHiddenDot(doc, hidden, mine, c)
    expect(mine).toEqual([a, c])
    expect(() => giveHiddenDot(doc, closed, mine, b)).toThrow(new VoteRefused('closed'))
    expect(() => giveHiddenDot(doc, hidden, mine, 'sticky:weg' as ItemId)).toThrow()
    expect(doc.getMap('votes').size).toBe(0)
    expect(() => publishHiddenDots(doc, hidden, { voterId: 'dev1', dots: mine })).toThrow()
  })

  it("publishes each device's dots once after the close, from ids no device writes with", () => {
    const { doc, stickies } = board()
    const [a, b, c] = stickies
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    deleteItems(doc, [c])
    const sent = updatesDuring(doc, () => {
      expect(publishHiddenDots(doc, closed, { voterId: 'dev1', dots: [a, c, b, a] })).toBe(2)
      expect(publishHiddenDots(doc, closed, { voterId: 'dev2', dots: [a] })).toBe(1)
      expect(publishHiddenDots(doc, closed, { voterId: 'dev3', dots: [] })).toBe(0)
      // A second tab of the same device, or a reload after publishing: nothing twice.
      expect(publishHiddenDots(doc, closed, { voterId: 'dev1', dots: [b] })).toBe(0)
    })
    expect(sent).toHaveLength(2)
    const [first, second] = sent.map((update) => [...clientIdsOf(update)])
    expect(first).toHaveLength(1)
    expect(second).toHaveLength(1)
    expect(first![0]).not.toBe(second![0])
    expect(idsIn(sent).has(doc.clientID)).toBe(false)
    expect(idsIn(sent).has(peer.clientID)).toBe(false)
    // The deleted sticky's dot is left out; the list is cut at the budget.
    expect(doc.getMap('votes').get('v1/dev1')).toEqual([a, b])
    expect(readVotes(doc, closed).results).toEqual([
      { id: a, count: 2 },
      { id: b, count: 1 },
    ])
  })
})

describe('voterIdFor', () => {
  it('gives a device one voter id per vote, that the next vote cannot be tied to', () => {
    const { doc } = newBoard('blank')
    const sticky = addSticky(doc, { kind: 'tip', text: 'x', x: 0, y: 0 })
    const secret = 'deviceSecret01'
    const first = voterIdFor(secret, 'v1')
    expect(voterIdFor(secret, 'v1')).toBe(first)
    expect(voterIdFor(secret, 'v2')).not.toBe(first)
    expect(voterIdFor('otherDevice02', 'v1')).not.toBe(first)
    expect(first).not.toContain(secret)
    const open: VotingState = { id: 'v1', budget: 1, hidden: false, closed: false }
    castVote(doc, open, { voterId: first, itemId: sticky })
    expect(readVotes(doc, open, first).mine).toEqual([sticky])
  })
})
