// npm run bench:cluster — the same load on one relay and on two relays of a cluster (Redis
// streams + PostgreSQL), with the clients of every board split across the relays. Also the
// embedded relay (SQLite, no Redis) as a reference. Prints fan-out latency and throughput.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { runLoad } from '../relay/load.ts'
import {
  cpuMicros,
  createBoard,
  freePort,
  keepTail,
  rssBytes,
  stopChild,
  waitHealthy,
} from '../relay/procs.ts'
import { percentile } from '../relay/report.ts'
import { scriptClient } from '../relay/updates.ts'

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const settings = {
  boards: number('BENCH_BOARDS', 50),
  clientsPerBoard: number('BENCH_CLIENTS', 10),
  rate: number('BENCH_RATE', 4),
  warmupSeconds: number('BENCH_WARMUP_SECONDS', 2),
  seconds: number('BENCH_SECONDS', 10),
}
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const SETUPS = [
  { name: 'embedded, 1 relay (SQLite)', relays: 1, cluster: false },
  { name: 'cluster, 1 relay', relays: 1, cluster: true },
  { name: 'cluster, 2 relays', relays: 2, cluster: true },
] as const
type Setup = (typeof SETUPS)[number]

interface Row {
  setup: string
  delivered: number
  msgsPerSecond: number
  p50: number
  p99: number
  cpuPerMessage: number
  cpuPercentPerRelay: string
  rssMB: string
}

async function startRelays(setup: Setup, schema: string) {
  const relays: { child: ChildProcess; base: string }[] = []
  const prefix = `mdo-bench-${randomBytes(4).toString('hex')}`
  for (let i = 0; i < setup.relays; i++) {
    const port = await freePort()
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-cluster-')),
      LOG_LEVEL: 'warn',
      MAX_MESSAGES_PER_SECOND: '10000',
      MESSAGE_BURST: '10000',
      // Every simulated client comes from 127.0.0.1.
      MAX_CONNECTIONS_PER_ADDRESS: '100000',
    }
    if (setup.cluster) {
      Object.assign(env, { DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL, REDIS_PREFIX: prefix })
    } else {
      delete env.DATABASE_URL
      delete env.REDIS_URL
    }
    const child = spawn(process.execPath, ['dist/server/main.js'], { env, stdio: 'pipe' })
    const base = `http://127.0.0.1:${port}`
    await waitHealthy(`${base}/healthz`, child, keepTail(child))
    relays.push({ child, base })
  }
  return relays
}

async function measure(setup: Setup, schema: string): Promise<Row> {
  const relays = await startRelays(setup, schema)
  try {
    const { boards, clientsPerBoard, rate, warmupSeconds, seconds } = settings
    const boardUrls = await Promise.all(
      Array.from({ length: boards }, () => createBoard(relays[0]!.base)),
    )
    // Client i of a board connects to relay i mod n: every board spans every relay.
    const urls = Array.from({ length: boards * clientsPerBoard }, (_, i) => {
      const board = boardUrls[Math.floor(i / clientsPerBoard)]!
      const relay = relays[(i % clientsPerBoard) % relays.length]!
      return board.replace(relays[0]!.base.replace('http', 'ws'), relay.base.replace('http', 'ws'))
    })
    const edits = Math.ceil(rate * (warmupSeconds + seconds)) + 2
    const scripts = urls.map((_, i) => scriptClient(2_000_000 + i, edits))
    const pids = relays.map((relay) => relay.child.pid!)
    let cpuStart: number[] = []
    let cpuEnd: number[] = []
    let rss: number[] = []
    const load = await runLoad({
      urls,
      scripts,
      clientsPerBoard,
      editsPerSecond: rate,
      warmupMs: warmupSeconds * 1000,
      measureMs: seconds * 1000,
      onWindowStart: () => (cpuStart = pids.map(cpuMicros)),
      onWindowEnd: () => {
        cpuEnd = pids.map(cpuMicros)
        rss = pids.map(rssBytes)
      },
    })
    const cpu = cpuEnd.map((end, i) => end - cpuStart[i]!)
    const total = cpu.reduce((a, b) => a + b, 0)
    return {
      setup: setup.name,
      delivered: load.delivered,
      msgsPerSecond: load.delivered / (load.windowMs / 1000),
      p50: percentile(load.latenciesMs, 0.5),
      p99: percentile(load.latenciesMs, 0.99),
      cpuPerMessage: total / load.delivered,
      cpuPercentPerRelay: cpu.map((c) => ((c / 1000 / load.windowMs) * 100).toFixed(0)).join(' + '),
      rssMB: rss.map((r) => (r / 2 ** 20).toFixed(0)).join(' + '),
    }
  } finally {
    await Promise.all(relays.map((relay) => stopChild(relay.child)))
  }
}

async function main() {
  const schema = `mdo_bench_${randomBytes(4).toString('hex')}`
  const { boards, clientsPerBoard, rate, warmupSeconds, seconds } = settings
  const lines = [
    '# Cluster benchmark',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} cores, Node ${process.version}; relays, Redis, PostgreSQL and the load generator share it`,
    `- load: ${boards} boards × ${clientsPerBoard} clients at ${rate} edits/s each; ${warmupSeconds} s warm-up, ${seconds} s measured`,
    '- with 2 relays, client i of each board connects to relay i mod 2, so every update crosses Redis to half its receivers',
    '- order: each setup runs twice, alternating; numbers are the mean of the two runs',
    '',
  ]
  console.log(lines.join('\n'))
  const rows = new Map<string, Row[]>()
  try {
    for (let round = 0; round < 2; round++) {
      for (const setup of SETUPS) {
        const row = await measure(setup, schema)
        console.error(`  round ${round + 1} ${setup.name}: p99 ${row.p99.toFixed(2)} ms`)
        rows.set(setup.name, [...(rows.get(setup.name) ?? []), row])
      }
    }
  } finally {
    const db = new pg.Client({ connectionString: DATABASE_URL })
    await db.connect()
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await db.end()
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
  const table = [
    '| setup | delivered msgs | msgs/s | p50 ms | p99 ms | CPU µs/delivered (all relays) | CPU % per relay | RSS MB per relay |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...SETUPS.map(({ name }) => {
      const runs = rows.get(name)!
      const avg = (key: 'delivered' | 'msgsPerSecond' | 'p50' | 'p99' | 'cpuPerMessage') =>
        mean(runs.map((run) => run[key]))
      return `| ${name} | ${avg('delivered').toFixed(0)} | ${avg('msgsPerSecond').toFixed(0)} | ${avg('p50').toFixed(2)} | ${avg('p99').toFixed(2)} | ${avg('cpuPerMessage').toFixed(1)} | ${runs.map((r) => r.cpuPercentPerRelay).join(' / ')} | ${runs[runs.length - 1]!.rssMB} |`
    }),
  ]
  console.log(table.join('\n'))
  mkdirSync('bench/results', { recursive: true })
  const file = `bench/results/cluster-${new Date().toISOString().replace(/[:.]/g, '-')}.md`
  writeFileSync(file, [...lines, ...table, ''].join('\n'))
  console.log(`\nwritten to ${file}`)
  process.exit(0)
}

await main()
