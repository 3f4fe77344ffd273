// The facilitator's device recording who is on the board (client/src/sync/attendance.ts): two
// presences on one awareness, as the relay would bring them, written into a control doc; nothing
// is written while the control copy is not in sync, nor for a cursor that moved.
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { readAttendance, readControl } from '../../../shared/index.ts'
import { recordAttendance, seenIn } from '../../../client/src/sync/attendance.ts'
import type { ControlSession } from '../../../client/src/sync/controlSession.ts'

/** The control room as the board page has it, in sync or not, without a socket. */
function controlRoom(live: boolean) {
  const doc = new Y.Doc()
  const listeners = new Set<() => void>()
  const session = {
    doc,
    origin: {},
    live: () => live,
    state: () => readControl(doc).control,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onEnd: () => () => {},
    destroy: () => doc.destroy(),
  } satisfies ControlSession
  const goLive = () => {
    live = true
    for (const listener of listeners) listener()
  }
  return { session, goLive }
}

/** Someone else's presence arriving on the facilitator's awareness. */
function arrive(awareness: Awareness, state: Record<string, unknown>): Awareness {
  const peer = new Awareness(new Y.Doc())
  peer.setLocalState(state)
  applyAwarenessUpdate(awareness, encodeAwarenessUpdate(peer, [peer.clientID]), 'relay')
  return peer
}

describe('recordAttendance', () => {
  it('writes who it sees once the control copy is in sync, and not again for a cursor', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ seat: 'seat-voorzitter', user: { name: 'Anne', role: 'ib' } })
    arrive(awareness, { seat: 'seat-parent-01', user: { name: '', role: 'ouder' }, cursor: null })
    // No seat (an older client) or no user yet (the join dialog): not someone to record.
    arrive(awareness, { user: { name: 'Oud', role: 'ouder' } })
    arrive(awareness, { seat: 'seat-joining-1', user: null })
    expect(seenIn(awareness).map((seen) => seen.role)).toEqual(['ib', 'ouder'])

    const { session, goLive } = controlRoom(false)
    let writes = 0
    session.doc.on('update', () => writes++)
    const stop = recordAttendance(awareness, session)
    expect(writes).toBe(0)
    goLive()
    const recorded = readAttendance(session.doc).attendees.map((a) => [a.role, a.name])
    expect(recorded.sort()).toEqual([
      ['ib', 'Anne'],
      ['ouder', undefined],
    ])
    awareness.setLocalStateField('cursor', { x: 10, y: 20 })
    expect(writes).toBe(1)
    stop()
    arrive(awareness, { seat: 'seat-teacher-1', user: { name: 'Marieke', role: 'leerkracht' } })
    expect(readAttendance(session.doc).attendees).toHaveLength(2)
  })
})
