// Who was at the meeting, recorded as it happens: every device shows a seat id in its presence,
// and the facilitator's device, the only one whose control writes the relay keeps, writes down
// each seat it sees with its role (and the name only where the person chose to show one). Someone
// who comes and goes while the facilitator's device is offline is not seen, so not recorded: the
// facilitator adds them by hand in the export dialog (docs/export.md).
import type { Awareness } from 'y-protocols/awareness'
import { isSeatId, randomIds, recordPresence, type Seen } from '../../../shared/index.ts'
import type { ControlSession } from './controlSession.ts'

/**
 * This device's seat at the board, kept across reloads so one person is recorded once. It is its
 * own random id, never the voter id: a seat is tied to a name, a voter id to dots.
 */
export function deviceSeat(boardId: string): string {
  const key = `mdo-seat-${boardId}`
  try {
    const known = localStorage.getItem(key)
    if (isSeatId(known)) return known
    const fresh = randomIds()
    localStorage.setItem(key, fresh)
    return fresh
  } catch {
    return randomIds() // storage blocked: a reload is then recorded as someone new
  }
}

/** The people in a presence, each with a seat and a role; the rest is skipped. */
export function seenIn(awareness: Awareness): Seen[] {
  return [...awareness.getStates().values()].flatMap((state) => {
    const { seat, user } = state as { seat?: unknown; user?: { name?: unknown; role?: unknown } }
    if (!isSeatId(seat) || typeof user?.role !== 'string') return []
    return [{ seat, role: user.role, name: typeof user.name === 'string' ? user.name : '' }]
  })
}

/**
 * Records the presence into the control room, on every change, for as long as it runs. Only while
 * the control doc is in sync with the relay: an old device copy does not know whom the
 * facilitator struck out, nor that the meeting ended. Returns the stop function.
 */
export function recordAttendance(awareness: Awareness, control: ControlSession): () => void {
  // Presence changes with every cursor move: only a change of who is here is worth a look.
  let recorded: string | null = null
  const record = () => {
    if (!control.live()) return void (recorded = null)
    const seen = seenIn(awareness)
    const key = JSON.stringify(seen)
    if (key === recorded) return
    recordPresence(control.doc, seen, Date.now(), control.origin)
    recorded = key
  }
  awareness.on('change', record)
  // The control room changed (in sync again, the meeting reopened): look again.
  const stop = control.subscribe(() => {
    recorded = null
    record()
  })
  record()
  return () => {
    awareness.off('change', record)
    stop()
  }
}
