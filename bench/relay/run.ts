// `npm run bench:relay`: the raw-forward floor, the stock @y/websocket-server and our relay under
// the same load in one run, in A B C A B C order so drift on the machine hits all three alike.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { runLoad } from './load.ts'
import {
  cpuMicros,
  machineBusyMicros,
  RELAYS,
  type RelayName,
  rssBytes,
  startRelay,
} from './procs.ts'
import { formatPresence } from './presenceReport.ts'
import { formatRate, percentile, type Runs, type RunStats } from './report.ts'
import { type ClientScript, scriptClient } from './updates.ts'

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!(value > 0)) throw new Error(`${name} must be a positive number`)
  return value
}
const settings = {
  boards: number('BENCH_BOARDS', 50),
  clientsPerBoard: number('BENCH_CLIENTS', 10),
  rates: (process.env.BENCH_RATES ?? '2,4').split(',').map(Number),
  warmupSeconds: number('BENCH_WARMUP_SECONDS', 2),
  seconds: number('BENCH_SECONDS', 10),
}
if (!settings.rates.every((rate) => rate > 0)) throw new Error('BENCH_RATES: e.g. "2,4"')
// The presence workload: every client moves its cursor at 20 Hz while it edits once a second.
const presence = {
  boards: number('BENCH_PRESENCE_BOARDS', 20),
  clientsPerBoard: settings.clientsPerBoard,
  cursorsPerSecond: number('BENCH_CURSOR_HZ', 20),
  editsPerSecond: 1,
}
const ROUNDS = 2
// The relay's default, unless passed through to it from this environment.
const COMPACT_ROWS = Number(process.env.COMPACT_ROWS ?? 500)
// One row for each client's initial state, then one per edit.
const loggedRows = (rate: number) =>
  Math.round(settings.clientsPerBoard * (1 + rate * (settings.warmupSeconds + settings.seconds)))
// Far from any client id a template or a real browser would use.
const FIRST_CLIENT_ID = 1_000_000

interface Workload {
  boards: number
  clientsPerBoard: number
  editsPerSecond: number
  cursorsPerSecond: number
  scripts: ClientScript[]
}

async function measureOnce(name: RelayName, workload: Workload): Promise<RunStats> {
  const { boards, clientsPerBoard, editsPerSecond, cursorsPerSecond, scripts } = workload
  const relay = await startRelay(name)
  try {
    const idleRss = rssBytes(relay.pid)
    const boardUrls = await relay.boardUrls(boards)
    let cpuAtStart = 0
    let cpuAtEnd = 0
    let busyAtStart = 0
    let busyAtEnd = 0
    let rss = 0
    const load = await runLoad({
      urls: scripts.map((_, i) => boardUrls[Math.floor(i / clientsPerBoard)] ?? ''),
      scripts,
      clientsPerBoard,
      editsPerSecond,
      cursorsPerSecond,
      warmupMs: settings.warmupSeconds * 1000,
      measureMs: settings.seconds * 1000,
      onWindowStart: () => {
        cpuAtStart = cpuMicros(relay.pid)
        busyAtStart = machineBusyMicros()
      },
      onWindowEnd: () => {
        cpuAtEnd = cpuMicros(relay.pid)
        busyAtEnd = machineBusyMicros()
        rss = rssBytes(relay.pid)
      },
    })
    const cpu = cpuAtEnd - cpuAtStart
    const percentOfWindow = (micros: number) => (micros / 1000 / load.windowMs) * 100
    return {
      delivered: load.delivered,
      msgsPerSecond: load.delivered / (load.windowMs / 1000),
      p50Ms: percentile(load.latenciesMs, 0.5),
      p99Ms: percentile(load.latenciesMs, 0.99),
      cpuMicrosPerMessage: cpu / load.delivered,
      cpuMicros: cpu,
      cursorsDelivered: load.cursors.delivered,
      cursorP50Ms: percentile(load.cursors.latenciesMs, 0.5),
      cursorP99Ms: percentile(load.cursors.latenciesMs, 0.99),
      cursorsMissing: load.cursors.missing,
      cursorsExpected: load.cursors.expected,
      rssMB: rss / 2 ** 20,
      idleRssMB: idleRss / 2 ** 20,
      serverCpuPercent: percentOfWindow(cpu),
      generatorCpuPercent: percentOfWindow(load.generatorCpuMicros),
      generatorLoopDelayP99Ms: load.generatorLoopDelayP99Ms,
      // Clock ticks are coarse, so a quiet machine can come out a little below zero.
      otherCpuPercent: Math.max(
        0,
        percentOfWindow(busyAtEnd - busyAtStart - cpu - load.generatorCpuMicros),
      ),
      missing: load.missing,
      expected: load.expected,
      echoes: load.echoes,
      closedByServer: load.closedByServer,
      firstCloseReason: load.firstCloseReason,
    }
  } finally {
    await relay.stop()
  }
}

async function measureLogged(
  name: RelayName,
  workload: Workload,
  label: string,
): Promise<RunStats | Error> {
  const stats = await measureOnce(name, workload).catch((err: unknown) =>
    err instanceof Error ? err : new Error(String(err)),
  )
  const cursors =
    !(stats instanceof Error) && workload.cursorsPerSecond > 0
      ? `, cursor p99 ${stats.cursorP99Ms.toFixed(2)} ms`
      : ''
  const summary =
    stats instanceof Error
      ? `failed: ${stats.message.split('\n')[0]}`
      : `${(stats.cpuMicros / 1000).toFixed(0)} ms CPU, ${stats.cpuMicrosPerMessage.toFixed(1)} µs/edit, ` +
        `edit p99 ${stats.p99Ms.toFixed(2)} ms${cursors}`
  console.error(`  ${label} ${name}: ${summary}`)
  return stats
}

function header(): string[] {
  const { boards, clientsPerBoard, rates, warmupSeconds, seconds } = settings
  return [
    '# Relay benchmark',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; ` +
      'relays and load generator share it',
    `- load: ${boards} boards × ${clientsPerBoard} clients, ${rates.join(' and ')} edits/s per client; ` +
      `${warmupSeconds} s warm-up, then ${seconds} s measured`,
    `- relays: floor = raw forward (bench/relay/floor.ts), peer = @y/websocket-server 0.1.1 in memory, ` +
      'ours = server/main.ts with SQLite persistence',
    `- order per rate: ${[...RELAYS, ...RELAYS].join(', ')}; every run starts a fresh relay process ` +
      '(ours with an empty data dir); each number is the mean of the two runs of that relay',
    '- delivered = an update reaching another client of its board, inside the measured window; ' +
      'latency = send to receive in the generator; CPU = server user+system time in the window ' +
      '(/proc) / delivered; RSS at the end of the window, idle RSS right after start',
    `- ours compacts a board every ${COMPACT_ROWS} logged updates (COMPACT_ROWS); by the end of ` +
      `the window a board has logged about ${rates.map((rate) => `${loggedRows(rate)} at ${rate}/s`).join(', ')}`,
    '- floor and ours run as JavaScript bundled by esbuild (`npm run build:server`), peer as shipped',
    `- presence: ${presence.boards} boards × ${presence.clientsPerBoard} clients, each moving its ` +
      `cursor at ${presence.cursorsPerSecond} Hz (a y-protocols awareness update with its whole ` +
      `state) and editing at ${presence.editsPerSecond}/s; ours merges a room's presence per ` +
      `tick (PRESENCE_TICK_MS, default 16 ms)`,
    '',
  ]
}

async function main() {
  const out: string[] = []
  const print = (lines: string[]) => {
    out.push(...lines)
    console.log(lines.join('\n'))
  }
  print(header())

  // Each run starts from an empty relay, so every run can replay the same scripts from the start.
  const clients = settings.boards * settings.clientsPerBoard
  const maxRate = Math.max(...settings.rates)
  const editCount = Math.ceil(maxRate * (settings.warmupSeconds + settings.seconds)) + 2
  const scripts = Array.from({ length: clients }, (_, i) =>
    scriptClient(FIRST_CLIENT_ID + i, editCount),
  )

  const edits = { boards: settings.boards, clientsPerBoard: settings.clientsPerBoard, scripts }
  for (const rate of settings.rates) {
    const runs: Runs = { floor: [], peer: [], ours: [] }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const name of RELAYS) {
        const workload = { ...edits, editsPerSecond: rate, cursorsPerSecond: 0 }
        runs[name].push(await measureLogged(name, workload, `${rate}/s round ${round}`))
      }
    }
    print(formatRate(rate, runs))
  }

  // Presence: each relay with the edits alone, then with the cursors on top, so the CPU the
  // cursors cost is the difference between the two.
  const seconds = settings.warmupSeconds + settings.seconds
  const presenceScripts = Array.from(
    { length: presence.boards * presence.clientsPerBoard },
    (_, i) =>
      scriptClient(
        FIRST_CLIENT_ID + i,
        seconds + 2,
        Math.ceil(presence.cursorsPerSecond * seconds) + 2,
      ),
  )
  const without: Runs = { floor: [], peer: [], ours: [] }
  const withCursors: Runs = { floor: [], peer: [], ours: [] }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of RELAYS) {
      const workload = { ...presence, scripts: presenceScripts }
      const quiet = { ...workload, cursorsPerSecond: 0 }
      without[name].push(await measureLogged(name, quiet, `presence round ${round}, edits only`))
      withCursors[name].push(await measureLogged(name, workload, `presence round ${round}`))
    }
  }
  print(formatPresence(presence, without, withCursors))

  const dir = new URL('../results/', import.meta.url)
  mkdirSync(dir, { recursive: true })
  const file = new URL(`relay-${new Date().toISOString().replace(/[:.]/g, '-')}.md`, dir)
  writeFileSync(file, out.join('\n') + '\n')
  console.log(`written to ${file.pathname}`)
}

await main()
