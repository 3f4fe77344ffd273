// "Anonymous is anonymous", tried as a participant with a modified client would: a raw observer at
// the real relay records every presence client id and every client id inside each update it is
// sent. Participants connect through the client's own provider (client/src/sync/provider.ts) and
// reveal an anonymous round and close a hidden vote through shared/'s code paths; then no update
// names a presence id, the published stickies and dots share no client id with anything else,
// and nothing revealed names its author. The first test shows the observer would catch it.
import { afterEach, beforeEach, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { separatePresence, openProvider } from '../../client/src/sync/provider.ts'
import { boardProtocols } from '../../client/src/sync/links.ts'
import { encodeSyncStep1, parseFrame } from '../../server/relay/protocol.ts'
import {
  addSticky,
  clientIdsOf,
  closeVoting,
  draftStickyId,
  giveHiddenDot,
  publishDrafts,
  publishHiddenDots,
  randomIds,
  readBoard,
  readControl,
  readVotes,
  revealRound,
  startRound,
  startVoting,
  type Draft,
  type ItemId,
} from '../../shared/index.ts'
import {
  createBoard,
  startRelay,
  type CreatedBoard,
  type RunningRelay,
} from '../integration/helpers.ts'

const Polyfill = WebSocket as unknown as typeof globalThis.WebSocket

let relay: RunningRelay
const cleanups: (() => void)[] = []
beforeEach(async () => {
  relay = await startRelay()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await relay.close()
})

/** A raw socket that only listens: what any link, view included, can learn from the relay. */
function observe(room: string, token: string) {
  const presence = new Map<number, unknown>()
  const updates: Uint8Array[] = []
  const doc = new Y.Doc()
  const socket = new WebSocket(`${relay.ws}/${room}?t=${token}`)
  socket.binaryType = 'arraybuffer'
  socket.on('open', () => socket.send(encodeSyncStep1(Y.encodeStateVector(doc))))
  socket.on('message', (data: ArrayBuffer) => {
    const frame = parseFrame(new Uint8Array(data))
    if (frame.kind === 'update' || frame.kind === 'sync-step2') {
      // The whole state holds every writer at once; single updates are what can be told apart.
      if (frame.kind === 'update') updates.push(frame.update)
      Y.applyUpdate(doc, frame.update)
    } else if (frame.kind === 'awareness') {
      const decoder = decoding.createDecoder(frame.update)
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(decoder)
        decoding.readVarUint(decoder) // clock
        const state: unknown = JSON.parse(decoding.readVarString(decoder))
        if (state !== null) presence.set(clientId, state)
        else if (!presence.has(clientId)) presence.set(clientId, null)
      }
    }
  })
  cleanups.push(() => socket.close())
  const opened = new Promise((resolve) => socket.once('open', resolve))
  return { presence, updates, doc, opened }
}

/** A participant as the browser client connects: board and control room, presence apart. */
function participant(board: CreatedBoard, token: string, name: string) {
  const open = (room: string, doc: Y.Doc, user: Record<string, unknown> | null) => {
    const presence = separatePresence()
    presence.setLocalState(user)
    const provider = openProvider(relay.ws, room, doc, {
      protocols: boardProtocols(token),
      presence,
      shouldReconnect: () => false,
      WebSocketPolyfill: Polyfill,
    })
    cleanups.push(() => {
      provider.destroy()
      presence.destroy()
    })
    return { provider, presence }
  }
  const doc = new Y.Doc()
  const control = new Y.Doc()
  const user = { user: { name, role: 'ouder', color: '#0072b2' }, cursor: { x: 1, y: 2 } }
  const board1 = open(board.id, doc, user)
  const room2 = open(`${board.id}.control`, control, {})
  const synced = () => board1.provider.synced && room2.provider.synced
  return {
    name,
    doc,
    control,
    synced,
    presenceIds: [board1.presence.clientID, room2.presence.clientID],
  }
}

const idsOf = (updates: Uint8Array[]) => updates.map((update) => clientIdsOf(update))
/** The keys and values an update writes, as text (its types themselves are not integrated). */
function decodedText(update: Uint8Array): string {
  return Y.decodeUpdate(update)
    .structs.map((struct) => {
      if (!(struct instanceof Y.Item)) return ''
      const content = struct.content as { str?: string; arr?: unknown[] }
      return [struct.parentSub, content.str, JSON.stringify(content.arr ?? null)].join(' ')
    })
    .join('\n')
}
const publishes = (update: Uint8Array) => /sticky:d-|"v1\//.test(decodedText(update))

it('the observer sees it when presence is the document: the stock provider ties edits to names', async () => {
  const board = await createBoard(relay.http)
  const observer = observe(board.id, board.viewToken)
  await observer.opened
  const doc = new Y.Doc()
  const stock = new WebsocketProvider(relay.ws, board.id, doc, {
    protocols: boardProtocols(board.editToken),
    WebSocketPolyfill: Polyfill,
    disableBc: true,
  })
  cleanups.push(() => stock.destroy())
  stock.awareness.setLocalStateField('user', { name: 'Anna' })
  await expect.poll(() => stock.synced).toBe(true)
  addSticky(doc, { kind: 'tip', text: 'Zonder naam, dacht ik', x: 0, y: 0 })
  await expect.poll(() => observer.updates.length).toBeGreaterThan(0)
  await expect.poll(() => observer.presence.has(doc.clientID)).toBe(true)
  expect(idsOf(observer.updates).some((ids) => ids.has(doc.clientID))).toBe(true)
})

it('an anonymous reveal and a hidden vote name no presence id and nobody', async () => {
  const board = await createBoard(relay.http)
  const content = observe(board.id, board.viewToken)
  const room = observe(`${board.id}.control`, board.viewToken)
  await Promise.all([content.opened, room.opened])
  const lead = participant(board, board.facilitatorToken, 'Inés (voorzitter)')
  const anna = participant(board, board.editToken, 'Anna')
  const bram = participant(board, board.editToken, 'Bram')
  const people = [lead, anna, bram]
  await expect.poll(() => people.every((p) => p.synced())).toBe(true)

  // Ordinary, named work first: every participant's document id goes into updates.
  const stickies = people.map((p, i) =>
    addSticky(p.doc, { kind: 'tip', text: `idee van ${p.name}`, x: i * 200, y: 0 }),
  )
  await expect.poll(() => readBoard(content.doc).items.length).toBeGreaterThan(stickies.length)

  // An anonymous private round: drafts stay on each device, then the reveal.
  startRound(lead.control, { id: 'r1', private: true, anonymous: true, now: 1 })
  const drafts = new Map<string, Draft[]>(
    [anna, bram].map((p, i) => [
      p.name,
      [
        { id: randomIds(), round: 'r1', kind: 'minus', text: `zorg ${i}: thuis` },
        { id: randomIds(), round: 'r1', kind: 'tip', text: `tip ${i}: mentor` },
      ],
    ]),
  )
  revealRound(lead.control, 2)
  for (const p of [anna, bram]) {
    await expect.poll(() => readControl(p.control).control.revealedRounds).toContain('r1')
    publishDrafts(p.doc, drafts.get(p.name)!, { author: p.name, anonymous: true }, {})
  }
  const revealedIds = [...drafts.values()].flat().map((draft) => draftStickyId(draft.id))
  await expect
    .poll(() => revealedIds.filter((id) => content.doc.getMap('items').has(id)).length)
    .toBe(revealedIds.length)

  // A hidden vote: dots on the device until the close, then each device publishes its own.
  startVoting(lead.control, { id: 'v1', budget: 2, hidden: true })
  const onDevice = new Map<string, ItemId[]>()
  for (const p of people) {
    await expect.poll(() => readControl(p.control).control.voting?.id).toBe('v1')
    const voting = readControl(p.control).control.voting
    let dots: ItemId[] = []
    for (const target of [stickies[0]!, revealedIds[0]!]) {
      dots = giveHiddenDot(p.doc, voting, dots, target)
    }
    onDevice.set(p.name, dots)
  }
  expect(content.doc.getMap('votes').size).toBe(0)
  closeVoting(lead.control)
  for (const [i, p] of people.entries()) {
    await expect.poll(() => readControl(p.control).control.voting?.closed).toBe(true)
    const voting = readControl(p.control).control.voting!
    publishHiddenDots(p.doc, voting, { voterId: `device${i}`, dots: onDevice.get(p.name)! }, {})
  }
  const closed = { id: 'v1', budget: 2, hidden: true, closed: true }
  await expect.poll(() => readVotes(content.doc, closed).voters).toBe(3)

  // What the observer learnt.
  const presenceIds = new Set([...content.presence.keys(), ...room.presence.keys()])
  for (const p of people) for (const id of p.presenceIds) expect(presenceIds).toContain(id)
  expect([...content.presence.values()].map((s) => JSON.stringify(s)).join()).toContain('Anna')
  const all = [...content.updates, ...room.updates]
  for (const ids of idsOf(all)) for (const id of ids) expect(presenceIds.has(id)).toBe(false)

  // Each publication's client id is used by that publication only: not by a person's own edits.
  const published = content.updates.filter(publishes)
  expect(published).toHaveLength(2 + 3) // two reveals, three voters
  const ordinary = new Set(
    idsOf(content.updates.filter((u) => !publishes(u))).flatMap((s) => [...s]),
  )
  const writers = new Set(people.map((p) => p.doc.clientID))
  const seen = new Set<number>()
  for (const ids of idsOf(published)) {
    expect(ids.size).toBe(1)
    const [id] = ids
    expect(writers.has(id!)).toBe(false)
    expect(ordinary.has(id!)).toBe(false)
    expect(seen.has(id!)).toBe(false)
    seen.add(id!)
  }

  // Nothing revealed names its author.
  for (const update of published) {
    for (const p of people) expect(decodedText(update)).not.toContain(p.name.split(' ')[0])
  }
  const revealed = readBoard(content.doc).items.filter((item) => revealedIds.includes(item.id))
  expect(revealed).toHaveLength(revealedIds.length)
  for (const item of revealed) expect(item.type === 'sticky' && item.author).toBeFalsy()
  // And each was an ordinary change the relay's rules let through (none closed a socket).
  expect(relay.logs.filter((line) => /refused/.test(line))).toEqual([])
})
