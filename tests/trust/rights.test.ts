// "Nothing one link can do destroys a meeting", tried as a participant with a modified client
// would: a stock y-websocket client on an edit link that writes to its Y.Doc directly, past the
// command gate the real client has. The relay refuses each of these writes with 4422 (nothing of
// it is forwarded or stored), and the voorzitter, an honest participant, a newcomer and the
// database all keep the board without it. Each case first shows the same kind of write going
// through where the rules allow it, so a refusal is the rule's and not a broken socket's.
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeSyncStep1, encodeUpdate } from '../../server/relay/protocol.ts'
import { CLOSE } from '../../shared/closeCodes.ts'
import {
  addSticky,
  castVote,
  deleteItems,
  lockBoard,
  lockItems,
  readBoard,
  readControl,
  readVotes,
  setText,
  startVoting,
  type ItemId,
  type VotingState,
} from '../../shared/index.ts'
import {
  closeCodeOf,
  closedAfterEach,
  createBoard,
  startRelay,
  storedDoc,
  synced,
  type Client,
} from '../integration/helpers.ts'

const { relays, open } = closedAfterEach()

/** A relay, a board with one sticky, and the people at the table. */
async function meeting() {
  const r = await startRelay()
  relays.push(r)
  const board = await createBoard(r.http)
  const control = `${board.id}.control`
  const chair = {
    content: open(r.ws, board.id, board.facilitatorToken),
    control: open(r.ws, control, board.facilitatorToken),
  }
  const honest = open(r.ws, board.id, board.editToken)
  const attacker = {
    content: open(r.ws, board.id, board.editToken),
    control: open(r.ws, control, board.editToken),
  }
  await Promise.all(
    [chair.content, chair.control, honest, attacker.content, attacker.control].map(synced),
  )
  const sticky = addSticky(honest.doc, {
    kind: 'plus',
    text: 'Vaste plek vooraan werkt',
    x: 100,
    y: 100,
  })
  await expect.poll(() => textOf(attacker.content.doc, sticky)).toBe('Vaste plek vooraan werkt')

  /** What the voorzitter sets in the control room, once the attacker's copy (so the relay) has it. */
  const chairControl = async (edit: (doc: Y.Doc) => void) => {
    edit(chair.control.doc)
    const expected = JSON.stringify(readControl(chair.control.doc).control)
    await expect
      .poll(() => JSON.stringify(readControl(attacker.control.doc).control))
      .toBe(expected)
  }

  /** The attacker's socket was closed with `refused`; it goes, as its real client would reload. */
  const refused = async () => {
    await expect.poll(() => attacker.content.closes).toContain(CLOSE.refused)
    attacker.content.destroy()
  }

  /** Everyone honest, a newcomer and the stored board: the same board, `check` true for all. */
  const converged = async (check: (doc: Y.Doc) => boolean) => {
    // A write after the refused one still reaches everyone: the board is not stuck.
    const after = addSticky(chair.content.doc, { kind: 'note', text: 'daarna', x: 0, y: 0 })
    await expect.poll(() => textOf(honest.doc, after)).toBe('daarna')
    const newcomer = open(r.ws, board.id, board.viewToken)
    await synced(newcomer)
    for (const doc of [chair.content.doc, honest.doc, newcomer.doc]) expect(check(doc)).toBe(true)
    await r.relay.rooms.closeAll()
    expect(check(storedDoc(r.dataDir, board.id))).toBe(true)
  }

  return { r, board, chair, honest, attacker, sticky, chairControl, refused, converged }
}

const textOf = (doc: Y.Doc, id: ItemId) => {
  const item = readBoard(doc).items.find((found) => found.id === id)
  return item?.type === 'sticky' ? item.text : undefined
}
const itemCount = (doc: Y.Doc) => readBoard(doc).items.length
const itemMap = (client: Client, id: ItemId) =>
  client.doc.getMap<Y.Map<unknown>>('items').get(id) as Y.Map<unknown>

describe('an edit link with a modified client', () => {
  it('cannot change an item the voorzitter locked', async () => {
    const m = await meeting()
    setText(m.attacker.content.doc, m.sticky, 'text', 'Vaste plek werkt')
    await expect.poll(() => textOf(m.chair.content.doc, m.sticky)).toBe('Vaste plek werkt')

    await m.chairControl((doc) => lockItems(doc, [m.sticky], true))
    setText(m.attacker.content.doc, m.sticky, 'text', 'overschreven')
    await m.refused()
    await m.converged((doc) => textOf(doc, m.sticky) === 'Vaste plek werkt')
  })

  it('cannot delete every item of a locked board', async () => {
    const m = await meeting()
    const before = itemCount(m.chair.content.doc)
    await m.chairControl((doc) => lockBoard(doc, true))
    const all = readBoard(m.attacker.content.doc).items.map((item) => item.id)
    deleteItems(m.attacker.content.doc, all)
    await m.refused()
    // The voorzitter's own sticky comes on top of what was there.
    await m.converged((doc) => itemCount(doc) === before + 1)
  })

  it('cannot forge the author of a sticky that is on the board', async () => {
    const m = await meeting()
    const authorOf = (doc: Y.Doc) => {
      const item = readBoard(doc).items.find((found) => found.id === m.sticky)
      return item?.type === 'sticky' ? item.author : undefined
    }
    // The voorzitter may name who said it (as a revealed draft names its writer).
    itemMap(m.chair.content, m.sticky).set('author', 'Marieke')
    await expect.poll(() => authorOf(m.attacker.content.doc)).toBe('Marieke')
    itemMap(m.attacker.content, m.sticky).set('author', 'Anna (voorzitter)')
    await m.refused()
    await m.converged((doc) => authorOf(doc) === 'Marieke')
  })

  it('cannot write into a map the schema does not know (the board is not bricked)', async () => {
    const m = await meeting()
    m.attacker.content.doc.getMap('junk').set('x', 'x'.repeat(1024 * 1024))
    await m.refused()
    await m.converged((doc) => !doc.share.has('junk') || doc.getMap('junk').size === 0)
  })

  describe('in an open vote with a budget of 3', () => {
    const voting: VotingState = { id: 'stem1', budget: 3, hidden: false, closed: false }
    const dotsOn = (doc: Y.Doc, id: ItemId) =>
      readVotes(doc, voting).results.find((result) => result.id === id)?.count ?? 0

    it('cannot rewrite another participant’s dots', async () => {
      const m = await meeting()
      await m.chairControl((doc) => startVoting(doc, voting))
      castVote(m.honest.doc, voting, { voterId: 'eerlijk', itemId: m.sticky })
      castVote(m.attacker.content.doc, voting, { voterId: 'aanvaller', itemId: m.sticky })
      await expect.poll(() => dotsOn(m.chair.content.doc, m.sticky)).toBe(2)

      m.attacker.content.doc.getMap('votes').set(`${voting.id}/eerlijk`, [])
      await m.refused()
      await m.converged((doc) => dotsOn(doc, m.sticky) === 2)
    })

    it('cannot give dots under made-up voter ids, nor more than the budget', async () => {
      const m = await meeting()
      await m.chairControl((doc) => startVoting(doc, voting))
      const votes = m.attacker.content.doc.getMap('votes')
      votes.set(`${voting.id}/nep0`, [m.sticky])
      await expect.poll(() => dotsOn(m.chair.content.doc, m.sticky)).toBe(1)
      m.attacker.content.doc.transact(() => {
        for (let i = 1; i < 10; i++) votes.set(`${voting.id}/nep${i}`, [m.sticky])
      })
      await m.refused()
      await m.converged((doc) => dotsOn(doc, m.sticky) === 1)
    })

    it('cannot give one sticky more dots than the budget', async () => {
      const m = await meeting()
      await m.chairControl((doc) => startVoting(doc, voting))
      const dots = Array.from({ length: 32 }, () => m.sticky)
      m.attacker.content.doc.getMap('votes').set(`${voting.id}/aanvaller`, dots)
      await m.refused()
      await m.converged((doc) => dotsOn(doc, m.sticky) === 0)
    })
  })

  it('cannot pass on a frame whose update does not apply: it reaches no one', async () => {
    const m = await meeting()
    const seen: Uint8Array[] = []
    m.honest.doc.on('update', (update: Uint8Array) => seen.push(update))
    const scratch = new Y.Doc()
    scratch.getMap('items').set('sticky:kapot', new Y.Map())
    const whole = Y.encodeStateAsUpdate(scratch)
    const broken = whole.slice(0, Math.ceil(whole.length / 2))
    const code = await closeCodeOf(`${m.r.ws}/${m.board.id}?t=${m.board.editToken}`, (socket) => {
      socket.send(encodeSyncStep1(new Uint8Array([0])))
      socket.send(encodeUpdate(broken))
    })
    expect([CLOSE.refused, CLOSE.badMessage]).toContain(code)
    await m.converged((doc) => readBoard(doc).items.every((item) => item.id !== 'sticky:kapot'))
    // Only the voorzitter's sticky came in meanwhile.
    expect(seen).toHaveLength(1)
  })

  it('holds an edit that overtook what it builds on until that arrives, then passes both on', async () => {
    const m = await meeting()
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(m.honest.doc))
    const made: Uint8Array[] = []
    offline.on('update', (update: Uint8Array) => made.push(update))
    const first = addSticky(offline, { kind: 'note', text: 'eerst', x: 0, y: 0 })
    setText(offline, first, 'text', 'eerst, daarna aangevuld')
    const [before, after] = made as [Uint8Array, Uint8Array]
    const socket = new WebSocket(`${m.r.ws}/${m.board.id}?t=${m.board.editToken}`)
    await new Promise((resolve) => socket.once('open', resolve))
    socket.send(encodeSyncStep1(Y.encodeStateVector(offline)))
    socket.send(encodeUpdate(after))
    socket.send(encodeUpdate(before))
    await expect.poll(() => textOf(m.honest.doc, first)).toBe('eerst, daarna aangevuld')
    socket.close()
    await m.converged((doc) => textOf(doc, first) === 'eerst, daarna aangevuld')
  })
})
