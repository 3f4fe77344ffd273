// What a participant writes in a private round (Ik-ronde) stays on this device: a local Y.Doc
// kept in IndexedDB, never connected to the relay. When the facilitator reveals the round, the
// drafts are published to the board once; the store remembers which, across reloads.
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { isDraft, randomIds, type Draft } from '../../../shared/index.ts'

export interface StoredDraft extends Draft {
  /** The round asked for names to be left out when it was written. */
  anonymous: boolean
  createdAt: number
}

export interface DraftStore {
  /** Resolves once the device copy is loaded; publishing waits for it, so nothing doubles. */
  ready: Promise<void>
  /** Drafts in the order written; the same array until something changes. */
  all(): readonly StoredDraft[]
  isPublished(id: string): boolean
  add(draft: Omit<StoredDraft, 'id' | 'createdAt'>, now: number): string
  update(id: string, patch: Partial<Pick<StoredDraft, 'text' | 'kind' | 'parent'>>): void
  remove(id: string): void
  markPublished(ids: readonly string[]): void
  subscribe(listener: () => void): () => void
  destroy(): void
}

export function openDrafts(boardId: string): DraftStore {
  const doc = new Y.Doc()
  const drafts = doc.getMap<unknown>('drafts')
  const published = doc.getMap<unknown>('published')
  const stored = new IndexeddbPersistence(`mdo-drafts-${boardId}`, doc)
  const listeners = new Set<() => void>()
  let list: StoredDraft[] = []

  const read = () => {
    list = [...drafts.values()]
      .filter((value): value is StoredDraft => isDraft(value))
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    for (const listener of [...listeners]) listener()
  }
  doc.on('update', read)

  return {
    ready: stored.whenSynced.then(() => undefined),
    all: () => list,
    isPublished: (id) => published.has(id),
    add(draft, now) {
      const id = randomIds()
      drafts.set(id, { ...draft, id, createdAt: now })
      return id
    },
    update(id, patch) {
      const draft = drafts.get(id)
      if (!isDraft(draft) || published.has(id)) return
      drafts.set(id, { ...draft, ...patch })
    },
    remove(id) {
      if (!published.has(id)) drafts.delete(id)
    },
    markPublished(ids) {
      doc.transact(() => ids.forEach((id) => published.set(id, true)))
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      doc.off('update', read)
      listeners.clear()
      void stored.destroy()
      doc.destroy()
    },
  }
}

/**
 * This device's secret for a board's votes: random, kept in localStorage, never sent. Each vote's
 * voter id is made from it (shared voterIdFor), so votes cannot be tied to each other.
 */
export function deviceVoterId(boardId: string): string {
  const key = `mdo-voter-${boardId}`
  try {
    const known = localStorage.getItem(key)
    if (known && /^[A-Za-z0-9_-]{1,64}$/.test(known)) return known
    const fresh = randomIds()
    localStorage.setItem(key, fresh)
    return fresh
  } catch {
    return randomIds() // storage blocked: votes still count, for this page's life
  }
}
