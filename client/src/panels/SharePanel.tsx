// The facilitator's links, each shown as who it is for, with a copy button that says which: the
// participants' link (with its QR code, so people at the table join with their phone's camera)
// and the link to watch; apart from them the facilitator's own link, marked as not for sharing.
// Where the facilitator's token is at hand, each shared link can be replaced by a new one.
import { lazy, Suspense, useEffect, useState } from 'react'
import { useStrings } from '../i18n.ts'
import { fetchLinks, rotateLink, type BoardLinks } from '../sync/api.ts'
import { NextMeeting } from './NextMeeting.tsx'

// The QR encoder is only needed once links are shown: it loads then, not with every page.
const QrCode = lazy(() => import('./QrCode.tsx').then((module) => ({ default: module.QrCode })))

interface Props {
  links: BoardLinks
  /** With these, the shared links can be replaced by new ones (on every device of the facilitator). */
  boardId?: string
  facilitatorToken?: string
}

type SharedRole = 'edit' | 'view'

export function SharePanel({ links: initial, boardId, facilitatorToken }: Props) {
  const t = useStrings()
  const s = t.shareLinks
  const [links, setLinks] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [renewed, setRenewed] = useState<SharedRole | null>(null)
  const canRenew = !!boardId && !!facilitatorToken
  const shared: Record<SharedRole, { title: string; hint: string; copy: string }> = {
    edit: { title: s.participants, hint: s.participantsHint, copy: s.participantsCopy },
    view: { title: s.viewers, hint: s.viewersHint, copy: s.viewersCopy },
  }

  // On a device that did not make the board, the server works the links out again.
  const missing = !initial.edit || !initial.view
  useEffect(() => {
    if (!boardId || !facilitatorToken || !missing) return
    let current = true
    fetchLinks(boardId, facilitatorToken).then(
      (found) => current && setLinks((shown) => ({ ...shown, ...pick(found, shown) })),
      (err: Error) => current && setError(err.message),
    )
    return () => {
      current = false
    }
  }, [boardId, facilitatorToken, missing])

  async function renew(role: SharedRole) {
    if (!boardId || !facilitatorToken) return
    // A link that is known has been handed out, perhaps: replacing it locks those people out.
    if (links[role] && !window.confirm(s.renewConfirm)) return
    setError(null)
    try {
      const link = await rotateLink(boardId, facilitatorToken, role)
      setLinks((current) => ({ ...current, [role]: link }))
      setRenewed(role)
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <section className="share" data-testid="share-links">
      <p className="note">{t.linksKeep}</p>
      {(['edit', 'view'] as const).map((role) => {
        const link = links[role]
        return (
          <div key={role} className="link-row" data-role={role}>
            <h3>{shared[role].title}</h3>
            <p className="hint">{shared[role].hint}</p>
            {link ? (
              <CopyField value={link} name={shared[role].title} copy={shared[role].copy} />
            ) : (
              <p className="note">{t.linkUnknown}</p>
            )}
            {canRenew && (
              <button type="button" onClick={() => void renew(role)} title={t.newLinkWarning}>
                {t.newLink}
              </button>
            )}
            {renewed === role && <p role="status">{s.renewed}</p>}
            {role === 'edit' && link && (
              <figure className="qr-figure">
                <Suspense fallback={null}>
                  <QrCode text={link} label={t.qrLabel} />
                </Suspense>
                <figcaption>{t.qrCaption}</figcaption>
              </figure>
            )}
          </div>
        )
      })}
      {error && <p role="alert">{error}</p>}
      {links.facilitator && (
        <div className="link-row link-private" data-role="facilitator">
          <h3>
            {s.facilitator} <span className="badge">{s.notForSharing}</span>
          </h3>
          <p className="hint">{s.facilitatorHint}</p>
          <CopyField value={links.facilitator} name={s.facilitator} copy={s.facilitatorCopy} />
        </div>
      )}
      {boardId && facilitatorToken && (
        <NextMeeting boardId={boardId} facilitatorToken={facilitatorToken} />
      )}
    </section>
  )
}

/** The links the server found that are not shown yet. */
const pick = (found: BoardLinks, shown: BoardLinks): BoardLinks => ({
  ...(!shown.edit && found.edit ? { edit: found.edit } : {}),
  ...(!shown.view && found.view ? { view: found.view } : {}),
})

/** The link itself (selectable, for a manual copy) and a button that names which link it copies. */
export function CopyField({ value, name, copy }: { value: string; name: string; copy: string }) {
  const t = useStrings()
  const [copied, setCopied] = useState(false)
  async function write(input: HTMLInputElement | null) {
    try {
      await navigator.clipboard.writeText(value)
    } catch {
      // No clipboard permission (or no secure context): select the text for a manual copy.
      input?.select()
      return
    }
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }
  return (
    <span className="copy-field">
      <input readOnly value={value} aria-label={name} onFocus={(event) => event.target.select()} />
      <button
        type="button"
        aria-live="polite"
        onClick={(event) =>
          void write(event.currentTarget.previousElementSibling as HTMLInputElement)
        }
      >
        {copied ? t.copied : copy}
      </button>
    </span>
  )
}
