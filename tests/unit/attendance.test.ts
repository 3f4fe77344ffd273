// Who was at the meeting, as the control room keeps it (shared/attendance.ts), and the date of the
// next meeting: recorded from presence, corrected by hand, read by the report; a control doc from
// before these fields reads as it did.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAttendee,
  attendanceMap,
  attendeesForReport,
  BoardError,
  endMeeting,
  readAttendance,
  readControl,
  recordPresence,
  removeAttendee,
  setNextMeeting,
  setStep,
} from '../../shared/index.ts'
import { buildReport, reportMarkdown, ROLE_LABELS } from '../../shared/report/index.ts'
import { en } from '../../client/src/i18n.en.ts'
import { nl } from '../../client/src/i18n.nl.ts'
import { newBoard } from './helpers/board.ts'

const parent = { seat: 'seat-parent-01', role: 'ouder', name: '' }
const teacher = { seat: 'seat-teacher-1', role: 'leerkracht', name: 'Marieke de Vries' }
const options = { lang: 'nl' as const, paper: 'a4' as const, exportedAt: 5, names: false }

function writesOf(control: Y.Doc): () => number {
  let writes = 0
  control.on('update', () => writes++)
  return () => writes
}

describe('attendance in the control room', () => {
  it('reads an older control doc, without these fields, as before: nobody recorded, no date', () => {
    const control = new Y.Doc()
    setStep(control, 'overzicht')
    const { control: state, problems } = readControl(control)
    expect(problems).toEqual([])
    expect(state.nextMeeting).toBeNull()
    expect(readAttendance(control).attendees).toEqual([])
    expect(attendeesForReport(control)).toBeNull()
    expect(buildReport(newBoard().doc, control, options).participants).toBeNull()
  })

  it('records everyone seen once, follows a changed role or hidden name, and writes only changes', () => {
    const control = new Y.Doc()
    const writes = writesOf(control)
    recordPresence(control, [parent, teacher], 100)
    recordPresence(control, [parent, teacher], 200)
    expect(writes()).toBe(1)
    // The teacher left; the parent now hides nothing new but changes role; someone new comes.
    recordPresence(control, [{ ...parent, role: 'kind' }], 300)
    recordPresence(control, [{ ...teacher, name: '' }], 400)
    const { attendees } = readAttendance(control)
    expect(attendees.map(({ id, role, name, since }) => ({ id, role, name, since }))).toEqual([
      { id: parent.seat, role: 'kind', name: undefined, since: 100 },
      { id: teacher.seat, role: 'leerkracht', name: undefined, since: 100 },
    ])
    expect(writes()).toBe(3)
  })

  it('records nobody once the meeting ended, and skips what it cannot keep', () => {
    const control = new Y.Doc()
    recordPresence(
      control,
      [
        { seat: 'x', role: 'ouder', name: '' },
        { ...parent, role: 'Ouder!' },
      ],
      1,
    )
    expect(attendanceMap(control).size).toBe(0)
    endMeeting(control, 10)
    recordPresence(control, [parent], 20)
    expect(attendeesForReport(control)).toBeNull()
  })

  it('lets the facilitator strike someone out (they stay out) and add someone by hand', () => {
    const control = new Y.Doc()
    recordPresence(control, [parent, teacher], 100)
    removeAttendee(control, teacher.seat)
    recordPresence(control, [parent, teacher], 200)
    addAttendee(control, { id: 'added-jgz-0001', role: 'jgz', name: ' ', now: 300 })
    expect(attendeesForReport(control)!.map((a) => [a.role, a.added])).toEqual([
      ['ouder', false],
      ['jgz', true],
    ])
    removeAttendee(control, 'added-jgz-0001')
    expect(attendanceMap(control).has('added-jgz-0001')).toBe(false)
    removeAttendee(control, teacher.seat, false)
    expect(attendeesForReport(control)!.map((a) => a.role)).toEqual(['ouder', 'leerkracht'])
    expect(() => addAttendee(control, { id: 'bad', role: 'jgz', now: 1 })).toThrow(BoardError)
    expect(() => removeAttendee(control, 'nobody-here-1')).toThrow(BoardError)
  })

  it('skips a bad entry from a hostile peer and reports it', () => {
    const control = new Y.Doc()
    recordPresence(control, [parent], 100)
    attendanceMap(control).set('seat-hostile-1', { role: 42 })
    const { attendees, problems } = readAttendance(control)
    expect(attendees.map((a) => a.id)).toEqual([parent.seat])
    expect(problems).toHaveLength(1)
  })

  it('gives the report everyone recorded after they left, names only when shown', () => {
    const control = new Y.Doc()
    recordPresence(control, [parent, teacher], 100)
    const doc = newBoard().doc
    expect(buildReport(doc, control, options).participants).toEqual(['Ouder', 'Leerkracht/mentor'])
    const named = buildReport(doc, control, { ...options, names: true, lang: 'en' })
    expect(named.participants).toEqual(['Parent', 'Teacher/mentor: Marieke de Vries'])
    expect(reportMarkdown(buildReport(doc, control, options))).not.toContain('Marieke')
    // The caller's corrected list wins over the recorded one.
    const given = buildReport(doc, control, { ...options, participants: [{ role: 'JGZ' }] })
    expect(given.participants).toEqual(['JGZ'])
  })

  it('names roles in the report as the join dialog does, in both languages', () => {
    for (const [role, label] of Object.entries(ROLE_LABELS)) {
      expect(label.nl).toBe(nl.roles[role as keyof typeof nl.roles])
      expect(label.en).toBe(en.roles[role as keyof typeof en.roles])
    }
    expect(Object.keys(ROLE_LABELS).sort()).toEqual(Object.keys(nl.roles).sort())
  })
})

describe('the date of the next meeting', () => {
  it('keeps a date or a date and time, refuses what is no day, and prints it in the report', () => {
    const control = new Y.Doc()
    setNextMeeting(control, '2027-01-12')
    expect(buildReport(newBoard().doc, control, options).nextMeeting).toBe('12-01-2027')
    setNextMeeting(control, '2027-01-12T09:05')
    const md = reportMarkdown(buildReport(newBoard().doc, control, options))
    expect(md).toContain('- Volgend overleg: 12-01-2027 09:05')
    for (const bad of ['2027-02-30', '2027-01-12T24:00', '12-01-2027', '']) {
      expect(() => setNextMeeting(control, bad)).toThrow(BoardError)
    }
    setNextMeeting(control, null)
    expect(buildReport(newBoard().doc, control, options).nextMeeting).toBeNull()
    expect(reportMarkdown(buildReport(newBoard().doc, control, options))).toContain(
      '- Volgend overleg: nog niet gepland',
    )
  })
})
