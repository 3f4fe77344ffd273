// Who was there, as the board recorded it, for the facilitator to correct before exporting: strike
// someone out (a wrong role, a test device), put them back, or add someone the board did not see
// (at the table without a device, or there while this device was offline). Saved in the control
// room, so the next export and a server export read the same list.
import { useId, useState } from 'react'
import type { Attendee } from '../../../shared/index.ts'
import { useStrings } from '../i18n.ts'
import type { ControlCommands } from '../state/control.ts'
import { PARTICIPANT_ROLES, type ParticipantRole } from '../sync/session.ts'

interface Props {
  attendees: readonly Attendee[]
  commands: Pick<ControlCommands, 'addAttendee' | 'removeAttendee'>
}

export function AttendanceList({ attendees, commands }: Props) {
  const t = useStrings()
  const id = useId()
  const [role, setRole] = useState<ParticipantRole>('ouder')
  const [name, setName] = useState('')
  const roleOf = (attendee: Attendee) =>
    (t.roles as Record<string, string>)[attendee.role] ?? t.roles.anders
  const who = (attendee: Attendee) =>
    attendee.name ? `${roleOf(attendee)}: ${attendee.name}` : roleOf(attendee)
  const present = attendees.filter((attendee) => !attendee.removed)
  const struck = attendees.filter((attendee) => attendee.removed)

  return (
    <fieldset className="export-attendance" data-testid="export-attendance">
      <legend>{t.attendance.title}</legend>
      <p className="hint">{t.attendance.hint}</p>
      {present.length === 0 ? (
        <p className="note">{t.attendance.none}</p>
      ) : (
        <ul className="attendees">
          {present.map((attendee) => (
            <li key={attendee.id} data-testid="attendee" data-role={attendee.role}>
              <span>
                {who(attendee)}
                {attendee.added && <span className="note"> ({t.attendance.addedByHand})</span>}
              </span>
              <button
                type="button"
                aria-label={t.attendance.remove(who(attendee))}
                onClick={() => commands.removeAttendee(attendee.id, true)}
              >
                {t.attendance.removeShort}
              </button>
            </li>
          ))}
        </ul>
      )}
      {struck.length > 0 && (
        <details>
          <summary>{t.attendance.removed(struck.length)}</summary>
          <ul className="attendees">
            {struck.map((attendee) => (
              <li key={attendee.id} data-testid="attendee-removed">
                <s>{who(attendee)}</s>
                <button
                  type="button"
                  aria-label={t.attendance.restore(who(attendee))}
                  onClick={() => commands.removeAttendee(attendee.id, false)}
                >
                  {t.attendance.restoreShort}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <form
        className="attendee-add"
        aria-label={t.attendance.add}
        onSubmit={(event) => {
          event.preventDefault()
          commands.addAttendee(role, name.trim())
          setName('')
        }}
      >
        <label className="field" htmlFor={`${id}-role`}>
          <span>{t.attendance.role}</span>
        </label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(event) => setRole(event.target.value as ParticipantRole)}
        >
          {PARTICIPANT_ROLES.map((value) => (
            <option key={value} value={value}>
              {t.roles[value]}
            </option>
          ))}
        </select>
        <label className="field" htmlFor={`${id}-name`}>
          <span>{t.attendance.name}</span>
        </label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={80}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit">{t.attendance.addButton}</button>
      </form>
    </fieldset>
  )
}
