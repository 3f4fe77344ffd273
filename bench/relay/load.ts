// The simulated clients: raw `ws` sockets that speak just enough y-websocket to join a room, send
// their pre-generated updates at a steady pace and time how long each takes to reach the others.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { type ClientScript, readUpdateId } from './updates.ts'

export interface LoadPlan {
  /** One room URL and one script per client; clients of one board share a URL. */
  urls: string[]
  scripts: ClientScript[]
  clientsPerBoard: number
  editsPerSecond: number
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
  generatorCpuMicros: number
  /** How late the generator's own event loop ran: latency it adds to every relay alike. */
  generatorLoopDelayP99Ms: number
}

interface InFlight {
  sentAt: number
  waitingFor: number
}

const SETTLE_MS = 500
const DRAIN_MS = 2000
const LOOP_SAMPLE_MS = 10

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const inFlight = new Map<string, InFlight>()
  const latencies: number[] = []
  let measuring = false
  let echoes = 0
  let closing = false
  let closedByServer = 0
  let firstCloseReason = ''

  const onFrame = (own: number, data: Buffer) => {
    const now = performance.now()
    const id = readUpdateId(data)
    if (!id) return // sync replies, awareness, forwarded hellos
    if (id.client === own) return void echoes++
    const key = `${id.client}:${id.clock}`
    const entry = inFlight.get(key)
    if (!entry) return // an initial state, not timed
    if (--entry.waitingFor === 0) inFlight.delete(key)
    if (measuring) latencies.push(now - entry.sentAt)
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

  // Each client sends on its own steady timer; starts are spread over one interval so the load is
  // even rather than in bursts of all clients at once.
  const intervalMs = 1000 / plan.editsPerSecond
  let expected = 0
  const timers = sockets.map((ws, i) => {
    const { edits, editKeys } = script(plan, i)
    let next = 0
    const send = () => {
      const frame = edits[next]
      const key = editKeys[next]
      if (frame === undefined || key === undefined || ws.readyState !== ws.OPEN) return
      next++
      expected += plan.clientsPerBoard - 1
      inFlight.set(key, { sentAt: performance.now(), waitingFor: plan.clientsPerBoard - 1 })
      ws.send(frame)
    }
    const timer: { interval?: NodeJS.Timeout } = {}
    const start = setTimeout(
      () => {
        send()
        timer.interval = setInterval(send, intervalMs)
      },
      ((i * 0.618034) % 1) * intervalMs,
    )
    return () => {
      clearTimeout(start)
      clearInterval(timer.interval)
    }
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
  const delivered = latencies.length
  for (const stop of timers) stop()

  const drainUntil = performance.now() + DRAIN_MS
  while (inFlight.size > 0 && performance.now() < drainUntil) await sleep(50)
  let missing = 0
  for (const entry of inFlight.values()) missing += entry.waitingFor
  closing = true
  await Promise.all(sockets.map(close))

  return {
    windowMs,
    delivered,
    latenciesMs: Float64Array.from(latencies).sort(),
    missing,
    expected,
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
