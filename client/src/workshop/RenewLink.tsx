// Renewing the overview's link when it leaked: the old one and every board link derived from it
// stop at once, so it is asked first, with what it does to tables at work, and the new link is
// shown afterwards to keep.
import { useId, useState } from 'react'
import { useStrings } from '../i18n.ts'
import { renewWorkshopLink, type Workshop } from '../sync/api.ts'

interface Props {
  workshopId: string
  token: string
  /** The overview's new link, once renewed here. */
  renewedLink: string | null
  onRenewed: (workshop: Workshop, leaderToken: string, link: string) => void
}

export function RenewLink({ workshopId, token, renewedLink, onRenewed }: Props) {
  const t = useStrings()
  const id = useId()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function renew() {
    setBusy(true)
    setError(null)
    try {
      const { leaderToken, link, ...workshop } = await renewWorkshopLink(workshopId, token)
      onRenewed(workshop, leaderToken, link)
    } catch (err) {
      setError(`${t.workshopLink.failed}: ${(err as Error).message}`)
      setBusy(false)
    }
  }

  return (
    <section className="card workshop-renew" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.workshopLink.title}</h2>
      {renewedLink ? (
        <div role="status" data-testid="renewed-link">
          <p>{t.workshopLink.renewed}</p>
          <CopyLink value={renewedLink} label={t.workshopLink.newLink} />
        </div>
      ) : (
        <p className="hint">{t.workshopLink.intro}</p>
      )}
      <div className="workshop-actions">
        {confirming ? (
          <>
            <p role="alert">{t.workshopLink.warning}</p>
            <button type="button" className="danger" disabled={busy} onClick={() => void renew()}>
              {busy ? t.workshopLink.renewing : t.workshopLink.confirm}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t.workshopLink.cancel}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t.workshopLink.renew}
          </button>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
    </section>
  )
}

/** The link in a field to select, and a button that copies it (selects it where copying is refused). */
function CopyLink({ value, label }: { value: string; label: string }) {
  const t = useStrings()
  const [copied, setCopied] = useState(false)
  const fieldId = useId()
  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
    } catch {
      ;(document.getElementById(fieldId) as HTMLInputElement | null)?.select()
    }
  }
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <span className="copy-field">
        <input id={fieldId} readOnly value={value} onFocus={(event) => event.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {copied ? t.copied : t.copy}
        </button>
      </span>
    </div>
  )
}
