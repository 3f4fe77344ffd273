// The facilitator's links: edit and view (and their own), each with a copy button, and a QR code
// of the edit link so people at the table join with their phone's camera.
import { lazy, Suspense, useEffect, useState } from 'react'
import { useStrings } from '../i18n.ts'
import { fetchLinks, rotateLink, type BoardLinks, type LinkRole } from '../sync/api.ts'
import { NextMeeting } from './NextMeeting.tsx'

// The QR encoder is only needed once links are shown: it loads then, not with every page.
const QrCode = lazy(() => import('./QrCode.tsx').then((module) => ({ default: module.QrCode })))

interface Props {
  links: BoardLinks
  /** With these, a link this device did not keep can be replaced by a new one. */
  boardId?: string
  facilitatorToken?: string
}

const ROLES: readonly LinkRole[] = ['edit', 'view', 'facilitator']

export function SharePanel({ links: initial, boardId, facilitatorToken }: Props) {
  const t = useStrings()
  const [links, setLinks] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const names: Record<LinkRole, string> = {
    edit: t.editLink,
    view: t.viewLink,
    facilitator: t.facilitatorLink,
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

  async function renew(role: LinkRole) {
    if (!boardId || !facilitatorToken) return
    setError(null)
    try {
      const link = await rotateLink(boardId, facilitatorToken, role)
      setLinks((current) => ({ ...current, [role]: link }))
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <section className="share" data-testid="share-links">
      <p className="note">{t.linksKeep}</p>
      <dl className="links">
        {ROLES.map((role) => {
          const link = links[role]
          // The facilitator link is only shown where it is known; it is never rotated from here.
          if (!link && role === 'facilitator') return null
          return (
            <div key={role} className="link-row" data-role={role}>
              <dt>{names[role]}</dt>
              <dd>
                {link ? (
                  <CopyField value={link} label={t.copyLink(names[role].toLowerCase())} />
                ) : (
                  <>
                    <span className="note">{t.linkUnknown}</span>
                    {facilitatorToken && (
                      <button
                        type="button"
                        onClick={() => void renew(role)}
                        title={t.newLinkWarning}
                      >
                        {t.newLink}
                      </button>
                    )}
                  </>
                )}
              </dd>
            </div>
          )
        })}
      </dl>
      {error && <p role="alert">{error}</p>}
      {links.edit && (
        <figure className="qr-figure">
          <Suspense fallback={null}>
            <QrCode text={links.edit} label={t.qrLabel} />
          </Suspense>
          <figcaption>{t.qrCaption}</figcaption>
        </figure>
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

export function CopyField({ value, label }: { value: string; label: string }) {
  const t = useStrings()
  const [copied, setCopied] = useState(false)
  async function copy(input: HTMLInputElement | null) {
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
      <input readOnly value={value} aria-label={label} onFocus={(event) => event.target.select()} />
      <button
        type="button"
        aria-label={label}
        onClick={(event) =>
          void copy(event.currentTarget.previousElementSibling as HTMLInputElement)
        }
      >
        {copied ? t.copied : t.copy}
      </button>
    </span>
  )
}
