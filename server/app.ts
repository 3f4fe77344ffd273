// Wires one relay: HTTP (client, API, health) and websockets on one server, over one store.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { WebSocketServer } from 'ws'
import { CLOSE } from '../shared/closeCodes.ts'
import { Boards } from './boards.ts'
import type { Config } from './config.ts'
import { boardPdf } from './export/boardPdf.ts'
import { boardJsonMaker } from './boardJson.ts'
import { createApi } from './http/api.ts'
import { History } from './history/history.ts'
import { SECURITY_HEADERS } from './http/headers.ts'
import { HeavyWorkLimiter, RateLimiter } from './http/rateLimit.ts'
import { clientAddress, mayReadMetrics } from './http/addresses.ts'
import { HttpError, sendError } from './http/respond.ts'
import { createStatic } from './http/static.ts'
import { type Logger, pathOnly } from './log.ts'
import { Metrics } from './metrics.ts'
import { BOARD_PROTOCOL, CLOSE_GRACE_MS, acceptSocket, closeSocket } from './relay/socket.ts'
import { EmbeddedBackend, type RoomBackend } from './relay/backend.ts'
import { Rooms } from './relay/rooms.ts'
import { openSqliteStore } from './store/sqlite.ts'
import type { Store } from './store/types.ts'
import { WorkPool } from './work/pool.ts'
import { Workshops } from './workshops.ts'

// Network errors from PostgreSQL or Redis: a 503 tells a client (and a proxy) to try again.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03'])
const isUnreachable = (err: unknown) =>
  typeof err === 'object' &&
  err !== null &&
  UNREACHABLE.has(String((err as { code?: unknown }).code))

const TOO_MANY_TEXT = 'too many connections from this address\n'
const TOO_MANY_FROM_ADDRESS =
  'HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nRetry-After: 30\r\n' +
  `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${TOO_MANY_TEXT.length}\r\n\r\n` +
  TOO_MANY_TEXT

export interface Relay {
  server: Server
  store: Store
  rooms: Rooms
  metrics: Metrics
  boards: Boards
  workshops: Workshops
  /** Starts listening; resolves with the port (useful with port 0). */
  listen(): Promise<number>
  /** Closes every socket, writes what is pending and closes the store. */
  close(): Promise<void>
}

export interface RelayOptions {
  log: Logger
  now?: () => number
  store?: Store
  backend?: RoomBackend
  metrics?: Metrics
}

export function createRelay(config: Config, options: RelayOptions): Relay {
  const { log } = options
  const now = options.now ?? Date.now
  const store =
    options.store ??
    openSqliteStore(join(config.dataDir, 'boards.sqlite'), (message) =>
      log.error('checkpoint failed', { error: message }),
    )
  const metrics = options.metrics ?? new Metrics()
  const stopWatchingLoop = metrics.watchEventLoop()
  const backend: RoomBackend =
    options.backend ??
    new EmbeddedBackend(
      store,
      config.flushMs,
      (bytes) => (metrics.bytesPersisted += bytes),
      (err) => log.error('writing updates failed', { error: String(err) }),
    )
  const history: History = new History({
    store,
    read: (boardId, kind, read) => rooms.read(boardId, kind, read),
    now,
    intervalMs: config.historyIntervalMs,
    log,
  })
  const rooms: Rooms = new Rooms({
    watcher: history,
    backend,
    metrics,
    log,
    compactRows: config.compactRows,
    presenceTickMs: config.presenceTickMs,
    unloadDelayMs: config.unloadDelayMs,
    maxDocBytes: config.limits.maxDocBytes,
  })
  const boards = new Boards(store, rooms, metrics, now, config.retentionDays)
  const workshops = new Workshops(store, boards, now)
  const sweep = () =>
    boards
      .sweep()
      .then(async (count) => {
        if (count > 0) log.info('expired boards deleted', { count })
        // A workshop goes once the last of its boards has expired.
        const emptied = await workshops.sweep()
        if (emptied > 0) log.info('empty workshops deleted', { count: emptied })
      })
      .catch((err: unknown) => log.error('sweeping expired boards failed', { error: String(err) }))
  const sweeper = setInterval(() => void sweep(), config.sweepIntervalMs)
  sweeper.unref()
  // PDFs, board imports and board JSON run in worker threads (server/work/), off the event loop.
  const work = new WorkPool({ ...config.work, metrics })
  const handleApi = createApi({
    boards,
    workshops,
    metrics,
    maxJsonBodyBytes: config.limits.maxJsonBodyBytes,
    // A board file is at most what one websocket message may carry.
    maxImportBytes: config.limits.maxMessageBytes,
    exportPdf: (id, request) => boardPdf(rooms, work, id, request, now()),
    boardJson: boardJsonMaker(rooms, work),
    importBoard: (body) =>
      work.run({ kind: 'import', body, now: now(), maxPlainBytes: config.limits.maxJsonBodyBytes }),
    heavyWork: new HeavyWorkLimiter(config.work, now),
    creations: new RateLimiter(config.boardsPerHour, now),
    clientAddress: (req) => clientAddress(req, config.trustProxy),
    mayReadMetrics: (req) => mayReadMetrics(req, config.trustProxy, config.metricsToken),
    healthy: () => rooms.healthy,
    history,
    ...(backend.nodeId ? { nodeId: backend.nodeId } : {}),
  })
  const serveStatic = createStatic(config.clientDir)

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const path = pathOnly(req.url)
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    try {
      if (!(await handleApi(req, res, path))) await serveStatic(req, res, path)
    } catch (err) {
      if (err instanceof HttpError) return sendError(res, err)
      log.error('request failed', { method: req.method, path, error: String(err) })
      const refusal = isUnreachable(err)
        ? new HttpError(503, 'the board storage is briefly unavailable; try again in a moment')
        : new HttpError(500, 'something went wrong on the server')
      if (!res.headersSent) sendError(res, refusal)
      else res.destroy()
    }
  }

  const server = createServer((req, res) => void onRequest(req, res))
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.limits.maxMessageBytes,
    perMessageDeflate: false,
    // Only the board protocol is ever echoed back, never the token-carrying one.
    handleProtocols: (protocols) => (protocols.has(BOARD_PROTOCOL) ? BOARD_PROTOCOL : false),
  })
  const socketDeps = {
    store,
    rooms,
    limits: config.limits,
    metrics,
    log,
    pingIntervalMs: config.pingIntervalMs,
    now,
  }

  const originAllowed = (req: IncomingMessage) => {
    const origin = req.headers.origin
    if (!origin) return true // not a browser: the token is what counts
    if (config.allowedOrigins.includes(origin)) return true
    try {
      return new URL(origin).host === req.headers.host
    } catch {
      return false
    }
  }

  // Sockets per client address, from the upgrade request until the socket is gone.
  const perAddress = new Map<string, number>()
  server.on('upgrade', (req, socket, head) => {
    if (!pathOnly(req.url).startsWith('/ws/')) return void socket.destroy()
    const address = clientAddress(req, config.trustProxy)
    const open = perAddress.get(address) ?? 0
    if (open >= config.limits.maxConnectionsPerAddress) {
      // Refused before the upgrade, so nothing of the socket is read or kept.
      metrics.connectionsRefused++
      socket.pause()
      socket.end(TOO_MANY_FROM_ADDRESS)
      return void setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref()
    }
    perAddress.set(address, open + 1)
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1
      if (left > 0) perAddress.set(address, left)
      else perAddress.delete(address)
    })
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Refusals are sent as close codes after the upgrade, so a browser client can read them.
      if (!originAllowed(req)) {
        metrics.connectionsRefused++
        return closeSocket(ws, CLOSE.forbidden, 'this site may not open the board')
      }
      acceptSocket(ws, req, socketDeps).catch((err: unknown) => {
        log.error('websocket setup failed', { path: pathOnly(req.url), error: String(err) })
        closeSocket(ws, CLOSE.shuttingDown, 'the server could not open the board')
      })
    })
  })

  return {
    server,
    store,
    rooms,
    metrics,
    boards,
    workshops,
    listen: () =>
      new Promise((resolve, reject) => {
        void sweep()
        server.once('error', reject)
        server.listen(config.port, config.host, () =>
          resolve((server.address() as AddressInfo).port),
        )
      }),
    async close() {
      clearInterval(sweeper)
      stopWatchingLoop()
      for (const ws of wss.clients) ws.close(CLOSE.shuttingDown, 'the server is restarting')
      server.close()
      await work.close()
      await rooms.closeAll()
      await backend.shutdown()
      await store.close()
      for (const ws of wss.clients) ws.terminate()
    },
  }
}
