// The board's control room (`/ws/<board>.control`): the facilitator's document with the step,
// timer, round, vote, locks and follow-me. Every role reads it; only a facilitator link's writes
// are kept by the relay. A device copy in IndexedDB keeps the timer and step across a reload.
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { CLOSE } from '../../../shared/closeCodes.ts'
import { readControl, type ControlState } from '../../../shared/index.ts'
import { deleteDatabase } from './deviceData.ts'
import { boardProtocols, wsBase } from './links.ts'
import { openProvider, separatePresence } from './provider.ts'
import { reconnects, type SessionEnd } from './session.ts'

export interface ControlSession {
  doc: Y.Doc
  origin: object
  /** The same object until the control doc changes, for useSyncExternalStore. */
  state(): ControlState
  /** Connected and in sync with the relay: the state is the relay's, not an old device copy. */
  live(): boolean
  /** Called on every change of state() and of live(). */
  subscribe(listener: () => void): () => void
  /** As BoardSession.onEnd: the board was deleted, or the relay refused a change of this copy. */
  onEnd(listener: (end: SessionEnd) => void): () => void
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
  const name = `mdo-control-${boardId}`
  const stored = new IndexeddbPersistence(name, doc)
  // An empty presence of its own: the relay echoes it, which keeps the socket from looking dead,
  // and it never carries the control doc's client id (the facilitator's writes carry that).
  const presence = separatePresence()
  const provider = openProvider(wsBase(window.location), `${boardId}.control`, doc, {
    protocols: boardProtocols(token),
    presence,
    shouldReconnect: (event) => reconnects(event.code),
  })
  const listeners = new Set<() => void>()
  const endListeners = new Set<(end: SessionEnd) => void>()
  const notify = () => {
    for (const listener of [...listeners]) listener()
  }
  let current = readControl(doc).control
  let key = JSON.stringify(current)
  const onUpdate = () => {
    const next = readControl(doc).control
    const nextKey = JSON.stringify(next)
    if (nextKey === key) return
    current = next
    key = nextKey
    notify()
  }
  doc.on('update', onUpdate)
  let live = false
  const onLive = () => {
    const now = provider.wsconnected && provider.synced
    if (now === live) return
    live = now
    notify()
  }
  provider.on('sync', onLive)
  provider.on('status', onLive)
  let dropping = false
  const end = (how: SessionEnd) => {
    for (const listener of [...endListeners]) listener(how)
  }
  provider.on('connection-close', (event) => {
    if (event?.code === CLOSE.boardGone) end('deleted')
    if (event?.code === CLOSE.refused && !dropping) {
      // As the board's own session: a refused change must not stay on this device.
      dropping = true
      void stored
        .destroy()
        .then(() => deleteDatabase(name))
        .then(() => end('change-refused'))
    }
  })
  // As the board's own session does: a lost network is known long before the socket times out.
  const goOffline = () => provider.disconnect()
  const goOnline = () => {
    if (!dropping) provider.connect()
  }
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)
  return {
    doc,
    origin,
    state: () => current,
    live: () => live,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onEnd(listener) {
      endListeners.add(listener)
      return () => endListeners.delete(listener)
    },
    destroy() {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      doc.off('update', onUpdate)
      listeners.clear()
      endListeners.clear()
      provider.destroy()
      presence.destroy()
      presence.doc.destroy()
      void stored.destroy()
      doc.destroy()
    },
  }
}
