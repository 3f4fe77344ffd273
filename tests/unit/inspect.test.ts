// The relay's update inspector and rights check on their own: what an update would change, read
// before it is applied, and which of those changes a link may make. No sockets: a relay's doc and
// a peer's copy of it, and the updates the peer's commands make.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addCircle,
  addSticky,
  DEFAULT_CONTROL,
  deleteItems,
  itemsMap,
  moveItems,
  publishDrafts,
  setParent,
  setText,
  type ControlState,
  type ItemId,
} from '../../shared/index.ts'
import { UpdateInspector, type Change, type Inspection } from '../../server/relay/inspect.ts'
import { refusal, VoterClaims } from '../../server/relay/rights.ts'
import type { Role } from '../../server/store/types.ts'
import { newBoard } from './helpers/board.ts'

/** The relay's doc, and how a peer's change to a copy of it looks to the relay. */
function setup() {
  const { doc: relay } = newBoard('mdo')
  const sticky = addSticky(relay, { kind: 'plus', text: 'Sam leest graag', x: 0, y: 0 })
  const inspector = new UpdateInspector(relay)
  const copy = () => {
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(relay))
    return peer
  }
  /** The update `change` makes on a fresh copy, inspected against the relay's doc. */
  const inspect = (change: (doc: Y.Doc) => void) => {
    const peer = copy()
    const updates: Uint8Array[] = []
    peer.on('update', (update: Uint8Array) => updates.push(update))
    change(peer)
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
    return { peer, update, result: inspector.inspect(update) }
  }
  return { relay, sticky, copy, inspect }
}

function changesOf(result: Inspection): Change[] {
  if (!result.ok) throw new Error(`refused by the inspector: ${result.reason}`)
  return result.changes
}

const where = (changes: Change[]) =>
  changes.map(({ place, removal }) =>
    [place.root, place.key, place.field, place.depth, removal ? 'removed' : 'written'].join(' '),
  )

describe('the update inspector', () => {
  it('places letters typed in a sticky in its text field, found through their left neighbour', () => {
    const { sticky, inspect } = setup()
    const { result } = inspect((doc) => setText(doc, sticky, 'text', 'Sam leest graag strips'))
    const changes = changesOf(result)
    expect(where(changes)).toEqual([`items ${sticky} text 3 written`])
    expect(changes[0]!.place).toMatchObject({ inText: true, fresh: false })
  })

  it('places a move in x and y, with the values it replaces as removals', () => {
    const { sticky, inspect } = setup()
    const { result } = inspect((doc) => moveItems(doc, [sticky], 5, 5))
    expect(where(changesOf(result)).sort()).toEqual(
      [
        `items ${sticky} x 2 removed`,
        `items ${sticky} x 2 written`,
        `items ${sticky} y 2 removed`,
        `items ${sticky} y 2 written`,
      ].sort(),
    )
  })

  it('marks a new item and everything inside it as made by the update', () => {
    const { inspect } = setup()
    let id = '' as ItemId
    const { result } = inspect((doc) => {
      id = addSticky(doc, { kind: 'minus', text: 'Moe na de pauze', x: 10, y: 10 })
    })
    const changes = changesOf(result)
    expect(changes.every((change) => change.place.key === id)).toBe(true)
    expect(changes.filter((change) => change.place.depth === 1)).toHaveLength(1)
    expect(changes.filter((change) => change.place.depth >= 2).every((c) => c.place.fresh)).toBe(
      true,
    )
    expect(where(changes)).toContain(`items ${id} text 3 written`)
  })

  it('follows neighbours made earlier in the same update (edits merged offline)', () => {
    const { sticky, inspect } = setup()
    const { result } = inspect((doc) => {
      setText(doc, sticky, 'text', 'Sam leest graag!')
      setText(doc, sticky, 'text', 'Sam leest graag!!')
      moveItems(doc, [sticky], 1, 0)
      moveItems(doc, [sticky], 1, 0)
    })
    const changes = changesOf(result)
    expect(new Set(changes.map((change) => change.place.key))).toEqual(new Set([sticky]))
    expect(new Set(changes.map((change) => change.place.field))).toEqual(new Set(['text', 'x']))
  })

  it('reads a deletion as the items it removes, and a restated delete set as nothing', () => {
    const { relay, sticky, inspect } = setup()
    const { peer, update, result } = inspect((doc) => deleteItems(doc, [sticky]))
    expect(result).toMatchObject({ ok: true, newStructs: 0 })
    const changes = changesOf(result)
    expect(changes.length).toBeGreaterThan(1)
    expect(changes.every((change) => change.removal && change.place.key === sticky)).toBe(true)
    Y.applyUpdate(relay, update)
    // What a reconnecting peer sends: nothing new, and every deletion the board ever had.
    const restated = Y.encodeStateAsUpdate(peer, Y.encodeStateVector(relay))
    expect(new UpdateInspector(relay).inspect(restated)).toMatchObject({
      ok: true,
      newStructs: 0,
      removals: 0,
      changes: [],
    })
  })

  it('refuses what builds on changes the relay lacks, and bytes that are no update', () => {
    const { relay, sticky, copy } = setup()
    const peer = copy()
    setText(peer, sticky, 'text', 'eerst dit')
    const later: Uint8Array[] = []
    peer.on('update', (update: Uint8Array) => later.push(update))
    setText(peer, sticky, 'text', 'eerst dit, dan dat')
    deleteItems(peer, [sticky])
    const inspector = new UpdateInspector(relay)
    expect(inspector.inspect(later[0]!)).toMatchObject({ ok: false })
    expect(inspector.inspect(later[1]!)).toMatchObject({ ok: false })
    expect(inspector.inspect(new Uint8Array([1, 2, 3, 250, 250, 250]))).toMatchObject({
      ok: false,
    })
  })

  it('names roots and fields as a hostile peer writes them', () => {
    const { sticky, inspect } = setup()
    const { result } = inspect((doc) => {
      doc.getMap('stash').set('x', 'y'.repeat(100))
      ;(itemsMap(doc).get(sticky) as Y.Map<unknown>).set('secret', 1)
    })
    expect(where(changesOf(result)).sort()).toEqual(
      ['stash x  1 written', `items ${sticky} secret 2 written`].sort(),
    )
  })
})

describe('the rights check', () => {
  const locked = (ids: ItemId[], extra: Partial<ControlState> = {}): ControlState => ({
    ...DEFAULT_CONTROL,
    lockedItems: ids,
    ...extra,
  })

  function judge(
    relay: Y.Doc,
    result: Inspection,
    role: Role,
    control: ControlState = DEFAULT_CONTROL,
    claims = new VoterClaims<object>(() => true),
    peer: object = {},
  ) {
    return refusal(changesOf(result), {
      role,
      control,
      items: itemsMap(relay),
      claimVoter: (votingId, voterId) => claims.claim(peer, votingId, voterId),
    })
  }

  it('lets a participant type, move and add, and refuses a locked item or what it holds', () => {
    const { relay, sticky, inspect } = setup()
    const typing = inspect((doc) => setText(doc, sticky, 'text', 'Sam leest graag!')).result
    expect(judge(relay, typing, 'edit')).toBeNull()
    expect(judge(relay, typing, 'edit', locked([sticky]))).toMatch(/locked/)
    expect(judge(relay, typing, 'facilitator', locked([sticky]))).toBeNull()
    expect(judge(relay, typing, 'edit', locked([], { boardLocked: true }))).toMatch(/locked/)
  })

  it('holds an item in a locked circle, and one moved into it', () => {
    const { relay, sticky, inspect } = setup()
    const circle = addCircle(relay, { role: 'kind', cx: 500, cy: 500, r: 200 })
    const { result } = inspect((doc) => setParent(doc, sticky, circle))
    expect(judge(relay, result, 'edit', locked([circle]))).toMatch(/locked/)
    expect(judge(relay, result, 'edit', locked([]))).toBeNull()
  })

  it('refuses a forged author on an existing sticky, not on a revealed draft', () => {
    const { relay, sticky, inspect } = setup()
    const forged = inspect((doc) =>
      (itemsMap(doc).get(sticky) as Y.Map<unknown>).set('author', 'Anna (voorzitter)'),
    ).result
    expect(judge(relay, forged, 'edit')).toMatch(/forged author/)
    const draft = { id: 'draft0001', round: 'r1', kind: 'plus' as const, text: 'Mijn punt' }
    const revealed = inspect((doc) => publishDrafts(doc, [draft], { author: 'Karin' })).result
    const afterReveal = locked([], { boardLocked: true, revealedRounds: ['r1'] })
    expect(judge(relay, revealed, 'edit', afterReveal)).toBeNull()
    expect(judge(relay, revealed, 'edit', locked([], { boardLocked: true }))).toMatch(/locked/)
  })

  it('refuses roots and fields the schema does not know, also from the voorzitter', () => {
    const { relay, sticky, inspect } = setup()
    const root = inspect((doc) => doc.getArray('notes').push(['x'])).result
    expect(judge(relay, root, 'facilitator')).toMatch(/unknown root type "notes"/)
    const field = inspect((doc) =>
      (itemsMap(doc).get(sticky) as Y.Map<unknown>).set('role', 'kind'),
    ).result
    expect(judge(relay, field, 'edit')).toMatch(/unknown field "role"/)
    const nested = inspect((doc) =>
      (itemsMap(doc).get(sticky) as Y.Map<unknown>).set('kind', new Y.Map()),
    ).result
    expect(judge(relay, nested, 'edit')).toMatch(/no such content/)
  })

  it('takes dots of one voter per connection, within the budget, while the vote takes them', () => {
    const { relay, sticky, inspect } = setup()
    const open = locked([], { voting: { id: 'v1', budget: 2, hidden: false, closed: false } })
    const dots = (voter: string, list: unknown[]) =>
      inspect((doc) => doc.getMap('votes').set(`v1/${voter}`, list)).result
    const claims = new VoterClaims<object>(() => true)
    const mine = {}
    expect(judge(relay, dots('device-a', [sticky]), 'edit', open, claims, mine)).toBeNull()
    expect(judge(relay, dots('device-b', [sticky]), 'edit', open, claims, mine)).toMatch(
      /another voter/,
    )
    expect(judge(relay, dots('device-a', [sticky]), 'edit', open, claims, {})).toMatch(
      /another voter/,
    )
    expect(
      judge(relay, dots('device-a', [sticky, sticky, sticky]), 'edit', open, claims, mine),
    ).toMatch(/budget/)
    const hiddenOpen = locked([], { voting: { id: 'v1', budget: 2, hidden: true, closed: false } })
    expect(judge(relay, dots('device-c', [sticky]), 'edit', hiddenOpen)).toMatch(/does not take/)
    const hiddenClosed = { ...hiddenOpen, voting: { ...hiddenOpen.voting!, closed: true } }
    expect(judge(relay, dots('device-c', [sticky]), 'edit', hiddenClosed)).toBeNull()
  })
})
