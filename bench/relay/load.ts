// The simulated clients: raw `ws` sockets that speak just enough y-websocket to join a room, send
// their pre-generated updates at a steady pace and time how long each takes to reach the others.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { type ClientScript, readCursorIds, readUpdateId } from './updates.ts'

export interface LoadPlan {
  /** One room URL and one script per client; clients of one board share a URL. */
  urls: string[]
  scripts: ClientScript[]
  clientsPerBoard: number
  editsPerSecond: number
  /** Cursor moves per second per client (awareness); 0 or absent: none. */
  cursorsPerSecond?: number
  warmupMs: number
  measureMs: number
  /** Called when the timed window opens and closes, to sample the server there. */
  onWindowStart(): void
  onWindowEnd(): void
}

export interface LoadResult {
  windowMs: number
  /** Updates that reached another client of the board inside the window. */
  delivered: number
  latenciesMs: Float64Array
  /** Deliveries still missing after the drain, out of `expected` for the whole run. */
  missing: number
  expected: number
  /** Updates sent back to their own sender (the stock server does that); not counted as delivered. */
  echoes: number
  /** Sockets the server closed during the run, with the first reason given. */
  closedByServer: number
  firstCloseReason: string
  /** Cursor states that reached another client inside the window, and their latencies. */
  cursors: { delivered: number; latenciesMs: Float64Array; missing: number; expected: number }
  generatorCpuMicros: number
  /** How late the generator's own event loop ran: latency it adds to every relay alike. */
  generatorLoopDelayP99Ms: number
}

interface InFlight {
  sentAt: number
  waitingFor: number
}

/** Messages of one kind on their way: when each was sent and how many receivers it still lacks. */
class Tracker {
  readonly inFlight = new Map<string, InFlight>()
  readonly latencies: number[] = []
  expected = 0

  sent(key: string, receivers: number): void {
    this.expected += receivers
    this.inFlight.set(key, { sentAt: performance.now(), waitingFor: receivers })
  }

  received(key: string, now: number, measuring: boolean): void {
    const entry = this.inFlight.get(key)
    if (!entry) return // an initial state, not timed
    if (--entry.waitingFor === 0) this.inFlight.delete(key)
    if (measuring) this.latencies.push(now - entry.sentAt)
  }

  missing(): number {
    let missing = 0
    for (const entry of this.inFlight.values()) missing += entry.waitingFor
    return missing
  }
}

const SETTLE_MS = 500
const DRAIN_MS = 2000
const LOOP_SAMPLE_MS = 10

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const edits = new Tracker()
  const cursors = new Tracker()
  let measuring = false
  let echoes = 0
  let closing = false
  let closedByServer = 0
  let firstCloseReason = ''

  const onFrame = (own: number, data: Buffer) => {
    const now = performance.now()
    for (const id of readCursorIds(data)) {
      if (id.client !== own) cursors.received(`${id.client}:${id.clock}`, now, measuring)
    }
    const id = readUpdateId(data)
    if (!id) return // sync replies, awareness, forwarded hellos
    if (id.client === own) return void echoes++
    edits.received(`${id.client}:${id.clock}`, now, measuring)
  }

  const onClose = (code: number, reason: string) => {
    if (closing) return
    closedByServer++
    firstCloseReason ||= `${code} ${reason}`
  }
  const sockets = await Promise.all(
    plan.urls.map((url, i) => {
      const client = script(plan, i)
      return connect(url, client, (data) => onFrame(client.clientId, data), onClose)
    }),
  )
  await sleep(SETTLE_MS)

  // Each client sends on its own steady timers (every()).
  const receivers = plan.clientsPerBoard - 1
  const timers = sockets.flatMap((ws, i) => {
    const client = script(plan, i)
    const steady = (perSecond: number, frames: Uint8Array[], keys: string[], to: Tracker) => {
      let next = 0
      return every(1000 / perSecond, i, () => {
        const frame = frames[next]
        const key = keys[next]
        if (frame === undefined || key === undefined || ws.readyState !== ws.OPEN) return
        next++
        to.sent(key, receivers)
        ws.send(frame)
      })
    }
    const own = [steady(plan.editsPerSecond, client.edits, client.editKeys, edits)]
    if (plan.cursorsPerSecond) {
      own.push(steady(plan.cursorsPerSecond, client.cursors.frames, client.cursors.keys, cursors))
    }
    return own
  })

  await sleep(plan.warmupMs)
  plan.onWindowStart()
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS })
  loopDelay.enable()
  const cpuBefore = process.cpuUsage()
  const openedAt = performance.now()
  measuring = true
  await sleep(plan.measureMs)
  measuring = false
  const windowMs = performance.now() - openedAt
  const cpu = process.cpuUsage(cpuBefore)
  loopDelay.disable()
  plan.onWindowEnd()
  const delivered = edits.latencies.length
  const cursorsDelivered = cursors.latencies.length
  for (const stop of timers) stop()

  const drainUntil = performance.now() + DRAIN_MS
  while (edits.inFlight.size > 0 && performance.now() < drainUntil) await sleep(50)
  closing = true
  await Promise.all(sockets.map(close))

  return {
    windowMs,
    delivered,
    latenciesMs: Float64Array.from(edits.latencies).sort(),
    missing: edits.missing(),
    expected: edits.expected,
    cursors: {
      delivered: cursorsDelivered,
      latenciesMs: Float64Array.from(cursors.latencies).sort(),
      // A merged message carries a client's newest state only: the ones it replaced never come.
      missing: cursors.missing(),
      expected: cursors.expected,
    },
    echoes,
    closedByServer,
    firstCloseReason,
    generatorCpuMicros: cpu.user + cpu.system,
    // The histogram holds whole sampling intervals; the delay is what exceeds one.
    generatorLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_SAMPLE_MS),
  }
}

function script(plan: LoadPlan, i: number): ClientScript {
  const found = plan.scripts[i]
  if (!found) throw new Error(`no script for client ${i}`)
  return found
}

/** Opens a socket, says hello and sends the client's initial state, as a provider would. */
function connect(
  url: string,
  script: ClientScript,
  onFrame: (data: Buffer) => void,
  onClose: (code: number, reason: string) => void,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false })
    ws.on('message', (data: Buffer) => onFrame(data))
    ws.on('error', reject) // after the open this rejects nothing; the close that follows counts
    ws.on('close', (code, reason) => {
      reject(new Error(`closed while connecting: ${code} ${reason}`))
      onClose(code, reason.toString())
    })
    ws.once('open', () => {
      ws.send(script.hello)
      ws.send(script.initial)
      resolve(ws)
    })
  })
}

function close(ws: WebSocket): Promise<void> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve()
  return new Promise((resolve) => {
    ws.once('close', () => resolve())
    ws.terminate()
  })
}

/**
 * Runs `send` every `intervalMs`; the starts of the clients are spread over one interval so the
 * load is even rather than in bursts of all clients at once. Returns the stop.
 */
function every(intervalMs: number, client: number, send: () => void): () => void {
  const timer: { interval?: NodeJS.Timeout } = {}
  const start = setTimeout(
    () => {
      send()
      timer.interval = setInterval(send, intervalMs)
    },
    ((client * 0.618034) % 1) * intervalMs,
  )
  return () => {
    clearTimeout(start)
    clearInterval(timer.interval)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
