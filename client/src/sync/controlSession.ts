// The board's control room (`/ws/<board>.control`): the facilitator's document with the step,
// timer, round, vote, locks and follow-me. Every role reads it; only a facilitator link's writes
// are kept by the relay. A device copy in IndexedDB keeps the timer and step across a reload.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import { FINAL_CLOSE_CODES } from '../../../shared/closeCodes.ts'
import { readControl, type ControlState } from '../../../shared/index.ts'
import { boardProtocols, wsBase } from './links.ts'

export interface ControlSession {
  doc: Y.Doc
  origin: object
  /** The same object until the control doc changes, for useSyncExternalStore. */
  state(): ControlState
  subscribe(listener: () => void): () => void
  destroy(): void
}

export function connectControl({
  boardId,
  token,
}: {
  boardId: string
  token: string
}): ControlSession {
  const doc = new Y.Doc()
  const origin = { control: boardId }
  const stored = new IndexeddbPersistence(`mdo-control-${boardId}`, doc)
  const provider = new WebsocketProvider(wsBase(window.location), `${boardId}.control`, doc, {
    protocols: boardProtocols(token),
    disableBc: true,
    shouldReconnect: (event) => !FINAL_CLOSE_CODES.includes(event.code),
  })
  const listeners = new Set<() => void>()
  let current = readControl(doc).control
  let key = JSON.stringify(current)
  const onUpdate = () => {
    const next = readControl(doc).control
    const nextKey = JSON.stringify(next)
    if (nextKey === key) return
    current = next
    key = nextKey
    for (const listener of [...listeners]) listener()
  }
  doc.on('update', onUpdate)
  // As the board's own session does: a lost network is known long before the socket times out.
  const goOffline = () => provider.disconnect()
  const goOnline = () => provider.connect()
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)
  return {
    doc,
    origin,
    state: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      doc.off('update', onUpdate)
      listeners.clear()
      provider.destroy()
      void stored.destroy()
      doc.destroy()
    },
  }
}
