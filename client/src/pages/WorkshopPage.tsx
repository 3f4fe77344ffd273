// The workshop leader's overview (`/w/<id>#t=<leader token>`): every table's board live side by
// side with its QR code, the plenary board, and sending chosen stickies from a table to the
// plenary board, and renewing the overview's link. Loaded as its own chunk: participants never
// download it.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { WORKSHOP_LABELS, type PlenaryCopy } from '../../../shared/index.ts'
import { useLang, useStrings } from '../i18n.ts'
import { ungated } from '../state/commandGate.ts'
import { bindBoardCommands } from '../state/commands.ts'
import { ApiError, fetchWorkshop, type Workshop } from '../sync/api.ts'
import { tokenFromHash } from '../sync/links.ts'
import { AllTables } from '../workshop/AllTables.tsx'
import { RenewLink } from '../workshop/RenewLink.tsx'
import { TableCard, TakenOver } from '../workshop/TableCard.tsx'
import { WorkshopEnd } from '../workshop/WorkshopEnd.tsx'
import { Thumbnail } from '../workshop/Thumbnail.tsx'
import { useControlDocs } from '../workshop/useControlDocs.ts'
import { useWatchedBoard } from '../workshop/useWatchedBoard.ts'
import '../workshop/workshop.css'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { Message } from './Message.tsx'

type Phase =
  | { kind: 'loading' }
  | { kind: 'refused' }
  | { kind: 'failed' }
  | { kind: 'open'; workshop: Workshop }
  | { kind: 'deleted' }

const NO_SELECTION: ReadonlySet<string> = new Set()
/** Marks the leader's copies in the plenary board. */
const PLENARY_ORIGIN = { workshop: 'leader' }
const tokenOf = (link: string | undefined) =>
  link ? (tokenFromHash(new URL(link).hash) ?? undefined) : undefined

export function WorkshopPage({ workshopId }: { workshopId: string }) {
  const t = useStrings()
  const [token, setToken] = useState(() => tokenFromHash(window.location.hash))
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [renewedLink, setRenewedLink] = useState<string | null>(null)

  useEffect(() => {
    // After a renewal the page holds the renewed workshop already: nothing to load.
    if (!token || renewedLink) return
    let cancelled = false
    fetchWorkshop(workshopId, token).then(
      (workshop) => !cancelled && setPhase({ kind: 'open', workshop }),
      (error: unknown) => {
        if (cancelled) return
        setPhase({ kind: error instanceof ApiError && error.status < 500 ? 'refused' : 'failed' })
      },
    )
    return () => {
      cancelled = true
    }
  }, [workshopId, token, attempt, renewedLink])

  const onRenewed = useCallback((workshop: Workshop, leaderToken: string, link: string) => {
    // The old link in the address bar no longer works: a reload must find the new one.
    window.history.replaceState(null, '', new URL(link).hash)
    setToken(leaderToken)
    setRenewedLink(link)
    setPhase({ kind: 'open', workshop })
  }, [])

  if (!token || phase.kind === 'refused') {
    return <Message text={token ? t.workshop.noAccess : t.noToken} />
  }
  if (phase.kind === 'failed') {
    return (
      <Message text={t.loadFailed}>
        <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
          {t.retry}
        </button>
      </Message>
    )
  }
  if (phase.kind === 'loading') return <Message text={t.loading} busy />
  if (phase.kind === 'deleted') return <Message text={t.workshop.deleted} />
  return (
    <Overview
      // Every board's links changed with a renewal: every watched board connects anew.
      key={token}
      workshop={phase.workshop}
      token={token}
      renewedLink={renewedLink}
      onRenewed={onRenewed}
      onDeleted={() => setPhase({ kind: 'deleted' })}
    />
  )
}

interface OverviewProps {
  workshop: Workshop
  token: string
  renewedLink: string | null
  onRenewed: (workshop: Workshop, leaderToken: string, link: string) => void
  onDeleted: () => void
}

function Overview({ workshop, token, renewedLink, onRenewed, onDeleted }: OverviewProps) {
  const t = useStrings()
  const lang = useLang()
  const plenary = useWatchedBoard(
    workshop.plenary?.id,
    tokenOf(workshop.plenary?.links.facilitator),
  )
  const controls = useControlDocs(workshop.tables)
  const title = workshop.title || t.workshop.untitled
  useEffect(() => {
    document.title = `${title} – ${t.appName}`
  }, [title, t])

  // The leader holds the plenary board's facilitator link: her copies go through the board's
  // commands, marked as hers, with no lock to hold them back.
  const plenaryCommands = useMemo(() => {
    const doc = plenary.watched?.doc
    return doc ? bindBoardCommands({ doc, origin: PLENARY_ORIGIN }, ungated) : null
  }, [plenary.watched])
  const onCopy = useCallback(
    (table: number, copies: PlenaryCopy[]) => {
      if (!plenaryCommands || copies.length === 0) return 0
      const name = `${WORKSHOP_LABELS.table[lang]} ${table}`
      return plenaryCommands.copyToPlenary(copies, name)?.length ?? 0
    },
    [plenaryCommands, lang],
  )
  const plenaryStickies =
    plenary.snapshot?.items.filter((item) => item.type === 'sticky').length ?? 0

  return (
    <main className="workshop-page">
      <header className="page-header">
        <h1 className="brand">{title}</h1>
        <LanguageSwitch />
      </header>
      <p className="lead">{t.workshop.overviewIntro(workshop.tables.length)}</p>
      <AllTables controls={controls} template={workshop.template} />
      {workshop.plenary && (
        <section
          className="card plenary-card"
          data-testid="plenary-card"
          aria-labelledby="plenary-name"
        >
          <header className="table-card-header">
            <h2 id="plenary-name">{t.workshop.plenary}</h2>
            <span className="badge">
              {plenary.live ? `● ${t.workshop.live}` : `○ ${t.workshop.connecting}`}
            </span>
          </header>
          {workshop.plenary.takenOver && <TakenOver />}
          <Thumbnail
            items={plenary.snapshot?.items ?? []}
            selected={NO_SELECTION}
            label={t.workshop.thumbnailLabel(t.workshop.plenary, plenaryStickies)}
          />
          <p>
            <span data-testid="plenary-count">{t.workshop.onPlenary(plenaryStickies)}</span>{' '}
            {workshop.plenary.links.facilitator && (
              <a
                className="button"
                href={workshop.plenary.links.facilitator}
                target="_blank"
                rel="noopener"
              >
                {t.workshop.openPlenary}
              </a>
            )}
          </p>
        </section>
      )}
      <div className="table-grid">
        {workshop.tables.map((table, i) =>
          table ? (
            <TableCard
              key={table.id}
              number={i + 1}
              board={table}
              onCopy={onCopy}
              canCopy={plenary.live}
              template={workshop.template}
              control={controls.docs.get(table.id)?.doc}
              controlVersion={controls.version}
            />
          ) : (
            <article key={`gone-${i}`} className="table-card card">
              <h2>{t.workshop.table(i + 1)}</h2>
              <p className="note">{t.workshop.tableGone}</p>
            </article>
          ),
        )}
      </div>
      <RenewLink
        workshopId={workshop.id}
        token={token}
        renewedLink={renewedLink}
        onRenewed={onRenewed}
      />
      <WorkshopEnd
        workshopId={workshop.id}
        token={token}
        kept={[workshop.plenary, ...workshop.tables].filter((board) => board?.takenOver).length}
        onDeleted={onDeleted}
      />
    </main>
  )
}
