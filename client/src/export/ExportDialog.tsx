// The facilitator's export dialog: who was there (recorded, to correct), the PDF report (paper and
// the names opt-in), a picture, the items as a table, the board as a file, the report as Markdown,
// and printing. "Namen tonen" (off by default) holds for every file, the board file too, and the
// dialog says so. The heavy code loads on the first click; a large board shows a progress bar
// while its PDF is made.
import { useId, useState } from 'react'
import { useLang, useStrings } from '../i18n.ts'
import { useAttendance } from '../state/attendance.ts'
import type { ControlCommands } from '../state/control.ts'
import type { ControlSession } from '../sync/controlSession.ts'
import { PARTICIPANT_ROLES, type BoardSession, type ParticipantRole } from '../sync/session.ts'
import { AttendanceList } from './AttendanceList.tsx'

type Format = 'pdf' | 'png' | 'csv' | 'json' | 'md' | 'print'

interface Props {
  session: BoardSession
  /** The board's control room (step, vote, who was there), kept in sync by the board page. */
  control: ControlSession
  commands: Pick<ControlCommands, 'addAttendee' | 'removeAttendee'>
  title: string
  notify(message: string): void
}

/**
 * Everyone this tab sees on the board right now, itself included, by role, and by name only when
 * names are to be shown: without them the export code never holds a name to leak. Only for a
 * board that recorded nobody (the meeting ended before attendance was kept); otherwise the report
 * lists who the control room recorded.
 */
function participantsOf(
  session: BoardSession,
  roles: Record<ParticipantRole, string>,
  names: boolean,
) {
  return [...session.awareness.getStates().values()].flatMap((state) => {
    const user = (state as { user?: { name?: unknown; role?: unknown } | null }).user
    const role = user?.role
    if (typeof role !== 'string' || !(PARTICIPANT_ROLES as readonly string[]).includes(role)) {
      return []
    }
    const name = names && typeof user?.name === 'string' && user.name !== '' ? user.name : undefined
    return [{ role: roles[role as ParticipantRole], ...(name ? { name } : {}) }]
  })
}

export function ExportDialog({ session, control, commands, title, notify }: Props) {
  const t = useStrings()
  const attendees = useAttendance(control)
  const lang = useLang()
  const id = useId()
  const [paper, setPaper] = useState<'a4' | 'a3'>('a4')
  const [names, setNames] = useState(false)
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function run(format: Format) {
    setError(null)
    try {
      const ex = await import('./exporters.ts')
      const input = {
        doc: session.doc,
        control: control.doc,
        lang,
        ...(attendees.length === 0
          ? { participants: participantsOf(session, t.roles, names) }
          : {}),
        names,
      }
      if (format === 'print') return await ex.printBoardPage(input, paper)
      let blob: Blob
      if (format === 'pdf') {
        setProgress(0)
        blob = await ex.pdfBlob(input, paper, setProgress)
      } else if (format === 'png') blob = await ex.pngBlob(input, paper)
      else if (format === 'csv') blob = ex.csvBlob(input)
      else if (format === 'json') blob = ex.jsonBlob(input)
      else blob = ex.markdownBlob(input)
      const name = ex.fileName(title, format)
      ex.download(blob, name)
      notify(t.exportDone(name))
    } catch (err) {
      setError(`${t.exportFailed}: ${(err as Error).message}`)
    } finally {
      setProgress(null)
    }
  }

  const busy = progress !== null
  const button = (format: Format, label: string) => (
    <button
      type="button"
      className="export-action"
      disabled={busy}
      data-testid={`export-${format}`}
      onClick={() => void run(format)}
    >
      {label}
    </button>
  )

  return (
    <div className="export-panel">
      <p className="hint">{t.exportNote}</p>
      <AttendanceList attendees={attendees} commands={commands} />
      <fieldset className="export-options">
        <legend>{t.paper}</legend>
        {(['a4', 'a3'] as const).map((value) => (
          <label key={value} className="export-choice">
            <input
              type="radio"
              name={`${id}-paper`}
              value={value}
              checked={paper === value}
              onChange={() => setPaper(value)}
            />
            <span>{value === 'a4' ? t.paperA4 : t.paperA3}</span>
          </label>
        ))}
      </fieldset>
      <label className="export-choice">
        <input
          type="checkbox"
          data-testid="export-names"
          checked={names}
          aria-describedby={`${id}-names`}
          onChange={(event) => setNames(event.target.checked)}
        />
        <span>{t.showNames}</span>
      </label>
      <p id={`${id}-names`} className="hint" data-testid="export-names-hint">
        {names ? t.namesOn : t.namesOff}
      </p>
      <div className="export-actions">
        {button('pdf', t.exportPdf)}
        {button('png', t.exportPng)}
        {button('csv', t.exportCsv)}
        {button('json', t.exportJson)}
        {button('md', t.exportMarkdown)}
        {button('print', t.print)}
      </div>
      {busy && (
        <p role="status" className="export-progress">
          <label>
            {t.exportBusy}
            <progress max={1} value={progress} data-testid="export-progress" />
          </label>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  )
}
