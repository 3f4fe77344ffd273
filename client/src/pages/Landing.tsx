// Start page: create a board from a template and keep its three links.
import { useState } from 'react'
import type { Strings } from '../i18n.ts'

interface Created {
  links: { facilitator: string; edit: string; view: string }
}

export function Landing({ t }: { t: Strings }) {
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState('mdo')
  const [created, setCreated] = useState<Created | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function create() {
    setBusy(true)
    setError(null)
    try {
      const res = await fetch('/api/boards', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ template, title }),
      })
      const body = await res.json()
      if (!res.ok) throw new Error(body.error ?? res.statusText)
      setCreated(body)
    } catch (err) {
      setError(`${t.createFailed}: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  const absolute = (path: string) => new URL(path, window.location.href).href
  return (
    <main>
      <h1>{t.appName}</h1>
      <p>{t.intro}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void create()
        }}
      >
        <p>
          <label>
            {t.title}{' '}
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
          </label>
        </p>
        <p>
          <label>
            {t.template}{' '}
            <select value={template} onChange={(e) => setTemplate(e.target.value)}>
              <option value="mdo">MDO drie cirkels</option>
              <option value="mdo-zorg">MDO drie cirkels + Zorg/jeugdhulp</option>
              <option value="blank">Leeg bord</option>
            </select>
          </label>
        </p>
        <button type="submit" disabled={busy}>
          {busy ? t.creating : t.create}
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {created && (
        <section className="links" aria-live="polite">
          <p>{t.links}</p>
          <dl>
            <dt>{t.facilitatorLink}</dt>
            <dd>
              <a href={created.links.facilitator}>{t.open}</a>{' '}
              <code>{absolute(created.links.facilitator)}</code>
            </dd>
            <dt>{t.editLink}</dt>
            <dd>
              <code>{absolute(created.links.edit)}</code>
            </dd>
            <dt>{t.viewLink}</dt>
            <dd>
              <code>{absolute(created.links.view)}</code>
            </dd>
          </dl>
        </section>
      )}
    </main>
  )
}
