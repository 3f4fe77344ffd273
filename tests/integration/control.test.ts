// The control room at the relay: a participant's (edit link) or viewer's writes to the control
// doc through the real commands are dropped by the server, so neither the facilitator, nor a
// newcomer, nor the database ever sees them; the facilitator's writes reach everyone and persist.
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_CONTROL,
  endMeeting,
  lockBoard,
  readControl,
  revealRound,
  setFollowMe,
  setStep,
  startRound,
  startTimer,
  startVoting,
} from '../../shared/index.ts'
import {
  type Client,
  type RunningRelay,
  connect,
  createBoard,
  startRelay,
  storedDoc,
  synced,
} from './helpers.ts'

const NOW = Date.UTC(2026, 2, 3, 14, 0)

let relays: RunningRelay[] = []
let clients: Client[] = []
const open = (...args: Parameters<typeof connect>) => {
  const client = connect(...args)
  clients.push(client)
  return client
}
afterEach(async () => {
  for (const client of clients) client.destroy()
  clients = []
  for (const relay of relays) await relay.close()
  relays = []
})

describe('the control room', () => {
  it('drops step, timer, round, vote, lock and end-of-meeting writes from edit and view links', async () => {
    const r = await startRelay()
    relays.push(r)
    const board = await createBoard(r.http)
    const room = `${board.id}.control`
    const facilitator = open(r.ws, room, board.facilitatorToken)
    const editor = open(r.ws, room, board.editToken)
    const viewer = open(r.ws, room, board.viewToken)
    await Promise.all([synced(facilitator), synced(editor), synced(viewer)])

    // The facilitator opens a private round; everyone sees it.
    startRound(facilitator.doc, { id: 'ik1', private: true, now: NOW })
    await expect.poll(() => readControl(editor.doc).control.round?.id).toBe('ik1')

    // A participant tries to take over: every write goes through the real commands.
    setStep(editor.doc, 'afronding')
    startTimer(editor.doc, { durationMs: 60_000, now: NOW })
    revealRound(editor.doc, NOW)
    startVoting(editor.doc, { id: 'v1', budget: 20, hidden: false })
    lockBoard(editor.doc, true)
    setFollowMe(editor.doc, true, { minX: 0, minY: 0, maxX: 10, maxY: 10 })
    endMeeting(editor.doc, NOW)
    lockBoard(viewer.doc, true)
    await expect.poll(() => r.relay.metrics.messagesDropped).toBeGreaterThanOrEqual(8)

    // The facilitator's next write arrives; the participant's never do.
    setStep(facilitator.doc, 'inzicht')
    await expect.poll(() => readControl(viewer.doc).control.step).toBe('inzicht')
    const expected = {
      ...DEFAULT_CONTROL,
      step: 'inzicht',
      round: {
        id: 'ik1',
        private: true,
        anonymous: false,
        phase: 'writing',
        startedAt: NOW,
        revealedAt: null,
      },
    }
    expect(readControl(facilitator.doc)).toEqual({ control: expected, problems: [] })

    // A newcomer on the edit link gets the relay's state, not the dropped writes.
    const newcomer = open(r.ws, room, board.editToken)
    await synced(newcomer)
    await expect.poll(() => readControl(newcomer.doc).control.step).toBe('inzicht')
    expect(readControl(newcomer.doc).control).toEqual(expected)

    // And the database holds only the facilitator's writes.
    await r.relay.rooms.closeAll()
    expect(readControl(storedDoc(r.dataDir, board.id, 'control')).control).toEqual(expected)
  })
})
