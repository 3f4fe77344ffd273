// The date (and, if known, the time) of the next meeting, set by the facilitator for the report.
// Written to the control room as the facilitator enters it: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM'.
import { useId } from 'react'
import { useStrings } from '../i18n.ts'
import type { ControlCommands } from '../state/control.ts'

interface Props {
  value: string | null
  commands: Pick<ControlCommands, 'setNextMeeting'>
}

export function NextMeetingDate({ value, commands }: Props) {
  const t = useStrings()
  const id = useId()
  const [date = '', time = ''] = (value ?? '').split('T')
  const set = (nextDate: string, nextTime: string) =>
    commands.setNextMeeting(nextDate ? (nextTime ? `${nextDate}T${nextTime}` : nextDate) : null)

  return (
    <fieldset data-testid="next-meeting-date">
      <legend>{t.nextMeetingDate.title}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t.nextMeetingDate.hint}
      </p>
      <label className="field" htmlFor={`${id}-date`}>
        <span>{t.nextMeetingDate.date}</span>
      </label>
      <input
        id={`${id}-date`}
        type="date"
        value={date}
        aria-describedby={`${id}-hint`}
        onChange={(event) => set(event.target.value, time)}
      />
      <label className="field" htmlFor={`${id}-time`}>
        <span>{t.nextMeetingDate.time}</span>
      </label>
      <input
        id={`${id}-time`}
        type="time"
        value={time}
        disabled={!date}
        onChange={(event) => set(date, event.target.value)}
      />
      {value && (
        <button type="button" onClick={() => commands.setNextMeeting(null)}>
          {t.nextMeetingDate.clear}
        </button>
      )}
    </fieldset>
  )
}
