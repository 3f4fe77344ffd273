// Reads the relay's settings from the environment once, with defaults a school can run as they are.
import { resolve } from 'node:path'
import { readWorkConfig, type WorkConfig } from './work/config.ts'

export interface Limits {
  /** Largest websocket message, bytes. */
  maxMessageBytes: number
  /**
   * Largest board document (snapshot plus logged updates), bytes. At most half of
   * maxBufferedBytes: a newcomer's whole-state send is no larger than the document, so it always
   * fits one socket's buffer and a full board can still be opened and cleaned up.
   */
  maxDocBytes: number
  /** Per document of a board: edit links, view links and voorzitter links each have a cap. */
  maxConnectionsPerBoard: number
  maxViewConnectionsPerBoard: number
  maxFacilitatorConnectionsPerBoard: number
  /** Open websockets (and upgrades under way) from one client address, over every board. */
  maxConnectionsPerAddress: number
  /** Sustained messages per second per connection, and the burst allowed above it. */
  messagesPerSecond: number
  messageBurst: number
  /** Client ids one connection may speak for in awareness. */
  maxAwarenessClientsPerConnection: number
  /** Bytes queued for one slow socket before it is dropped. */
  maxBufferedBytes: number
  maxJsonBodyBytes: number
}

export interface Config {
  port: number
  host: string
  dataDir: string
  clientDir: string
  /** Presence changes of a room within this window reach its peers as one message. */
  presenceTickMs: number
  /** Group commit window for the update log. */
  flushMs: number
  /** Log rows per document before it is compacted into a snapshot. */
  compactRows: number
  /** How long an empty room stays loaded, for quick reconnects. */
  unloadDelayMs: number
  pingIntervalMs: number
  /** Extra origins (besides the server's own host) allowed to open a websocket. */
  allowedOrigins: string[]
  /** PostgreSQL instead of SQLite; with redisUrl too, this process is one node of a cluster. */
  databaseUrl: string | null
  /** A PostgreSQL schema of its own (created when missing); default: the server's search path. */
  databaseSchema: string | null
  redisUrl: string | null
  /** Key prefix in Redis, so deployments can share one server. */
  redisPrefix: string
  leaseMs: number
  /** Days a board is kept without activity (a facilitator can shorten it per board). */
  retentionDays: number
  /** How often expired boards are swept away. */
  sweepIntervalMs: number
  /** Boards one client address may create per hour. */
  boardsPerHour: number
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean
  /** Lets GET /metrics answer other addresses than localhost, with `Authorization: Bearer`. */
  metricsToken: string | null
  /** How often the lease holder folds a grown Redis stream into its PostgreSQL snapshot. */
  clusterCompactMs: number
  /** Worker threads for PDFs, imports and board JSON, and the limits on that work. */
  work: WorkConfig
  /** History: how long a changing board goes at most without a new version (server/history/). */
  historyIntervalMs: number
  limits: Limits
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocBytes: 4 * 1024 * 1024,
  maxConnectionsPerBoard: 100,
  maxViewConnectionsPerBoard: 100,
  maxFacilitatorConnectionsPerBoard: 16,
  // A school's staff behind one NAT: every open board is two sockets (content and control).
  maxConnectionsPerAddress: 100,
  messagesPerSecond: 200,
  messageBurst: 600,
  maxAwarenessClientsPerConnection: 8,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxJsonBodyBytes: 64 * 1024,
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number ≥ 0, got "${raw}"`)
  }
  return value
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'PORT', 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    clientDir: resolve(env.CLIENT_DIR ?? './dist/client'),
    flushMs: int(env, 'FLUSH_MS', 20),
    presenceTickMs: int(env, 'PRESENCE_TICK_MS', 16),
    compactRows: int(env, 'COMPACT_ROWS', 500),
    unloadDelayMs: int(env, 'UNLOAD_DELAY_MS', 2000),
    pingIntervalMs: int(env, 'PING_INTERVAL_MS', 30_000),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    databaseUrl: env.DATABASE_URL || null,
    databaseSchema: env.DATABASE_SCHEMA || null,
    redisUrl: env.REDIS_URL || null,
    redisPrefix: env.REDIS_PREFIX || 'mdo',
    leaseMs: int(env, 'LEASE_MS', 15_000),
    retentionDays: Math.max(1, int(env, 'RETENTION_DAYS', 30)),
    sweepIntervalMs: int(env, 'SWEEP_INTERVAL_MS', 24 * 3_600_000),
    boardsPerHour: int(env, 'BOARDS_PER_HOUR', 60),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    metricsToken: env.METRICS_TOKEN || null,
    clusterCompactMs: int(env, 'CLUSTER_COMPACT_MS', 5_000),
    work: readWorkConfig(env),
    historyIntervalMs: Math.max(1, int(env, 'HISTORY_INTERVAL_MS', 4 * 60_000)),
    limits: checkDocLimit({
      maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', DEFAULT_LIMITS.maxMessageBytes),
      maxDocBytes: int(env, 'MAX_DOC_BYTES', DEFAULT_LIMITS.maxDocBytes),
      maxConnectionsPerBoard: int(
        env,
        'MAX_CONNECTIONS_PER_BOARD',
        DEFAULT_LIMITS.maxConnectionsPerBoard,
      ),
      maxViewConnectionsPerBoard: int(
        env,
        'MAX_VIEW_CONNECTIONS_PER_BOARD',
        DEFAULT_LIMITS.maxViewConnectionsPerBoard,
      ),
      maxFacilitatorConnectionsPerBoard: DEFAULT_LIMITS.maxFacilitatorConnectionsPerBoard,
      maxConnectionsPerAddress: int(
        env,
        'MAX_CONNECTIONS_PER_ADDRESS',
        DEFAULT_LIMITS.maxConnectionsPerAddress,
      ),
      messagesPerSecond: int(env, 'MAX_MESSAGES_PER_SECOND', DEFAULT_LIMITS.messagesPerSecond),
      messageBurst: int(env, 'MESSAGE_BURST', DEFAULT_LIMITS.messageBurst),
      maxAwarenessClientsPerConnection: DEFAULT_LIMITS.maxAwarenessClientsPerConnection,
      maxBufferedBytes: int(env, 'MAX_BUFFERED_BYTES', DEFAULT_LIMITS.maxBufferedBytes),
      maxJsonBodyBytes: DEFAULT_LIMITS.maxJsonBodyBytes,
    }),
  }
}

/** A board larger than half a socket's buffer could not be sent whole to anyone who opens it. */
function checkDocLimit(limits: Limits): Limits {
  if (limits.maxDocBytes > limits.maxBufferedBytes / 2) {
    throw new Error(
      `MAX_DOC_BYTES (${limits.maxDocBytes}) must be at most half of MAX_BUFFERED_BYTES ` +
        `(${limits.maxBufferedBytes}), so the whole board fits one socket's send buffer`,
    )
  }
  return limits
}
