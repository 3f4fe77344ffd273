// The only module that touches the network and the device store: one board's Y.Doc, its relay
// connection, its IndexedDB copy (so work done offline survives a reload), presence and undo.
// Presence has a client id of its own (provider.ts), never the document's.
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { Awareness } from 'y-protocols/awareness'
import { CLOSE, FINAL_CLOSE_CODES } from '../../../shared/closeCodes.ts'
import { ITEMS_MAP, META_MAP } from '../../../shared/index.ts'
import { deviceSeat } from './attendance.ts'
import { boardDatabase, deleteDatabase } from './deviceData.ts'
import { boardProtocols, wsBase } from './links.ts'
import { openProvider, separatePresence } from './provider.ts'

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

/**
 * How the relay ended this copy of the board. 'deleted': the board is gone for good.
 * 'change-refused': the relay refused a change this copy holds; the device copy is dropped
 * already when this is reported, and the board must be opened afresh from the relay.
 */
export type SessionEnd = 'deleted' | 'change-refused'

/** Reconnecting cannot fix these; after a refused change, it would only send that change again. */
export function reconnects(code: number): boolean {
  return !FINAL_CLOSE_CODES.includes(code) && code !== CLOSE.refused
}

export interface BoardSession {
  boardId: string
  access: AccessRole
  doc: Y.Doc
  /** Origin of every local change: UndoManager tracks only this, so undo never touches others' work. */
  origin: object
  undo: Y.UndoManager
  /** This device's presence, under a client id that no update of the document carries. */
  awareness: Awareness
  status(): SessionStatus
  onStatus(listener: () => void): () => void
  /** Called once, when the relay deleted the board or refused a change of this copy. */
  onEnd(listener: (end: SessionEnd) => void): () => void
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
  const awareness = separatePresence()
  // The seat lets the facilitator's device record who was there (attendance.ts).
  awareness.setLocalState({ user: null, cursor: null, seat: deviceSeat(boardId) })
  const stored = new IndexeddbPersistence(boardDatabase(boardId), doc)
  const provider = openProvider(wsBase(window.location), boardId, doc, {
    protocols: boardProtocols(token),
    connect,
    presence: awareness,
    // Retrying cannot fix a wrong, rotated or deleted link; it can fix a busy or restarting relay.
    shouldReconnect: (event) => reconnects(event.code),
  })
  const undo = new Y.UndoManager([doc.getMap<unknown>(ITEMS_MAP), doc.getMap<unknown>(META_MAP)], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 500,
  })

  const listeners = new Set<() => void>()
  const endListeners = new Set<(end: SessionEnd) => void>()
  let ended: SessionEnd | null = null
  /** Set at once on a refused change: nothing reconnects while the copy is being dropped. */
  let dropping = false
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
  const end = (how: SessionEnd) => {
    if (ended) return
    ended = how
    for (const listener of [...endListeners]) listener(how)
  }
  provider.on('connection-close', (event) => {
    if (event && FINAL_CLOSE_CODES.includes(event.code)) refused = true
    // The page removes everything this device kept of a deleted board (deviceData.ts).
    if (event?.code === CLOSE.boardGone) end('deleted')
    if (event?.code === CLOSE.refused && !dropping) {
      dropping = true
      // This copy holds a change nobody else has and never will: it must not stay on the
      // device. The board is then loaded from the relay as everyone else has it.
      void stored
        .destroy()
        .then(() => deleteDatabase(boardDatabase(boardId)))
        .then(() => end('change-refused'))
    }
    refresh()
  })

  // Browsers know about a lost network long before a silent socket times out (30 s).
  const goOffline = () => {
    provider.disconnect()
    refresh()
  }
  const goOnline = () => {
    if (!refused && !dropping) provider.connect()
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
    onEnd(listener) {
      endListeners.add(listener)
      return () => endListeners.delete(listener)
    },
    setUser: (user) => awareness.setLocalStateField('user', user),
    setCursor: (point) => awareness.setLocalStateField('cursor', point),
    connect: () => {
      if (!refused && !dropping) provider.connect()
    },
    destroy() {
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      doc.off('update', onUpdate)
      listeners.clear()
      endListeners.clear()
      undo.destroy()
      provider.destroy()
      awareness.destroy()
      awareness.doc.destroy()
      void stored.destroy()
      doc.destroy()
    },
  }
}
