// After a delete the deleted bytes must leave the files. `secure_delete` zeroes them in the pages
// the delete writes, but those pages land in the WAL first, beside older copies still holding the
// text; a TRUNCATE checkpoint copies the zeroed pages into the database file and empties the WAL.
import type Database from 'better-sqlite3'

export interface Wiper {
  /** Resolves once a checkpoint that started after this call has emptied the WAL, or gave up. */
  wipe(): Promise<void>
  /** Stops retrying in the background (the store is closing). */
  stop(): void
}

export interface WiperOptions {
  /** Between two attempts while the checkpoint is busy. */
  retryMs?: number
  /** How long a delete waits for a busy checkpoint before it returns and retrying goes on alone. */
  patienceMs?: number
  onError?: (message: string) => void
}

export function createWiper(db: Database.Database, options: WiperOptions = {}): Wiper {
  const { retryMs = 20, patienceMs = 1_000, onError = () => {} } = options
  const waiting: (() => void)[] = []
  let running = false
  let stopped = false
  let background: NodeJS.Timeout | null = null

  // On the relay's own connection, between two of its synchronous transactions: no write of this
  // process can be under way. Busy means another connection holds the checkpoint lock (the
  // checkpointer's passive checkpoint) or reads an older snapshot; then it is tried again soon.
  // The busy handler is off meanwhile, so a wait never stalls the event loop.
  const attempt = (): boolean => {
    const timeout = db.pragma('busy_timeout', { simple: true }) as number
    try {
      db.pragma('busy_timeout = 0')
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
      return result?.busy === 0
    } catch (err) {
      onError(`wiping the WAL after a delete failed: ${String(err)}`)
      return false
    } finally {
      db.pragma(`busy_timeout = ${timeout}`)
    }
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  async function run(): Promise<void> {
    running = true
    const deadline = Date.now() + patienceMs
    while (waiting.length > 0 && !stopped) {
      // Every wipe() waiting now was called before this attempt starts: one success serves all.
      if (attempt()) {
        for (const resolve of waiting.splice(0)) resolve()
      } else if (Date.now() > deadline) {
        onError('the WAL is busy; deleted data is wiped from it as soon as it is free')
        for (const resolve of waiting.splice(0)) resolve()
        retryLater()
      } else {
        await sleep(retryMs)
      }
    }
    running = false
  }

  function retryLater(): void {
    if (background || stopped) return
    background = setTimeout(() => {
      background = null
      if (!stopped && !attempt()) retryLater()
    }, 250)
    background.unref()
  }

  return {
    wipe() {
      if (stopped) return Promise.resolve()
      return new Promise((resolve) => {
        waiting.push(resolve)
        if (!running) void run()
      })
    },
    stop() {
      stopped = true
      if (background) clearTimeout(background)
      for (const resolve of waiting.splice(0)) resolve()
    },
  }
}

/**
 * Free pages left by deletes made before `secure_delete` was on may still hold text: the first
 * open of such a file rebuilds it once (VACUUM), and notes that it did.
 */
export function wipeOldFreePages(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS wiped (at INTEGER NOT NULL)')
  if (db.prepare('SELECT 1 FROM wiped').get()) return
  db.exec('VACUUM')
  db.prepare('INSERT INTO wiped (at) VALUES (?)').run(Date.now())
  db.pragma('wal_checkpoint(TRUNCATE)')
}
