// A board socket: the stock y-websocket provider for the document, with presence under a client
// id of its own. y-websocket announces the local presence as `doc.clientID`, the id inside every
// update this device writes; a presence entry (with a name) would tie those updates to a person.
// Here the provider's own awareness stays empty, and this module carries the presence instead.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import { WebsocketProvider, messageAwareness, messageQueryAwareness } from 'y-websocket'
import * as Y from 'yjs'

export interface ProviderOptions {
  protocols: string[]
  /** False: wait for provider.connect(). */
  connect?: boolean
  /** This socket's presence, an Awareness over a Y.Doc of its own; null: no presence at all. */
  presence: Awareness | null
  shouldReconnect(event: CloseEvent): boolean
  /** Node's `ws`, for tests; browsers use their own WebSocket. */
  WebSocketPolyfill?: typeof WebSocket
  maxBackoffTime?: number
}

/** A presence made apart from any document, so its client id is one no update ever carries. */
export function separatePresence(): Awareness {
  return new Awareness(new Y.Doc())
}

class BoardProvider extends WebsocketProvider {
  presence: Awareness | null = null

  /** The stock one tells the relay that `doc.clientID`'s presence left; ours has another id. */
  override disconnectBc(): void {
    if (this.presence) sendPresence(this, this.presence, new Map())
  }
}

function send(provider: WebsocketProvider, message: Uint8Array): void {
  const ws = provider.ws
  if (provider.wsconnected && ws && ws.readyState === ws.OPEN) ws.send(message)
}

/** This device's own entry only: a socket speaks for its own presence, never relays others'. */
function sendPresence(
  provider: WebsocketProvider,
  presence: Awareness,
  states: Map<number, unknown> = presence.getStates(),
): void {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageAwareness)
  encoding.writeVarUint8Array(
    encoder,
    encodeAwarenessUpdate(presence, [presence.clientID], states as Map<number, never>),
  )
  send(provider, encoding.toUint8Array(encoder))
}

export function openProvider(
  url: string,
  room: string,
  doc: Y.Doc,
  options: ProviderOptions,
): WebsocketProvider {
  const { presence } = options
  const inert = emptyAwareness()
  const provider = new BoardProvider(url, room, doc, {
    protocols: options.protocols,
    connect: options.connect ?? true,
    // Never given a local state, so y-websocket has nothing to announce under the doc's id.
    awareness: inert,
    disableBc: true,
    shouldReconnect: options.shouldReconnect,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    ...(options.maxBackoffTime ? { maxBackoffTime: options.maxBackoffTime } : {}),
  })
  provider.presence = presence
  provider.messageHandlers[messageAwareness] = (_encoder, decoder) => {
    const update = decoding.readVarUint8Array(decoder)
    if (presence) applyAwarenessUpdate(presence, update, provider)
  }
  provider.messageHandlers[messageQueryAwareness] = (encoder) => {
    if (!presence) return
    encoding.writeVarUint(encoder, messageAwareness)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(presence, [presence.clientID]))
  }
  const detach = presence ? carryPresence(provider, presence) : () => {}
  const destroy = provider.destroy.bind(provider)
  provider.destroy = () => {
    destroy()
    detach()
    inert.destroy()
  }
  return provider
}

/** Sends this device's presence when it changes and on every (re)connect; returns the undo. */
function carryPresence(provider: WebsocketProvider, presence: Awareness): () => void {
  const onUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === provider) return
    const own = presence.clientID
    if ([change.added, change.updated, change.removed].some((ids) => ids.includes(own))) {
      sendPresence(provider, presence)
    }
  }
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') {
      // After the provider's own sync step 1, which it writes right after this event.
      queueMicrotask(() => {
        if (presence.getLocalState() !== null) sendPresence(provider, presence)
      })
    } else if (status === 'disconnected') {
      // As y-websocket does for its own awareness: who is there is unknown until back.
      const others = [...presence.getStates().keys()].filter((id) => id !== presence.clientID)
      removeAwarenessStates(presence, others, provider)
    }
  }
  presence.on('update', onUpdate)
  provider.on('status', onStatus)
  return () => {
    presence.off('update', onUpdate)
    provider.off('status', onStatus)
  }
}

function emptyAwareness(): Awareness {
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState(null)
  return awareness
}
