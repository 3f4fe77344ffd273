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
const ROUNDS = 2
// The relay's default, unless passed through to it from this environment.
const COMPACT_ROWS = Number(process.env.COMPACT_ROWS ?? 500)
// One row for each client's initial state, then one per edit.
const loggedRows = (rate: number) =>
  Math.round(settings.clientsPerBoard * (1 + rate * (settings.warmupSeconds + settings.seconds)))
// Far from any client id a template or a real browser would use.
const FIRST_CLIENT_ID = 1_000_000

async function measureOnce(
  name: RelayName,
  rate: number,
  scripts: ClientScript[],
): Promise<RunStats> {
  const relay = await startRelay(name)
  try {
    const idleRss = rssBytes(relay.pid)
    const boardUrls = await relay.boardUrls(settings.boards)
    let cpuAtStart = 0
    let cpuAtEnd = 0
    let busyAtStart = 0
    let busyAtEnd = 0
    let rss = 0
    const load = await runLoad({
      urls: scripts.map((_, i) => boardUrls[Math.floor(i / settings.clientsPerBoard)] ?? ''),
      scripts,
      clientsPerBoard: settings.clientsPerBoard,
      editsPerSecond: rate,
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

  for (const rate of settings.rates) {
    const runs: Runs = { floor: [], peer: [], ours: [] }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const name of RELAYS) {
        const stats = await measureOnce(name, rate, scripts).catch((err: unknown) =>
          err instanceof Error ? err : new Error(String(err)),
        )
        runs[name].push(stats)
        const summary =
          stats instanceof Error
            ? `failed: ${stats.message.split('\n')[0]}`
            : `${stats.cpuMicrosPerMessage.toFixed(1)} µs/msg, p99 ${stats.p99Ms.toFixed(2)} ms`
        console.error(`  ${rate}/s round ${round} ${name}: ${summary}`)
      }
    }
    print(formatRate(rate, runs))
  }

  const dir = new URL('../results/', import.meta.url)
  mkdirSync(dir, { recursive: true })
  const file = new URL(`relay-${new Date().toISOString().replace(/[:.]/g, '-')}.md`, dir)
  writeFileSync(file, out.join('\n') + '\n')
  console.log(`written to ${file.pathname}`)
}

await main()
