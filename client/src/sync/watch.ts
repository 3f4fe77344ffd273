// A light live connection to one of a board's documents, for pages that watch many boards at once
// (the workshop overview): no device copy, no presence of our own, no undo. The token travels as
// a subprotocol, as in session.ts.
import * as Y from 'yjs'
import { boardProtocols, wsBase } from './links.ts'
import { openProvider } from './provider.ts'
import { reconnects } from './session.ts'

export interface WatchedDoc {
  doc: Y.Doc
  /** Connected and in sync with the relay. */
  live(): boolean
  onLive(listener: () => void): () => void
  destroy(): void
}

export interface WatchOptions {
  boardId: string
  token: string
  /** The board's control room (facilitator state) instead of its content. */
  control?: boolean
}

export function watchDoc({ boardId, token, control = false }: WatchOptions): WatchedDoc {
  const doc = new Y.Doc()
  // Watching is not joining: nobody on the table should see the leader's overview as a person.
  // No presence at all, so not even its leaving names the document's client id.
  const provider = openProvider(
    wsBase(window.location),
    control ? `${boardId}.control` : boardId,
    doc,
    {
      protocols: boardProtocols(token),
      presence: null,
      shouldReconnect: (event) => reconnects(event.code),
    },
  )
  const listeners = new Set<() => void>()
  let live = false
  const refresh = () => {
    const now = provider.wsconnected && provider.synced
    if (now === live) return
    live = now
    for (const listener of listeners) listener()
  }
  provider.on('sync', refresh)
  provider.on('status', refresh)
  return {
    doc,
    live: () => live,
    onLive(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      listeners.clear()
      provider.destroy()
      doc.destroy()
    },
  }
}
