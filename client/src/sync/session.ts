// The only module that touches the network and the device store: one board's Y.Doc, its relay
// connection, its IndexedDB copy (so work done offline survives a reload), presence and undo.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import { Awareness } from 'y-protocols/awareness'
import { CLOSE, FINAL_CLOSE_CODES } from '../../../shared/closeCodes.ts'
import { ITEMS_MAP, META_MAP } from '../../../shared/index.ts'
import { boardProtocols, wsBase } from './links.ts'

export const PARTICIPANT_ROLES = [
  'ouder',
  'kind',
  'leerkracht',
  'ib',
  'jeugdhulp',
  'jgz',
  'smw',
  'anders',
] as const
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number]
export type AccessRole = 'facilitator' | 'edit' | 'view'

export interface SessionUser {
  name: string
  role: ParticipantRole
  color: string
}

export interface SessionStatus {
  connection: 'connecting' | 'connected' | 'offline' | 'refused'
  /** 'saved-local': changes kept in IndexedDB, not yet confirmed by the relay. */
  sync: 'synced' | 'syncing' | 'saved-local'
}

export interface BoardSession {
  boardId: string
  access: AccessRole
  doc: Y.Doc
  /** Origin of every local change: UndoManager tracks only this, so undo never touches others' work. */
  origin: object
  undo: Y.UndoManager
  awareness: Awareness
  status(): SessionStatus
  onStatus(listener: () => void): () => void
  setUser(user: SessionUser): void
  /** Board coordinates, or null when the pointer left the board. */
  setCursor(point: { x: number; y: number } | null): void
  /** Opens the relay connection of a session made with `connect: false`; otherwise nothing. */
  connect(): void
  destroy(): void
}

/**
 * A session before the server has said what its link may do: the page opens it at once, so the
 * document loads while that answer is on its way. The relay enforces the role on its own side.
 */
export type BoardConnection = Omit<BoardSession, 'access'>

export interface ConnectOptions {
  boardId: string
  token: string
  /** False: the relay connection waits for connect(), e.g. until a first frame is drawn. */
  connect?: boolean
}

export interface SessionOptions extends ConnectOptions {
  access: AccessRole
}

/** Key in the IndexedDB copy's own store: set while local changes have not reached the relay. */
const PENDING_KEY = 'pending-changes'

export function openSession({ boardId, token, access }: SessionOptions): BoardSession {
  return withAccess(connectBoard({ boardId, token }), access)
}

/** The connection's methods close over its state, so the copy shares everything but the role. */
export function withAccess(connection: BoardConnection, access: AccessRole): BoardSession {
  return { ...connection, access }
}

export function connectBoard({ boardId, token, connect = true }: ConnectOptions): BoardConnection {
  const doc = new Y.Doc()
  const origin = { session: boardId }
  const awareness = new Awareness(doc)
  awareness.setLocalState({ user: null, cursor: null })
  const stored = new IndexeddbPersistence(`mdo-${boardId}`, doc)
  const provider = new WebsocketProvider(wsBase(window.location), boardId, doc, {
    protocols: boardProtocols(token),
    connect,
    awareness,
    disableBc: true,
    // Retrying cannot fix a wrong, rotated or deleted link; it can fix a busy or restarting relay.
    shouldReconnect: (event) => !FINAL_CLOSE_CODES.includes(event.code),
  })
  const undo = new Y.UndoManager([doc.getMap<unknown>(ITEMS_MAP), doc.getMap<unknown>(META_MAP)], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 500,
  })

  const listeners = new Set<() => void>()
  let refused = false
  let pending = false
  let current: SessionStatus = { connection: 'connecting', sync: 'syncing' }

  function compute(): SessionStatus {
    if (refused) return { connection: 'refused', sync: pending ? 'saved-local' : 'syncing' }
    const connection = provider.wsconnected
      ? 'connected'
      : !navigator.onLine || provider.wsUnsuccessfulReconnects > 0
        ? 'offline'
        : 'connecting'
    if (connection === 'connected' && provider.synced && !pending) {
      return { connection, sync: 'synced' }
    }
    return { connection, sync: connection !== 'connected' && pending ? 'saved-local' : 'syncing' }
  }

  // status() must return the same object until something changes, for useSyncExternalStore.
  function refresh() {
    const next = compute()
    if (next.connection === current.connection && next.sync === current.sync) return
    current = next
    for (const listener of listeners) listener()
  }

  function setPending(value: boolean) {
    if (pending === value) return
    pending = value
    void (value ? stored.set(PENDING_KEY, 1) : stored.del(PENDING_KEY)).catch(() => {})
    refresh()
  }

  // A reload while offline must still show that this device holds unsent work.
  void stored.get(PENDING_KEY).then(
    (value) => value && !(provider.wsconnected && provider.synced) && setPending(true),
    () => {},
  )

  const onUpdate = (_update: Uint8Array, from: unknown) => {
    if (from === provider || from === stored) return
    // While synced, the provider writes each update to the open socket at once; otherwise the
    // relay gets it in the next sync handshake, and until then only IndexedDB holds it.
    if (!(provider.wsconnected && provider.synced)) setPending(true)
  }
  doc.on('update', onUpdate)

  // User timing marks, for the render bench and anyone reading a page load in DevTools.
  performance.mark('mdo:connect')
  provider.on('sync', (synced) => {
    if (synced) performance.mark('mdo:synced')
    if (synced && provider.wsconnected) setPending(false)
    refresh()
  })
  provider.on('status', refresh)
  provider.on('connection-error', refresh)
  provider.on('connection-close', (event) => {
    if (event && FINAL_CLOSE_CODES.includes(event.code)) {
      refused = true
      // A deleted board is deleted for real, the copy on this device too.
      if (event.code === CLOSE.boardGone) void stored.clearData().catch(() => {})
    }
    refresh()
  })

  // Browsers know about a lost network long before a silent socket times out (30 s).
  const goOffline = () => {
    provider.disconnect()
    refresh()
  }
  const goOnline = () => {
    if (!refused) provider.connect()
    refresh()
  }
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)

  return {
    boardId,
    doc,
    origin,
    undo,
    awareness,
    status: () => current,
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setUser: (user) => awareness.setLocalStateField('user', user),
    setCursor: (point) => awareness.setLocalStateField('cursor', point),
    connect: () => {
      if (!refused) provider.connect()
    },
    destroy() {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      doc.off('update', onUpdate)
      listeners.clear()
      undo.destroy()
      provider.destroy()
      awareness.destroy()
      void stored.destroy()
      doc.destroy()
    },
  }
}
