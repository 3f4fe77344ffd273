// A page with one message (loading, a link that no longer works, a failure), the brand and the
// language switch; a way home unless the page is still busy.
import type { ReactNode } from 'react'
import { useStrings } from '../i18n.ts'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'

export function Message({
  text,
  busy,
  children,
}: {
  text: string
  busy?: boolean
  children?: ReactNode
}) {
  const t = useStrings()
  return (
    <main className="page message-page" aria-busy={busy}>
      <header className="page-header">
        <a href="/" className="brand">
          {t.appName}
        </a>
        <LanguageSwitch />
      </header>
      <p role={busy ? 'status' : 'alert'} className="message">
        {text}
      </p>
      {children}
      {!busy && (
        <p>
          <a href="/">{t.home}</a>
        </p>
      )}
    </main>
  )
}
