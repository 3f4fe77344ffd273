// Picks where boards live from the configuration: SQLite on one machine (the default),
// PostgreSQL alone, or PostgreSQL with Redis streams when several relay processes share boards.
import { join } from 'node:path'
import { StreamBackend } from './cluster/streamBackend.ts'
import type { Config } from './config.ts'
import type { Logger } from './log.ts'
import type { Metrics } from './metrics.ts'
import type { RoomBackend } from './relay/backend.ts'
import { openPostgresStore } from './store/postgres.ts'
import { openSqliteStore } from './store/sqlite.ts'
import type { Store } from './store/types.ts'

export interface Storage {
  store: Store
  /** Absent: the relay uses its embedded, group-committed log in `store`. */
  backend?: RoomBackend
  mode: 'sqlite' | 'postgres' | 'cluster'
}

export async function openStorage(config: Config, log: Logger, metrics: Metrics): Promise<Storage> {
  if (config.redisUrl && !config.databaseUrl) {
    throw new Error(
      'REDIS_URL needs DATABASE_URL too: the relays keep their snapshots in PostgreSQL',
    )
  }
  if (!config.databaseUrl) {
    const store = openSqliteStore(join(config.dataDir, 'boards.sqlite'), (message) =>
      log.error('checkpoint failed', { error: message }),
    )
    return { store, mode: 'sqlite' }
  }
  const store = await openPostgresStore({
    connectionString: config.databaseUrl,
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  })
  if (!config.redisUrl) return { store, mode: 'postgres' }
  const backend = new StreamBackend({
    redisUrl: config.redisUrl,
    store,
    log,
    prefix: config.redisPrefix,
    leaseMs: config.leaseMs,
    compactEveryMs: config.clusterCompactMs,
    onPersisted: (bytes) => (metrics.bytesPersisted += bytes),
  })
  await backend.ready()
  return { store, backend, mode: 'cluster' }
}
