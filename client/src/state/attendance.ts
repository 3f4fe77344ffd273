// Who was at the meeting, as React reads it from the control room, and the facilitator's device
// recording it while the board is open (sync/attendance.ts).
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import { readAttendance, type Attendee } from '../../../shared/index.ts'
import { recordAttendance } from '../sync/attendance.ts'
import type { ControlSession } from '../sync/controlSession.ts'
import type { BoardSession } from '../sync/session.ts'

/** Records the presence into the control room while `on` (the facilitator's device). */
export function useRecordAttendance(session: BoardSession, control: ControlSession, on: boolean) {
  useEffect(
    () => (on ? recordAttendance(session.awareness, control) : undefined),
    [session, control, on],
  )
}

/** Everyone recorded, struck-out entries included; the same array until the list changes. */
export function useAttendance(control: ControlSession): readonly Attendee[] {
  const cache = useRef<{ key: string; attendees: Attendee[] } | null>(null)
  const subscribe = useCallback(
    (listener: () => void) => {
      control.doc.on('update', listener)
      return () => control.doc.off('update', listener)
    },
    [control],
  )
  const read = useCallback(() => {
    const { attendees } = readAttendance(control.doc)
    const key = JSON.stringify(attendees)
    if (cache.current?.key !== key) cache.current = { key, attendees }
    return cache.current.attendees
  }, [control])
  return useSyncExternalStore(subscribe, read)
}
