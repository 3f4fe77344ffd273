// Private drafts as React sees them, and the one effect that publishes them: whenever the
// control doc lists a round as revealed (at the reveal itself, or later when this device comes
// back online or reloads), this device's unpublished drafts of that round go onto the board once.
// An anonymous round's drafts go from a fresh client id (shared/anonymous.ts), and only while
// the board is connected and in sync: queued offline, they would reach the relay in one update
// with this device's other changes, which would tie them to it.
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import {
  BoardError,
  itemsMap,
  publishDrafts,
  spaceArrivedDrafts,
  type ControlState,
  type ItemId,
  type RoundState,
} from '../../../shared/index.ts'
import type { DraftStore, StoredDraft } from '../sync/drafts.ts'
import type { BoardSession } from '../sync/session.ts'
import { useStatus } from './hooks.ts'

export function useDrafts(store: DraftStore): readonly StoredDraft[] {
  return useSyncExternalStore(store.subscribe, store.all)
}

/** Connected and in sync: what this device writes now goes to the relay on its own. */
export function useLive(session: BoardSession): boolean {
  const status = useStatus(session)
  return status.connection === 'connected' && status.sync === 'synced'
}

/**
 * The origin of what a reveal or a closed hidden vote publishes: not the session's, so Ctrl+Z
 * never takes back what the facilitator revealed (nor deletes it from this device's id).
 */
export function usePublishOrigin(session: BoardSession): object {
  return useMemo(() => ({ published: session.boardId }), [session])
}

export function usePublishDrafts(
  store: DraftStore,
  control: ControlState,
  session: BoardSession,
  authorName: string,
  /** permissions.publish: not a viewer, and the meeting still open (or the facilitator). */
  allowed: boolean,
): void {
  const drafts = useDrafts(store)
  const live = useLive(session)
  const origin = usePublishOrigin(session)
  const revealed = control.revealedRounds
  useSpaceArrivals(session, control.round, allowed && session.access === 'facilitator', origin)
  useEffect(() => {
    if (!allowed || revealed.length === 0) return
    let cancelled = false
    void store.ready.then(() => {
      if (cancelled) return
      const due = store
        .all()
        .filter((draft) => revealed.includes(draft.round) && !store.isPublished(draft.id))
      // Named and anonymous drafts are published apart: the round decided when they were written.
      for (const anonymous of [false, true]) {
        if (anonymous && !live) continue
        const batch = due.filter((draft) => draft.anonymous === anonymous)
        if (batch.length === 0) continue
        const plain = batch.map(({ id, round, kind, text, parent }) => ({
          id,
          round,
          kind,
          text,
          ...(parent ? { parent } : {}),
        }))
        try {
          publishDrafts(session.doc, plain, { author: authorName, anonymous }, origin)
        } catch (error) {
          if (!(error instanceof BoardError)) throw error
          console.warn(`drafts not published: ${error.message}`)
          continue
        }
        store.markPublished(batch.map((draft) => draft.id))
      }
    })
    return () => {
      cancelled = true
    }
  }, [store, drafts, revealed, session, origin, authorName, allowed, live])
}

/** How long after a reveal the voorzitter's device keeps an eye on points arriving. */
const SPACING_MS = 60_000

/**
 * Devices that reveal at the same moment can put two points on one free spot (each placed them
 * on a board without the other's). For a minute after a reveal, the voorzitter's device moves
 * such points as they arrive from elsewhere (spaceArrivedDrafts). Not what the first sync of the
 * board brings in: that would move points people laid on each other on purpose.
 */
function useSpaceArrivals(
  session: BoardSession,
  round: RoundState | null,
  enabled: boolean,
  origin: object,
): void {
  const revealedAt = round?.revealedAt ?? null
  useEffect(() => {
    if (!enabled || revealedAt === null) return
    const items = itemsMap(session.doc)
    const onChange = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
      if (transaction.local || Date.now() - revealedAt > SPACING_MS) return
      if (session.status().sync !== 'synced') return
      const arrived = [...event.changes.keys]
        .filter(([, change]) => change.action === 'add')
        .map(([id]) => id as ItemId)
      // After the update is applied, not inside Yjs's observer call.
      if (arrived.length > 0) queueMicrotask(() => space(session.doc, arrived, origin))
    }
    items.observe(onChange)
    return () => items.unobserve(onChange)
  }, [session, revealedAt, enabled, origin])
}

function space(doc: Y.Doc, arrived: readonly ItemId[], origin: object): void {
  try {
    spaceArrivedDrafts(doc, arrived, origin)
  } catch (error) {
    if (!(error instanceof BoardError)) throw error
    console.warn(`revealed points not spaced: ${error.message}`)
  }
}
