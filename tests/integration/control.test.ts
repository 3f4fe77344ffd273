// The control room at the relay: a participant's (edit link) or viewer's writes to the control
// doc through the real commands are dropped by the server, so neither the facilitator, nor a
// newcomer, nor the database ever sees them; the facilitator's writes reach everyone and persist.
// Once the meeting has ended, the relay also drops edit links' writes to the content doc.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_CONTROL,
  endMeeting,
  lockBoard,
  readAttendance,
  readControl,
  recordPresence,
  revealRound,
  setFollowMe,
  setNextMeeting,
  setStep,
  startRound,
  startTimer,
  startVoting,
} from '../../shared/index.ts'
import {
  connect,
  createBoard,
  startRelay,
  storedDoc,
  synced,
  tempDir,
  closedAfterEach,
} from './helpers.ts'
import { notesOf } from './notes.ts'

const NOW = Date.UTC(2026, 2, 3, 14, 0)

const { relays, open } = closedAfterEach()

describe('the control room', () => {
  it('drops step, timer, round, vote, lock, next-meeting, attendance and end writes from edit and view links', async () => {
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
    setNextMeeting(editor.doc, '2027-01-12')
    // Nor does a participant write who was there: only the facilitator's device records that.
    recordPresence(editor.doc, [{ seat: 'seat-made-up-1', role: 'ouder', name: 'Nep' }], NOW)
    endMeeting(editor.doc, NOW)
    lockBoard(viewer.doc, true)
    await expect.poll(() => r.relay.metrics.messagesDropped).toBeGreaterThanOrEqual(10)

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
    expect(readAttendance(newcomer.doc).attendees).toEqual([])

    // And the database holds only the facilitator's writes.
    await r.relay.rooms.closeAll()
    const stored = storedDoc(r.dataDir, board.id, 'control')
    expect(readControl(stored).control).toEqual(expected)
    expect(readAttendance(stored).attendees).toEqual([])
  })
})

describe('the end of the meeting at the relay', () => {
  it('drops edit-link writes to the content doc once the facilitator ended the meeting', async () => {
    const r = await startRelay()
    relays.push(r)
    const board = await createBoard(r.http)
    const facilitatorControl = open(r.ws, `${board.id}.control`, board.facilitatorToken)
    const editor = open(r.ws, board.id, board.editToken)
    const editorControl = open(r.ws, `${board.id}.control`, board.editToken)
    const facilitator = open(r.ws, board.id, board.facilitatorToken)
    await Promise.all(
      [facilitatorControl, editor, editorControl, facilitator].map((client) => synced(client)),
    )
    const notes = (doc: typeof editor.doc) => notesOf(doc).toArray()

    notesOf(editor.doc).push(['tijdens het overleg'])
    await expect.poll(() => notes(facilitator.doc)).toEqual(['tijdens het overleg'])

    // The editor's own copy of the control room: the relay forwards the end only after it took note.
    endMeeting(facilitatorControl.doc, NOW)
    await expect.poll(() => readControl(editorControl.doc).control.ended).toBe(true)
    const dropped = r.relay.metrics.messagesDropped
    notesOf(editor.doc).push(['na afloop'])
    await expect.poll(() => r.relay.metrics.messagesDropped).toBeGreaterThan(dropped)
    notesOf(facilitator.doc).push(['verslag van de voorzitter'])
    await expect.poll(() => notes(editor.doc)).toContain('verslag van de voorzitter')
    expect(notes(facilitator.doc)).not.toContain('na afloop')

    await r.relay.rooms.closeAll()
    expect(notesOf(storedDoc(r.dataDir, board.id)).toArray()).toEqual([
      'tijdens het overleg',
      'verslag van de voorzitter',
    ])
  })

  it('knows an ended meeting after a restart, before anyone opens the control room', async () => {
    const dataDir = tempDir()
    const first = await startRelay(dataDir)
    const board = await createBoard(first.http)
    const control = connect(first.ws, `${board.id}.control`, board.facilitatorToken)
    await synced(control)
    endMeeting(control.doc, NOW)
    await expect.poll(() => first.relay.metrics.messagesIn).toBeGreaterThan(0)
    control.destroy()
    await first.close()

    const second = await startRelay(dataDir)
    relays.push(second)
    const editor = open(second.ws, board.id, board.editToken)
    await synced(editor)
    notesOf(editor.doc).push(['te laat'])
    await expect.poll(() => second.relay.metrics.messagesDropped).toBeGreaterThan(0)
    await second.relay.rooms.closeAll()
    expect(notesOf(storedDoc(dataDir, board.id)).toArray()).toEqual([])
  })
})
