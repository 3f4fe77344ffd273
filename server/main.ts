// Entry point: read the environment, open the storage it names, start one relay, and stop
// cleanly on SIGTERM/SIGINT.
import { createRelay } from './app.ts'
import { readConfig } from './config.ts'
import { createLogger, type Level } from './log.ts'
import { Metrics } from './metrics.ts'
import { openStorage } from './storage.ts'

const config = readConfig()
const log = createLogger((process.env.LOG_LEVEL as Level | undefined) ?? 'info')
const metrics = new Metrics()
const storage = await openStorage(config, log, metrics)
const relay = createRelay(config, { log, metrics, store: storage.store, backend: storage.backend })
const port = await relay.listen()
log.info('relay listening', { port, storage: storage.mode, dataDir: config.dataDir })

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log.info('stopping', { signal })
    relay.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('stopping failed', { error: String(err) })
        process.exit(1)
      },
    )
  })
}
