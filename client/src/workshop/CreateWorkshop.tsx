// On the start page: a workshop leader makes one session with several tables, each its own board
// from the chosen template, plus a plenary board, and gets the link to the overview.
import { useId, useState } from 'react'
import { TEMPLATE_LABELS, TEMPLATE_NAMES, type TemplateName } from '../../../shared/index.ts'
import { useLang, useStrings } from '../i18n.ts'
import { createWorkshop, type CreatedWorkshop } from '../sync/api.ts'

const TABLES = { min: 1, max: 12, initial: 4 }

export function CreateWorkshop() {
  const t = useStrings()
  const lang = useLang()
  const id = useId()
  const [tables, setTables] = useState(TABLES.initial)
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<TemplateName>('tips-tops-interessant')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreatedWorkshop | null>(null)

  async function create() {
    setBusy(true)
    setError(null)
    try {
      setCreated(await createWorkshop(tables, template, title.trim(), lang))
    } catch (err) {
      setError(`${t.workshop.createFailed}: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section
      className="card workshop-create"
      aria-labelledby={`${id}-title`}
      data-testid="create-workshop"
    >
      <h2 id={`${id}-title`}>{t.workshop.create}</h2>
      <p className="hint">{t.workshop.createIntro}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void create()
        }}
      >
        <label className="field">
          <span>{t.workshop.title}</span>
          <input
            // Opened by a button press: the form's first field takes the focus.
            autoFocus
            name="title"
            value={title}
            maxLength={180}
            placeholder={t.workshop.titleHint}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t.workshop.tables}</span>
          <input
            name="tables"
            type="number"
            inputMode="numeric"
            min={TABLES.min}
            max={TABLES.max}
            required
            value={tables}
            onChange={(event) => setTables(Number(event.target.value))}
          />
        </label>
        <label className="field">
          <span>{t.workshop.template}</span>
          <select
            name="template"
            value={template}
            onChange={(event) => setTemplate(event.target.value as TemplateName)}
          >
            {TEMPLATE_NAMES.map((name) => (
              <option key={name} value={name}>
                {TEMPLATE_LABELS[name].name[lang]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t.workshop.creating : t.workshop.submit}
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
      {created && (
        <div className="created" data-testid="workshop-created">
          <h3>{t.workshop.created}</h3>
          <label className="field">
            <span>{t.workshop.leaderLink}</span>
            <input readOnly value={created.link} onFocus={(event) => event.target.select()} />
          </label>
          <p>
            <a className="button primary" href={created.link}>
              {t.workshop.openOverview}
            </a>
          </p>
        </div>
      )}
    </section>
  )
}
