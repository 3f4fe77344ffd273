// One thread of the worker pool (server/work/pool.ts): runs the jobs it is handed, one at a time,
// and answers with bytes. Bundled as dist/server/worker.js; run from source through tsx in tests.
import { readlinkSync } from 'node:fs'
import { constants, setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { lazyReportFont } from '../export/reportFont.ts'
import { HttpError } from '../http/respond.ts'
import { runJob, type Job } from './jobs.ts'

export interface JobMessage {
  id: number
  job: Job
}

export type ReplyMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; status?: number }

/**
 * On Linux a thread has a nice value of its own: below normal, the event loop's thread wins
 * whenever the two want the same core, so a long export slows itself rather than every board.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, constants.priority.PRIORITY_BELOW_NORMAL)
  } catch {
    // Not Linux, or not allowed: the thread runs at the process's priority.
  }
}

const port = parentPort
if (!port) throw new Error('server/work/worker.ts is a worker thread, not a program')

lowerPriority()
const font = lazyReportFont()

port.on('message', ({ id, job }: JobMessage) => {
  runJob(job, font).then(
    ({ value, transfer }) =>
      port.postMessage({ id, ok: true, value } satisfies ReplyMessage, transfer),
    (err: unknown) => {
      // A refusal (a broken board file, say) keeps its status; anything else is a bug: a 500.
      const reply: ReplyMessage =
        err instanceof HttpError
          ? { id, ok: false, message: err.message, status: err.status }
          : {
              id,
              ok: false,
              message: err instanceof Error ? (err.stack ?? err.message) : String(err),
            }
      port.postMessage(reply)
    },
  )
})
