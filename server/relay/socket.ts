// Binds one websocket to a room: checks the link on upgrade, enforces the per-connection limits
// and hands each parsed frame to the room. A bad frame closes this socket and nothing else.
import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import { CLOSE } from '../../shared/closeCodes.ts'
import { isBoardIdShape, roleForToken } from '../access.ts'
import type { Limits } from '../config.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import type { DocKind, Role, Store } from '../store/types.ts'
import { ProtocolError, parseFrame } from './protocol.ts'
import type { Peer, Room } from './room.ts'
import type { Rooms } from './rooms.ts'
import { writeFrame } from './wire.ts'

export interface SocketDeps {
  store: Store
  rooms: Rooms
  limits: Limits
  metrics: Metrics
  log: Logger
  pingIntervalMs: number
  now: () => number
}

/** `/ws/<board>` is the content document, `/ws/<board>.control` the facilitator's. */
export function parseWsPath(
  url: string,
): { boardId: string; kind: DocKind; token: string | null } | null {
  const parsed = new URL(url, 'http://relay')
  const match = /^\/ws\/([^/.]+)(\.control)?$/.exec(parsed.pathname)
  if (!match?.[1] || !isBoardIdShape(match[1])) return null
  return {
    boardId: match[1],
    kind: match[2] ? 'control' : 'content',
    token: parsed.searchParams.get('t'),
  }
}

/** The subprotocol a browser offers to say "this is the board protocol". */
export const BOARD_PROTOCOL = 'mdo.v1'
const TOKEN_PROTOCOL_PREFIX = 'token.'

/**
 * A browser may carry its token as a websocket subprotocol (`token.<token>`) instead of in the
 * query, which keeps it out of reverse-proxy access logs that record URLs.
 */
export function tokenFromProtocols(header: string | undefined): string | null {
  for (const protocol of (header ?? '').split(',')) {
    const trimmed = protocol.trim()
    if (trimmed.startsWith(TOKEN_PROTOCOL_PREFIX))
      return trimmed.slice(TOKEN_PROTOCOL_PREFIX.length)
  }
  return null
}

// A client sends sync step 1 and its presence on open; anything past this before the board is
// loaded is a flood.
const MAX_EARLY_MESSAGES = 64

// The close reason is limited to 123 bytes by the protocol.
const reasonText = (reason: string) => Buffer.from(reason).subarray(0, 123).toString()

class SocketPeer implements Peer {
  readonly awarenessClients = new Set<number>()
  private tokens: number
  private lastRefill: number
  alive = true

  constructor(
    private readonly ws: WebSocket,
    readonly role: Role,
    private readonly deps: SocketDeps,
  ) {
    this.tokens = deps.limits.messageBurst
    this.lastRefill = deps.now()
  }

  send(message: Uint8Array): void {
    if (this.ready()) this.ws.send(message, { binary: true })
  }

  sendFrame(frame: Buffer): void {
    if (this.ready()) writeFrame(this.ws, frame)
  }

  private ready(): boolean {
    if (this.ws.readyState !== this.ws.OPEN) return false
    if (this.ws.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      this.close(CLOSE.slowConsumer, 'connection too slow to keep up')
      return false
    }
    this.deps.metrics.messagesOut++
    return true
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.close(code, reasonText(reason))
  }

  /** Token bucket: false when this message exceeds the rate limit. */
  takeToken(): boolean {
    const now = this.deps.now()
    const { messagesPerSecond, messageBurst } = this.deps.limits
    this.tokens = Math.min(
      messageBurst,
      this.tokens + ((now - this.lastRefill) * messagesPerSecond) / 1000,
    )
    this.lastRefill = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

export async function acceptSocket(
  ws: WebSocket,
  request: IncomingMessage,
  deps: SocketDeps,
): Promise<void> {
  const { metrics } = deps
  // Frames that arrive while the link is checked and the room loads are handled in order after.
  const early: Buffer[] = []
  let handle: ((data: Buffer) => void) | null = null
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    metrics.messagesIn++
    if (!isBinary) return void ws.close(CLOSE.badMessage, 'binary messages only')
    if (handle) handle(data)
    else if (early.length < MAX_EARLY_MESSAGES) early.push(data)
    else ws.close(CLOSE.tooMany, 'too many messages before the board was open')
  })
  ws.on('error', () => ws.terminate())

  const refuse = (code: number, reason: string) => {
    metrics.connectionsRefused++
    ws.close(code, reason)
  }
  const target = parseWsPath(request.url ?? '')
  if (!target) return refuse(CLOSE.forbidden, 'no such board')
  const token = target.token ?? tokenFromProtocols(request.headers['sec-websocket-protocol'])
  if (!token) return refuse(CLOSE.noToken, 'this board needs a link with a token')
  const board = await deps.store.getBoard(target.boardId)
  // An unknown board and a wrong token look the same: a board id alone tells nothing.
  const role = roleForToken(board, token)
  if (!role) return refuse(CLOSE.forbidden, 'this link is not valid (any more)')
  if (ws.readyState !== ws.OPEN) return
  if (!deps.rooms.healthy)
    return refuse(CLOSE.shuttingDown, 'the board is briefly unavailable; try again')

  const room = await deps.rooms.acquire(target.boardId, target.kind)
  if (ws.readyState !== ws.OPEN) return deps.rooms.released(room)
  if (room.peers.size >= deps.limits.maxConnectionsPerBoard) {
    deps.rooms.released(room)
    return refuse(CLOSE.tooMany, 'too many connections on this board')
  }
  const peer = new SocketPeer(ws, role, deps)
  metrics.connections++
  // A client sends sync step 1 as soon as its socket opens; one that has not yet is busy (a page
  // starting up) and gets the board without having to ask.
  room.join(peer, { sendState: !early.some(isSyncStep1) })
  // Someone opened the board: it counts as activity for the retention period.
  deps.store.touchBoard(target.boardId, deps.now()).catch(() => undefined)
  ws.on('close', () => {
    metrics.connections--
    room.leave(peer)
    deps.rooms.released(room)
  })
  ws.on('pong', () => (peer.alive = true))
  const ping = setInterval(() => {
    if (!peer.alive) return ws.terminate()
    peer.alive = false
    ws.ping()
  }, deps.pingIntervalMs)
  ws.on('close', () => clearInterval(ping))

  handle = (data) => receive(room, peer, data, deps)
  for (const data of early.splice(0)) handle(data)
}

/** y-websocket's sync step 1: message type 0 (sync), then sync message type 0. */
const isSyncStep1 = (data: Buffer) => data[0] === 0 && data[1] === 0

function receive(room: Room, peer: SocketPeer, data: Buffer, deps: SocketDeps): void {
  if (!peer.takeToken()) {
    deps.metrics.connectionsRefused++
    return peer.close(CLOSE.tooMany, 'too many messages per second')
  }
  let frame
  try {
    frame = parseFrame(data)
  } catch (err) {
    if (!(err instanceof ProtocolError)) throw err
    return peer.close(CLOSE.badMessage, err.message)
  }
  try {
    switch (frame.kind) {
      case 'sync-step1':
        return room.answerSyncStep1(peer, frame.stateVector)
      case 'sync-step2':
      case 'update':
        // A link that may not write is still allowed to read; its writes stop here.
        if (!room.mayWrite(peer.role)) {
          deps.metrics.messagesDropped++
          return
        }
        return room.receiveUpdate(peer, frame.update, frame.kind === 'update' ? data : null)
      case 'awareness':
        return room.receiveAwareness(
          peer,
          frame.update,
          data,
          deps.limits.maxAwarenessClientsPerConnection,
        )
      case 'query-awareness':
        return room.answerAwarenessQuery(peer)
    }
  } catch (err) {
    if (!(err instanceof ProtocolError)) throw err
    peer.close(CLOSE.badMessage, err.message)
  }
}
