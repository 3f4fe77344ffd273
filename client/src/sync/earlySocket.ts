// A board page's socket, opened by the early script (early/boot.ts) while the app's JavaScript is
// still loading, and handed to y-websocket when the session starts. A socket that joins without
// asking for anything is sent the whole board at once by the relay, so by the time the app runs
// the board has usually arrived. Free of imports, like the early script that carries it.

const KEY = Symbol.for('mdo-bord.early-socket')
/** An early socket the app has not taken by then is closed: it would only hold a seat. */
const UNCLAIMED_MS = 60_000

export interface EarlySocket {
  url: string
  protocols: string
  socket: WebSocket
  /** What happened on the socket before the app took it, in order. */
  backlog: Event[]
}

type Holder = { [KEY]?: EarlySocket }
const holder = globalThis as Holder

/** Run by the early script: opens the socket and keeps every event until the app takes it. */
export function openEarlySocket(url: string, protocols: string[]): EarlySocket {
  const socket = new WebSocket(url, protocols)
  socket.binaryType = 'arraybuffer'
  const early: EarlySocket = { url, protocols: protocols.join(), socket, backlog: [] }
  const keep = (event: Event) => {
    performance.mark(`mdo:early-${event.type}`)
    early.backlog.push(event)
  }
  socket.onopen = socket.onmessage = socket.onclose = socket.onerror = keep
  holder[KEY] = early
  setTimeout(() => {
    if (holder[KEY] !== early) return
    delete holder[KEY]
    socket.close()
  }, UNCLAIMED_MS)
  return early
}

/**
 * The early socket, if it was opened for this address, once; after that, nothing. One that has
 * closed already is taken too: its close code tells the provider whether to try again.
 */
function claim(url: string, protocols: string | string[] | undefined): EarlySocket | undefined {
  const early = holder[KEY]
  if (!early) return undefined
  delete holder[KEY]
  if (early.url === url && early.protocols === [protocols ?? []].flat().join()) return early
  early.socket.close()
  return undefined
}

type Handler = ((event: Event) => void) | null

/** The part of a WebSocket that y-websocket uses, over a socket that was opened before it. */
class AdoptedSocket {
  readonly CONNECTING = WebSocket.CONNECTING
  readonly OPEN = WebSocket.OPEN
  readonly CLOSING = WebSocket.CLOSING
  readonly CLOSED = WebSocket.CLOSED
  onopen: Handler = null
  onmessage: Handler = null
  onclose: Handler = null
  onerror: Handler = null

  constructor(
    private readonly socket: WebSocket,
    backlog: readonly Event[],
  ) {
    // y-websocket sets its handlers right after constructing the socket: hand on what already
    // happened once it has, then pass events straight through. No event can arrive in between,
    // as socket events are tasks and this is a microtask.
    queueMicrotask(() => {
      for (const event of backlog) this.dispatch(event)
      const pass = (event: Event) => this.dispatch(event)
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = pass
    })
  }

  get readyState(): number {
    return this.socket.readyState
  }

  get binaryType(): BinaryType {
    return this.socket.binaryType
  }

  set binaryType(type: BinaryType) {
    this.socket.binaryType = type
  }

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    this.socket.send(data)
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason)
  }

  private dispatch(event: Event): void {
    if (event.type === 'open') this.onopen?.(event)
    else if (event.type === 'message') this.onmessage?.(event)
    else if (event.type === 'close') this.onclose?.(event)
    else this.onerror?.(event)
  }
}

/**
 * For y-websocket's WebSocketPolyfill: the first socket asked for is the early one when that was
 * opened for the same room and is still usable; any other (a reconnect) is a new WebSocket.
 */
export const EarlyOrNewWebSocket = function (url: string, protocols?: string | string[]) {
  const early = claim(url, protocols)
  return early ? new AdoptedSocket(early.socket, early.backlog) : new WebSocket(url, protocols)
} as unknown as typeof WebSocket
