// "Volgend overleg voorbereiden": the facilitator makes the next meeting's board from this one.
// The server copies the live board; this panel asks for an optional new name and opens the result.
import { useId, useState } from 'react'
import { useStrings } from '../i18n.ts'
import { prepareNextMeeting, type CreatedBoard } from '../sync/api.ts'

interface Props {
  boardId: string
  facilitatorToken: string
}

export function NextMeeting({ boardId, facilitatorToken }: Props) {
  const t = useStrings()
  const id = useId()
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<CreatedBoard | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function prepare() {
    setBusy(true)
    setError(null)
    try {
      setCreated(await prepareNextMeeting(boardId, facilitatorToken, title.trim() || undefined))
    } catch (err) {
      setError(`${t.nextMeetingFailed}: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="next-meeting" aria-labelledby={`${id}-title`} data-testid="next-meeting">
      <h3 id={`${id}-title`}>{t.nextMeeting}</h3>
      <p className="note">{t.nextMeetingIntro}</p>
      {created ? (
        <p role="status">
          {t.nextMeetingReady}{' '}
          <a className="button primary" href={created.links.facilitator}>
            {t.openNextMeeting}
          </a>
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void prepare()
          }}
        >
          <label className="field">
            <span>{t.nextMeetingTitle}</span>
            <input
              value={title}
              maxLength={200}
              placeholder={t.nextMeetingTitleHint}
              onChange={(event) => setTitle(event.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t.preparingNextMeeting : t.prepareNextMeeting}
          </button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  )
}
