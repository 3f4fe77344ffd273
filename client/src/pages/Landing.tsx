// Start page: make a board from a template, then keep and share its links. The facilitator opens
// the board from here; participants come in through the edit link or its QR code.
import { lazy, Suspense, useId, useState } from 'react'
import { TEMPLATE_LABELS, TEMPLATE_NAMES, type TemplateName } from '../../../shared/index.ts'
import { useLang, useStrings } from '../i18n.ts'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { SharePanel } from '../panels/SharePanel.tsx'
import { createBoard, createBoardFromFile, type CreatedBoard } from '../sync/api.ts'

// Few visitors run a workshop: its form loads when asked for, not with the start page.
const CreateWorkshop = lazy(() =>
  import('../workshop/CreateWorkshop.tsx').then((module) => ({ default: module.CreateWorkshop })),
)

export function Landing() {
  const t = useStrings()
  const lang = useLang()
  const id = useId()
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<TemplateName>('mdo')
  const [created, setCreated] = useState<CreatedBoard | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [workshopOpen, setWorkshopOpen] = useState(false)

  async function create() {
    setBusy(true)
    setError(null)
    try {
      setCreated(await createBoard(template, title.trim()))
    } catch (err) {
      setError(`${t.createFailed}: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      let parsed: unknown
      try {
        parsed = JSON.parse(await file.text())
      } catch {
        throw new Error(t.importNotJson)
      }
      setCreated(await createBoardFromFile(parsed))
    } catch (err) {
      setError(`${t.importFailed}: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="page landing">
      <header className="page-header">
        <h1 className="brand">{t.appName}</h1>
        <LanguageSwitch />
      </header>
      <p className="lead">{t.intro}</p>
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault()
          void create()
        }}
      >
        <label className="field">
          <span>{t.boardTitle}</span>
          <input
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            maxLength={200}
            placeholder={t.boardTitleHint}
          />
        </label>
        <fieldset className="templates">
          <legend>{t.template}</legend>
          {TEMPLATE_NAMES.map((name) => (
            <label key={name} className="template-option">
              <input
                type="radio"
                name={`${id}-template`}
                value={name}
                checked={template === name}
                onChange={() => setTemplate(name)}
              />
              <span>
                <strong>{TEMPLATE_LABELS[name].name[lang]}</strong>
                <span className="hint">{TEMPLATE_LABELS[name].description[lang]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.creating : t.create}
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
      <section className="card import" aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>{t.importTitle}</h2>
        <p className="hint">{t.importHint}</p>
        <label className="button">
          {busy ? t.importing : t.importFile}
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            data-testid="import-file"
            disabled={busy}
            onChange={(event) => void importFile(event.target.files?.[0])}
          />
        </label>
      </section>
      {created && (
        <section className="card created" aria-labelledby={`${id}-created`}>
          <h2 id={`${id}-created`}>{t.created}</h2>
          <p>
            <a className="button primary" href={created.links.facilitator}>
              {t.openAsFacilitator}
            </a>
          </p>
          <SharePanel key={created.id} links={created.links} />
        </section>
      )}
      {workshopOpen ? (
        <Suspense fallback={<p role="status">{t.loading}</p>}>
          <CreateWorkshop />
        </Suspense>
      ) : (
        <p>
          <button type="button" aria-expanded={false} onClick={() => setWorkshopOpen(true)}>
            {t.workshop.create}
          </button>
        </p>
      )}
      <p className="hint">{t.privacyNote}</p>
    </main>
  )
}
