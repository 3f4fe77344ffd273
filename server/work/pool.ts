// A small pool of worker threads for the relay's heavy jobs (jobs.ts), so the event loop keeps
// serving every board: a bounded queue in front (board JSON ahead of PDFs and imports, since a page
// waits for it), a time limit per job, a crashed or stuck thread replaced, idle threads ended.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { HttpError } from '../http/respond.ts'
import type { Metrics } from '../metrics.ts'
import type { WorkConfig } from './config.ts'
import type { Job, JobKind, JobResults } from './jobs.ts'
import type { JobMessage, ReplyMessage } from './worker.ts'

export interface WorkerEntry {
  /** The worker's file, or (eval) the code of a script that starts it. */
  start: URL | string
  eval?: boolean
}

/**
 * The worker's file. The built relay (`npm run build:server`) has dist/server/worker.js beside
 * dist/server/main.js. From source — vitest imports the server's TypeScript, `tsx server/main.ts`
 * — the thread imports worker.ts through tsx's tsImport (tsx is a dependency), so tests run the
 * sources as they are, with no build that could be stale. (`execArgv: ['--import', 'tsx']` does not
 * reach a worker's own entry on Node 20; tsImport does, and is resolved from this file, not from
 * the working directory.) A bundle made without the worker entry (a one-file esbuild call) falls
 * back to the sources two folders up, where the repository keeps them.
 */
export function workerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const built = new URL('./worker.js', moduleUrl)
  if (existsSync(built)) return { start: built }
  const source = moduleUrl.endsWith('.ts')
    ? new URL('./worker.ts', moduleUrl)
    : new URL('../../server/work/worker.ts', moduleUrl)
  if (!existsSync(source)) {
    throw new Error(`${built.pathname} is missing: build it with \`npm run build:server\``)
  }
  const tsx = pathToFileURL(esmExport(moduleUrl, 'tsx', './esm/api')).href
  const [api, entry] = [JSON.stringify(tsx), JSON.stringify(source.href)]
  return {
    start: `import(${api}).then(({ tsImport }) => tsImport(${entry}, ${entry}))`,
    eval: true,
  }
}

/** A package's ESM file for a subpath, from its exports (require.resolve would give the CJS one). */
function esmExport(from: string, name: string, subpath: string): string {
  const manifest = createRequire(from).resolve(`${name}/package.json`)
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>
  }
  return join(dirname(manifest), exports[subpath]!.import.default)
}

export interface PoolOptions extends Pick<WorkConfig, 'threads' | 'maxQueued' | 'jobTimeoutMs'> {
  metrics: Metrics
  entry?: WorkerEntry
  /** An idle thread is ended after this long (it is started again on the next job). */
  idleMs?: number
  /** Heap of one thread: a hostile file that needs more fails its own job, not the relay. */
  maxHeapMb?: number
}

interface Task {
  id: number
  job: Job
  resolve(value: unknown): void
  reject(err: Error): void
}

interface Slot {
  worker: Worker
  task: Task | null
  startedAt: number
  timer: NodeJS.Timeout | null
  /** Why the thread ended, when it did so on its own (an uncaught error, out of memory). */
  failure: Error | null
}

const URGENT: ReadonlySet<JobKind> = new Set(['board-json'])

export class WorkPool {
  private readonly slots = new Set<Slot>()
  private readonly queue: Task[] = []
  private readonly entry: WorkerEntry
  private nextId = 1
  private closed = false
  /** How long a job takes, smoothed: what a refused caller is told to wait. */
  private typicalMs = 1_000

  constructor(private readonly options: PoolOptions) {
    this.entry = options.entry ?? workerEntry()
  }

  /** Runs a job on a thread; refuses at once (503 with Retry-After) when the queue is full. */
  run<K extends JobKind>(job: Extract<Job, { kind: K }>): Promise<JobResults[K]> {
    if (this.closed) return Promise.reject(new HttpError(503, 'the server is shutting down'))
    const full = this.queue.length >= this.options.maxQueued
    if (full && this.running >= this.options.threads) {
      this.options.metrics.workRefused++
      return Promise.reject(
        new HttpError(503, 'the server is busy with other exports; try again shortly', {
          'Retry-After': String(this.retryAfterSeconds()),
        }),
      )
    }
    return new Promise<JobResults[K]>((resolve, reject) => {
      const task: Task = { id: this.nextId++, job, resolve: resolve as Task['resolve'], reject }
      if (URGENT.has(job.kind)) {
        const firstNormal = this.queue.findIndex((queued) => !URGENT.has(queued.job.kind))
        this.queue.splice(firstNormal === -1 ? this.queue.length : firstNormal, 0, task)
      } else this.queue.push(task)
      this.pump()
    })
  }

  get queued(): number {
    return this.queue.length
  }

  get running(): number {
    return [...this.slots].filter((slot) => slot.task !== null).length
  }

  async close(): Promise<void> {
    this.closed = true
    for (const task of this.queue.splice(0))
      task.reject(new HttpError(503, 'the server is shutting down'))
    this.options.metrics.workQueued = 0
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()))
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot =
        [...this.slots].find((candidate) => candidate.task === null) ??
        (this.slots.size < this.options.threads ? this.spawn() : null)
      if (!slot) break
      this.start(slot, this.queue.shift()!)
    }
    this.options.metrics.workQueued = this.queue.length
  }

  private start(slot: Slot, task: Task): void {
    if (slot.timer) clearTimeout(slot.timer)
    slot.task = task
    slot.startedAt = performance.now()
    slot.timer = setTimeout(() => this.timedOut(slot), this.options.jobTimeoutMs)
    slot.timer.unref()
    // The bytes are copied, not moved: a board's stored rows are a few MB at most.
    slot.worker.postMessage({ id: task.id, job: task.job } satisfies JobMessage)
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry.start, {
      eval: this.entry.eval ?? false,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 1024 },
    })
    // A thread never keeps the process alive; close() ends them on shutdown.
    worker.unref()
    const slot: Slot = { worker, task: null, startedAt: 0, timer: null, failure: null }
    worker.on('message', (reply: ReplyMessage) => this.answered(slot, reply))
    worker.on('error', (err) => (slot.failure = err))
    worker.on('exit', () => this.exited(slot))
    this.slots.add(slot)
    return slot
  }

  private answered(slot: Slot, reply: ReplyMessage): void {
    const task = slot.task
    if (!task || task.id !== reply.id) return
    const ms = performance.now() - slot.startedAt
    this.typicalMs = 0.8 * this.typicalMs + 0.2 * ms
    this.release(slot)
    const { metrics } = this.options
    metrics.workJobs++
    if (reply.ok) task.resolve(reply.value)
    else if (reply.status !== undefined) task.reject(new HttpError(reply.status, reply.message))
    else {
      metrics.workFailed++
      task.reject(new Error(`worker job ${task.job.kind} failed: ${reply.message}`))
    }
    this.pump()
  }

  /** The slot is free again: it takes the next job, or ends after a while without one. */
  private release(slot: Slot): void {
    slot.task = null
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = setTimeout(() => this.retire(slot), this.options.idleMs ?? 30_000)
    slot.timer.unref()
  }

  private timedOut(slot: Slot): void {
    const task = slot.task
    if (!task) return
    slot.task = null
    this.options.metrics.workFailed++
    task.reject(
      new HttpError(503, 'this took the server too long; try again later', { 'Retry-After': '60' }),
    )
    this.retire(slot)
    this.pump()
  }

  /** Ends a thread that is idle or stuck; it takes no job from now on. */
  private retire(slot: Slot): void {
    this.slots.delete(slot)
    if (slot.timer) clearTimeout(slot.timer)
    void slot.worker.terminate()
  }

  private exited(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer)
    // Retired threads are out of the set already; one that ended on its own is taken out here.
    if (!this.slots.delete(slot)) return
    const task = slot.task
    if (task) {
      this.options.metrics.workFailed++
      task.reject(
        new Error(`worker ended during ${task.job.kind}: ${slot.failure?.message ?? 'no reason'}`),
      )
    }
    if (!this.closed) this.pump()
  }

  private retryAfterSeconds(): number {
    const perThread = (this.queue.length + this.options.threads) / this.options.threads
    return Math.max(1, Math.ceil((perThread * this.typicalMs) / 1000))
  }
}
