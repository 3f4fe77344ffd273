// The dots this device gives in a hidden vote stay on this device, like drafts: a local Y.Doc in
// IndexedDB, never connected to the relay. Once the facilitator closes the vote they are published
// to the board once (state/votes.ts); the store remembers that, across reloads.
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { isItemId, type ItemId } from '../../../shared/index.ts'

export interface HiddenVoteStore {
  /** Resolves once the device copy is loaded; publishing waits for it, so nothing is lost. */
  ready: Promise<void>
  /** This device's dots in a vote, the same array until they change. */
  dots(votingId: string): readonly ItemId[]
  setDots(votingId: string, dots: readonly ItemId[]): void
  isPublished(votingId: string): boolean
  markPublished(votingId: string): void
  subscribe(listener: () => void): () => void
  destroy(): void
}

const NONE: readonly ItemId[] = []

export function openHiddenVotes(boardId: string): HiddenVoteStore {
  const doc = new Y.Doc()
  const dots = doc.getMap<unknown>('dots')
  const published = doc.getMap<unknown>('published')
  const stored = new IndexeddbPersistence(`mdo-votes-${boardId}`, doc)
  const listeners = new Set<() => void>()
  let cache = new Map<string, readonly ItemId[]>()

  const onUpdate = () => {
    cache = new Map()
    for (const listener of [...listeners]) listener()
  }
  doc.on('update', onUpdate)

  return {
    ready: stored.whenSynced.then(() => undefined),
    dots(votingId) {
      const known = cache.get(votingId)
      if (known) return known
      const value = dots.get(votingId)
      // The device's own store, which a bug could still have damaged: only ids count.
      const list = Array.isArray(value) ? (value as unknown[]).filter(isItemId) : NONE
      cache.set(votingId, list)
      return list
    },
    setDots(votingId, list) {
      if (published.has(votingId)) return
      dots.set(votingId, [...list])
    },
    isPublished: (votingId) => published.has(votingId),
    markPublished(votingId) {
      published.set(votingId, true)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      doc.off('update', onUpdate)
      listeners.clear()
      void stored.destroy()
      doc.destroy()
    },
  }
}
