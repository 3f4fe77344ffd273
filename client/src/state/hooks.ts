// React's view of the stores: each hook subscribes through useSyncExternalStore and returns
// objects that keep their identity until they change, so memoised components skip the rest.
import { useCallback, useSyncExternalStore } from 'react'
import type { Item, ItemId } from '../../../shared/index.ts'
import type { BoardSession, SessionStatus, SessionUser } from '../sync/session.ts'
import type { BoardIndex } from './boardIndex.ts'
import type { UiState, UiStore } from './ui.ts'

export function useIndexVersion(index: BoardIndex): number {
  return useSyncExternalStore(index.subscribe, () => index.version)
}

export function useItem(index: BoardIndex, id: ItemId): Item | undefined {
  const read = useCallback(() => index.get(id), [index, id])
  return useSyncExternalStore(index.subscribe, read)
}

export function useItems(index: BoardIndex): readonly Item[] {
  const read = useCallback(() => index.all(), [index])
  return useSyncExternalStore(index.subscribe, read)
}

export function useChildren(index: BoardIndex, id: ItemId): readonly Item[] {
  const read = useCallback(() => index.childrenOf(id), [index, id])
  return useSyncExternalStore(index.subscribe, read)
}

export function useStatus(session: BoardSession): SessionStatus {
  return useSyncExternalStore(session.onStatus, session.status)
}

/** The whole UiState, or one part of it when a selector is given. */
export function useUi(ui: UiStore): UiState
export function useUi<T>(ui: UiStore, select: (state: UiState) => T): T
export function useUi<T>(ui: UiStore, select?: (state: UiState) => T): T | UiState {
  const read = useCallback(() => (select ? select(ui.get()) : ui.get()), [ui, select])
  return useSyncExternalStore(ui.subscribe, read)
}

export interface Peer {
  clientId: number
  user: SessionUser
  isSelf: boolean
}

// Presence changes far less often than cursors move: the list is rebuilt only when someone's
// name, role or colour changed, not on every pointer move that awareness also reports.
const presenceCache = new WeakMap<BoardSession, { key: string; peers: Peer[] }>()

function readPeers(session: BoardSession): Peer[] {
  const self = session.awareness.clientID
  const peers: Peer[] = []
  session.awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: unknown }).user
    if (isUser(user)) peers.push({ clientId, user, isSelf: clientId === self })
  })
  peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.clientId - b.clientId)
  const key = JSON.stringify(peers)
  const cached = presenceCache.get(session)
  if (cached?.key === key) return cached.peers
  presenceCache.set(session, { key, peers })
  return peers
}

/** Awareness comes from any peer: only a well-formed user is shown, its colour a plain hex. */
function isUser(value: unknown): value is SessionUser {
  if (typeof value !== 'object' || value === null) return false
  const user = value as Record<string, unknown>
  return (
    typeof user.name === 'string' &&
    user.name.length <= 80 &&
    typeof user.role === 'string' &&
    typeof user.color === 'string' &&
    /^#[0-9a-fA-F]{6}$/.test(user.color)
  )
}

export function usePresence(session: BoardSession): Peer[] {
  const subscribe = useCallback(
    (listener: () => void) => {
      session.awareness.on('change', listener)
      return () => session.awareness.off('change', listener)
    },
    [session],
  )
  const read = useCallback(() => readPeers(session), [session])
  return useSyncExternalStore(subscribe, read)
}
