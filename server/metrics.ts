// Counters for operators, printed in the Prometheus text format by GET /metrics.
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks'

export class Metrics {
  /** How late the event loop runs: every message waits behind whatever blocks it. */
  private loopDelay: IntervalHistogram | null = null

  watchEventLoop(): () => void {
    this.loopDelay = monitorEventLoopDelay({ resolution: 10 })
    this.loopDelay.enable()
    return () => this.loopDelay?.disable()
  }

  roomsOpen = 0
  connections = 0
  messagesIn = 0
  messagesOut = 0
  messagesDropped = 0
  bytesPersisted = 0
  boardsCreated = 0
  connectionsRefused = 0
  // Heavy work in the worker pool (server/work/): PDFs, imports, board JSON.
  workJobs = 0
  workFailed = 0
  /** Refused at once: the queue was full (503), or a limit per address or board (429). */
  workRefused = 0
  workQueued = 0

  render(): string {
    const lines: string[] = []
    const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`)
    }
    metric('mdo_rooms_open', 'gauge', 'Documents loaded in memory.', this.roomsOpen)
    metric('mdo_connections', 'gauge', 'Open websocket connections.', this.connections)
    metric('mdo_messages_in_total', 'counter', 'Websocket messages received.', this.messagesIn)
    metric('mdo_messages_out_total', 'counter', 'Websocket messages sent.', this.messagesOut)
    metric(
      'mdo_messages_dropped_total',
      'counter',
      'Writes dropped because the link may not write.',
      this.messagesDropped,
    )
    metric('mdo_bytes_persisted_total', 'counter', 'Update bytes written.', this.bytesPersisted)
    metric('mdo_boards_created_total', 'counter', 'Boards created.', this.boardsCreated)
    metric(
      'mdo_connections_refused_total',
      'counter',
      'Connections refused or closed by a limit.',
      this.connectionsRefused,
    )
    metric('mdo_work_jobs_total', 'counter', 'Jobs the worker threads finished.', this.workJobs)
    metric(
      'mdo_work_failed_total',
      'counter',
      'Worker jobs that failed or ran too long.',
      this.workFailed,
    )
    metric(
      'mdo_work_refused_total',
      'counter',
      'Heavy requests refused (busy or over a limit).',
      this.workRefused,
    )
    metric('mdo_work_queued', 'gauge', 'Jobs waiting for a worker thread.', this.workQueued)
    metric('process_resident_memory_bytes', 'gauge', 'Resident memory.', process.memoryUsage.rss())
    if (this.loopDelay) {
      const seconds = (ns: number) => Number((ns / 1e9).toFixed(6))
      metric(
        'mdo_event_loop_delay_p99_seconds',
        'gauge',
        'Event loop delay, 99th percentile since start.',
        seconds(this.loopDelay.percentile(99)),
      )
      metric(
        'mdo_event_loop_delay_max_seconds',
        'gauge',
        'Longest event loop delay.',
        seconds(this.loopDelay.max),
      )
    }
    return lines.join('\n') + '\n'
  }
}
