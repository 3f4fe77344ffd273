// Binds one websocket to a room: checks the link on upgrade, enforces the per-connection limits
// and hands each parsed frame to the room. A bad frame closes this socket and nothing else. Once a
// socket's close has started, nothing more it sends is read, and it is cut off after a short grace.
import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import { CLOSE } from '../../shared/closeCodes.ts'
import { isBoardIdShape, roleForToken } from '../access.ts'
import type { Limits } from '../config.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import { ROLES, type DocKind, type Role, type Store } from '../store/types.ts'
import { ProtocolError, parseFrame } from './protocol.ts'
import type { Peer, Room } from './room.ts'
import type { Rooms } from './rooms.ts'
import { endWriting, writeFrame } from './wire.ts'

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
const MAX_EARLY_BYTES = 256 * 1024

/** How long a socket whose close has started may take to go before it is cut off. */
export const CLOSE_GRACE_MS = 1000

// The close reason is limited to 123 bytes by the protocol.
const reasonText = (reason: string) => Buffer.from(reason).subarray(0, 123).toString()

/**
 * Starts closing a socket: from now on nothing it sends is read (its frames are neither buffered
 * nor handled), and a socket that does not go within CLOSE_GRACE_MS is cut off. The close frame
 * and the end of the stream go out at once, so an honest client learns the code without delay.
 */
export function closeSocket(ws: WebSocket, code: number, reason: string): void {
  if (ws.readyState !== ws.OPEN) return
  ws.pause()
  ws.close(code, reasonText(reason))
  endWriting(ws)
  const cutOff = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS)
  cutOff.unref()
  ws.once('close', () => clearTimeout(cutOff))
}

class SocketPeer implements Peer {
  readonly awarenessClients = new Set<number>()
  private tokens: number
  private lastRefill: number
  alive = true
  private left = false

  constructor(
    private readonly ws: WebSocket,
    readonly role: Role,
    private readonly deps: SocketDeps,
    /** Takes the peer out of its room and the counts. */
    private readonly onLeave: () => void,
  ) {
    this.tokens = deps.limits.messageBurst
    this.lastRefill = deps.now()
  }

  send(message: Uint8Array): void {
    if (this.ready(message.byteLength)) this.ws.send(message, { binary: true })
  }

  sendFrame(frame: Buffer): void {
    if (this.ready(frame.byteLength)) writeFrame(this.ws, frame)
  }

  /** Whether `bytes` more fit the socket's buffer (a whole board too); a socket past it is closed. */
  private ready(bytes: number): boolean {
    if (this.ws.readyState !== this.ws.OPEN) return false
    if (this.ws.bufferedAmount + bytes > this.deps.limits.maxBufferedBytes) {
      this.close(CLOSE.slowConsumer, 'connection too slow to keep up')
      return false
    }
    this.deps.metrics.messagesOut++
    return true
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState !== this.ws.OPEN) return
    closeSocket(this.ws, code, reason)
    this.leave()
  }

  /** Leaves the room, once: when the relay starts closing the socket, or when it has gone. */
  leave(): void {
    if (this.left) return
    this.left = true
    this.onLeave()
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
  // Frames that arrive while the link is checked and the room loads are handled in order after,
  // up to a few and a few hundred KiB; a refused socket's are dropped with it.
  const early: Buffer[] = []
  let earlyBytes = 0
  let handle: ((data: Buffer) => void) | null = null
  let peer: SocketPeer | null = null
  const refuse = (code: number, reason: string) => {
    if (ws.readyState !== ws.OPEN) return
    metrics.connectionsRefused++
    early.length = 0
    if (peer) peer.close(code, reason)
    else closeSocket(ws, code, reason)
  }
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    // A socket whose close has started is not read; what was already read goes nowhere.
    if (ws.readyState !== ws.OPEN) return
    metrics.messagesIn++
    if (!isBinary) return refuse(CLOSE.badMessage, 'binary messages only')
    if (handle) return handle(data)
    earlyBytes += data.byteLength
    if (early.length < MAX_EARLY_MESSAGES && earlyBytes <= MAX_EARLY_BYTES) early.push(data)
    else refuse(CLOSE.tooMany, 'too many messages before the board was open')
  })
  ws.on('error', () => ws.terminate())

  const target = parseWsPath(request.url ?? '')
  if (!target) return refuse(CLOSE.forbidden, 'no such board')
  const token = target.token ?? tokenFromProtocols(request.headers['sec-websocket-protocol'])
  if (!token) return refuse(CLOSE.noToken, 'this board needs a link with a token')
  // A link replaced while this one is checked must not get in on the old check.
  const rotations = (role: Role) => deps.rooms.rotations(target.boardId, role)
  const before = new Map(ROLES.map((role) => [role, rotations(role)]))
  const board = await deps.store.getBoard(target.boardId)
  // An unknown board and a wrong token look the same: a board id alone tells nothing.
  const role = roleForToken(board, token)
  if (!role) return refuse(CLOSE.forbidden, 'this link is not valid (any more)')
  if (ws.readyState !== ws.OPEN) return
  if (!deps.rooms.healthy)
    return refuse(CLOSE.shuttingDown, 'the board is briefly unavailable; try again')

  const room = await deps.rooms.acquire(target.boardId, target.kind)
  if (ws.readyState !== ws.OPEN) return deps.rooms.released(room)
  const problem = rotations(role) === before.get(role) ? full(room, role, deps.limits) : REPLACED
  if (problem) {
    deps.rooms.released(room)
    return refuse(problem.code, problem.reason)
  }
  const joined = new SocketPeer(ws, role, deps, () => {
    metrics.connections--
    room.leave(joined)
    deps.rooms.released(room)
  })
  peer = joined
  metrics.connections++
  // A client sends sync step 1 as soon as its socket opens; one that has not yet is busy (a page
  // starting up) and gets the board without having to ask.
  room.join(joined, { sendState: !early.some(isSyncStep1) })
  // Someone opened the board: it counts as activity for the retention period.
  deps.store.touchBoard(target.boardId, deps.now()).catch(() => undefined)
  ws.on('close', () => joined.leave())
  ws.on('pong', () => (joined.alive = true))
  const ping = setInterval(() => {
    if (!joined.alive) return ws.terminate()
    joined.alive = false
    ws.ping()
  }, deps.pingIntervalMs)
  ws.on('close', () => clearInterval(ping))

  handle = (data) => receive(room, joined, data, deps)
  for (const data of early.splice(0)) {
    if (ws.readyState === ws.OPEN) handle(data)
  }
}

/**
 * Why one more connection of this role does not fit the room, or null. View links have a cap of
 * their own, so a crowd of them never keeps the voorzitter or an edit link out; so do voorzitter
 * links, which are few.
 */
function full(room: Room, role: Role, limits: Limits): Refusal | null {
  const cap =
    role === 'view'
      ? limits.maxViewConnectionsPerBoard
      : role === 'edit'
        ? limits.maxConnectionsPerBoard
        : limits.maxFacilitatorConnectionsPerBoard
  let count = 0
  for (const peer of room.peers) if (peer.role === role) count++
  if (count < cap) return null
  const which = role === 'view' ? 'view connections' : 'connections'
  return { code: CLOSE.tooMany, reason: `too many ${which} on this board` }
}

interface Refusal {
  code: number
  reason: string
}

const REPLACED: Refusal = { code: CLOSE.forbidden, reason: 'this link is not valid (any more)' }

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
