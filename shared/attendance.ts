// Who was at the meeting, kept in the control room so a report made afterwards lists everyone,
// not only who happens to be online then. The facilitator's client records the presence it sees
// (a role, and a name only where the person chose to show one); the facilitator corrects the list
// by hand. Like the rest of the control doc it is never trusted: a bad entry is skipped, reported.
import type * as Y from 'yjs'
import { z } from 'zod'
import { readControl } from './controlState.ts'
import { BoardError, describeIssues, type Problem } from './errors.ts'

/** A person seen on the board, keyed by the seat id of their device (or made by hand). */
export interface Attendee {
  id: string
  /** A participant role as the join dialog offers them ('ouder', 'leerkracht', …). */
  role: string
  /** Only when they chose to show it; exports print it only with "Namen tonen". */
  name?: string
  /** First seen, in ms. */
  since: number
  /** Added by the facilitator rather than seen on the board. */
  added: boolean
  /** Struck from the list by the facilitator: not recorded again, not in the report. */
  removed: boolean
}

export const LIMITS_ATTENDANCE = { entries: 200, name: 80 } as const

export const attendanceMap = (controlDoc: Y.Doc) => controlDoc.getMap<unknown>('attendance')

const seatSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'expected a seat id' })
const entrySchema = z.object({
  role: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, { error: 'expected a role' }),
  name: z.string().min(1).max(LIMITS_ATTENDANCE.name).optional(),
  since: z.number().min(0).max(Number.MAX_SAFE_INTEGER),
  added: z.boolean().optional(),
  removed: z.boolean().optional(),
})
type Entry = z.infer<typeof entrySchema>

export function isSeatId(value: unknown): value is string {
  return seatSchema.safeParse(value).success
}

/** Everyone recorded, struck-out entries included, in the order they came. */
export function readAttendance(controlDoc: Y.Doc): { attendees: Attendee[]; problems: Problem[] } {
  const attendees: Attendee[] = []
  let bad = 0
  attendanceMap(controlDoc).forEach((value, id) => {
    const parsed = entrySchema.safeParse(value)
    if (!isSeatId(id) || !parsed.success) return void bad++
    attendees.push(attendeeOf(id, parsed.data))
  })
  const problems = bad > 0 ? [{ reason: `control.attendance: skipped ${bad} invalid entries` }] : []
  attendees.sort((a, b) => a.since - b.since || (a.id < b.id ? -1 : 1))
  return { attendees, problems }
}

/** Who the report lists: everyone recorded and not struck out; null when nothing was recorded. */
export function attendeesForReport(controlDoc: Y.Doc): Attendee[] | null {
  if (attendanceMap(controlDoc).size === 0) return null
  return readAttendance(controlDoc).attendees.filter((attendee) => !attendee.removed)
}

function attendeeOf(id: string, entry: Entry): Attendee {
  return {
    id,
    role: entry.role,
    ...(entry.name ? { name: entry.name } : {}),
    since: entry.since,
    added: entry.added ?? false,
    removed: entry.removed ?? false,
  }
}

function entryOf(attendee: Omit<Attendee, 'id'>): Entry {
  const name = attendee.name?.trim()
  return {
    role: attendee.role,
    ...(name ? { name } : {}),
    since: attendee.since,
    ...(attendee.added ? { added: true } : {}),
    ...(attendee.removed ? { removed: true } : {}),
  }
}

function checked(id: string, entry: Entry): Entry {
  if (!isSeatId(id)) throw new BoardError(`not a seat id: ${id}`)
  const parsed = entrySchema.safeParse(entry)
  if (!parsed.success) throw new BoardError(`invalid attendee: ${describeIssues(parsed.error)}`)
  return parsed.data
}

/** Someone on the board now, as their presence says: `name` empty when they show only a role. */
export interface Seen {
  seat: string
  role: string
  name: string
}

/**
 * Records who the facilitator's client sees, while the meeting is on (not after it ended). A new
 * seat is added; a known one follows a change of role or name (someone who hides their name later
 * is kept without it); an entry the facilitator struck out stays out. Writes only what changed.
 */
export function recordPresence(
  controlDoc: Y.Doc,
  seen: readonly Seen[],
  now: number,
  origin?: unknown,
): void {
  if (readControl(controlDoc).control.ended) return
  const map = attendanceMap(controlDoc)
  const writes: [string, Entry][] = []
  for (const person of seen) {
    const current = entrySchema.safeParse(map.get(person.seat))
    const known = current.success ? current.data : null
    if (known?.removed) continue
    const next = entryOf({
      role: person.role,
      name: person.name.slice(0, LIMITS_ATTENDANCE.name),
      since: known?.since ?? now,
      added: known?.added ?? false,
      removed: false,
    })
    if (known && known.role === next.role && known.name === next.name) continue
    if (!isSeatId(person.seat) || !entrySchema.safeParse(next).success) continue
    if (!known && map.size + writes.length >= LIMITS_ATTENDANCE.entries) break
    writes.push([person.seat, next])
  }
  if (writes.length === 0) return
  controlDoc.transact(() => {
    for (const [seat, entry] of writes) map.set(seat, entry)
  }, origin)
}

/** The facilitator adds someone the board did not see (at the table without a device, say). */
export function addAttendee(
  controlDoc: Y.Doc,
  input: { id: string; role: string; name?: string; now: number },
  origin?: unknown,
): void {
  const map = attendanceMap(controlDoc)
  if (map.size >= LIMITS_ATTENDANCE.entries) {
    throw new BoardError(`at most ${LIMITS_ATTENDANCE.entries} people are recorded`)
  }
  const entry = checked(
    input.id,
    entryOf({ ...input, since: input.now, added: true, removed: false }),
  )
  controlDoc.transact(() => map.set(input.id, entry), origin)
}

/**
 * Strikes someone from the list (or, with `removed` false, puts them back). An entry added by hand
 * goes for good; a seen one stays struck out, so being still online does not bring it back.
 */
export function removeAttendee(
  controlDoc: Y.Doc,
  id: string,
  removed = true,
  origin?: unknown,
): void {
  const map = attendanceMap(controlDoc)
  const current = entrySchema.safeParse(map.get(id))
  if (!current.success) throw new BoardError(`nobody recorded as ${id}`)
  controlDoc.transact(() => {
    if (removed && current.data.added) map.delete(id)
    else map.set(id, checked(id, { ...current.data, removed }))
  }, origin)
}
