// Private drafts as React sees them, and the one effect that publishes them: whenever the
// control doc lists a round as revealed (at the reveal itself, or later when this device comes
// back online or reloads), this device's unpublished drafts of that round go onto the board once.
import { useEffect, useSyncExternalStore } from 'react'
import type { ControlState } from '../../../shared/index.ts'
import type { DraftStore, StoredDraft } from '../sync/drafts.ts'
import type { BoardCommands } from './commands.ts'

export function useDrafts(store: DraftStore): readonly StoredDraft[] {
  return useSyncExternalStore(store.subscribe, store.all)
}

export function usePublishDrafts(
  store: DraftStore,
  control: ControlState,
  commands: BoardCommands,
  authorName: string,
  enabled: boolean,
): void {
  const drafts = useDrafts(store)
  const revealed = control.revealedRounds
  useEffect(() => {
    if (!enabled || revealed.length === 0) return
    let cancelled = false
    void store.ready.then(() => {
      if (cancelled) return
      const due = store
        .all()
        .filter((draft) => revealed.includes(draft.round) && !store.isPublished(draft.id))
      if (due.length === 0) return
      // Named and anonymous drafts are published apart: the round decided when they were written.
      for (const anonymous of [false, true]) {
        const batch = due.filter((draft) => draft.anonymous === anonymous)
        if (batch.length === 0) continue
        const plain = batch.map(({ id, round, kind, text, parent }) => ({
          id,
          round,
          kind,
          text,
          ...(parent ? { parent } : {}),
        }))
        const added = commands.publishDrafts(plain, anonymous ? undefined : authorName)
        // undefined: the command was refused (view link, ended meeting); try again later.
        if (added !== undefined) store.markPublished(batch.map((draft) => draft.id))
      }
    })
    return () => {
      cancelled = true
    }
  }, [store, drafts, revealed, commands, authorName, enabled])
}
