// Moves SQLite's WAL checkpoints off the event loop. A checkpoint copies pages into the database
// file and syncs it to disk, which can take milliseconds; done by the relay's own connection it
// would hold up every message in flight. A worker thread with its own connection does it instead.
import { Worker } from 'node:worker_threads'

// Plain CommonJS so it runs as an eval'd worker, with or without a bundler.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require('better-sqlite3')
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (err) { parentPort.postMessage(String(err)) }
}, workerData.intervalMs)
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close() })
`

export interface Checkpointer {
  stop(): Promise<void>
}

export function startCheckpointer(
  file: string,
  intervalMs: number,
  onError: (message: string) => void,
): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs } })
  worker.on('message', (message: string) => onError(message))
  worker.on('error', (err) => onError(String(err)))
  worker.unref()
  return {
    async stop() {
      worker.postMessage('stop')
      await new Promise((resolve) => worker.once('exit', resolve))
    },
  }
}
