// Starts each relay in its own child process, so CPU time and memory can be read per process from
// /proc, and tells the load generator where each board's clients connect.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const RELAYS = ['floor', 'peer', 'ours'] as const
export type RelayName = (typeof RELAYS)[number]

export interface RunningRelay {
  pid: number
  /** One websocket URL per board, creating the boards where the relay needs that. */
  boardUrls(boards: number): Promise<string[]>
  stop(): Promise<void>
}

const HOST = '127.0.0.1'
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

interface Launch {
  args: string[]
  env: Record<string, string>
  cleanup?: () => void
}

function launchFor(name: RelayName, port: number): Launch {
  const env = { HOST, PORT: String(port) }
  switch (name) {
    case 'floor':
      return { args: ['dist/bench/floor.js'], env }
    case 'peer':
      // Without YPERSISTENCE the stock server keeps every document in memory only.
      return { args: ['node_modules/@y/websocket-server/src/server.js'], env }
    case 'ours': {
      const dataDir = mkdtempSync(join(tmpdir(), 'bench-relay-'))
      return {
        args: ['dist/server/main.js'],
        env: {
          ...env,
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          // The default per-connection rate limit is for people, not for this load.
          MAX_MESSAGES_PER_SECOND: '10000',
          MESSAGE_BURST: '10000',
          // Every simulated client comes from 127.0.0.1.
          MAX_CONNECTIONS_PER_ADDRESS: '100000',
        },
        cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
      }
    }
  }
}

export async function startRelay(name: RelayName): Promise<RunningRelay> {
  const port = await freePort()
  const launch = launchFor(name, port)
  // The rest of this environment passes through, so a relay setting (FLUSH_MS, COMPACT_ROWS…)
  // can be tried without editing the bench.
  const env = { ...process.env, ...launch.env }
  delete env.YPERSISTENCE
  // BENCH_PROFILE_DIR: a V8 CPU profile of each of our relay's runs, to see what the time goes to.
  const profile = process.env.BENCH_PROFILE_DIR
  const flags = name === 'ours' && profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []
  const child = spawn(process.execPath, [...flags, ...launch.args], {
    cwd: ROOT,
    env,
    stdio: 'pipe',
  })
  const output = keepTail(child)
  const base = `http://${HOST}:${port}`
  try {
    await waitHealthy(`${base}/healthz`, child, output)
  } catch (err) {
    await stopChild(child)
    launch.cleanup?.()
    throw err
  }
  if (child.pid === undefined) throw new Error(`${name} did not start`)
  return {
    pid: child.pid,
    boardUrls: async (boards) => {
      const indexes = Array.from({ length: boards }, (_, i) => i)
      if (name !== 'ours') return indexes.map((i) => `ws://${HOST}:${port}/bench-${i}`)
      return Promise.all(indexes.map(() => createBoard(base)))
    },
    stop: async () => {
      await stopChild(child)
      launch.cleanup?.()
    },
  }
}

export async function createBoard(base: string): Promise<string> {
  const res = await fetch(`${base}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'blank', title: 'bench' }),
  })
  if (res.status !== 201) throw new Error(`creating a board: ${res.status} ${await res.text()}`)
  const { id, editToken } = (await res.json()) as { id: string; editToken: string }
  return `${base.replace('http', 'ws')}/ws/${id}?t=${editToken}`
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, HOST, () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

/** The last few kB a child printed, to explain a failed start without buffering a whole run. */
export function keepTail(child: ChildProcess): () => string {
  let tail = ''
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000))
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return () => tail
}

export async function waitHealthy(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output()}`)
    try {
      if ((await fetch(url)).status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no 200 from ${url} within 20 s:\n${output()}`)
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

// /proc counts CPU time in clock ticks, usually 100 per second.
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  } catch {
    return 100
  }
})()

/** User plus system CPU time the process has used so far, in µs. */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may hold spaces; the fields after it are fixed: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1e6) / ticksPerSecond
}

/** CPU time the whole machine has been busy so far (all cores, all processes), in µs. */
export function machineBusyMicros(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? ''
  // cpu user nice system idle iowait irq softirq steal …: all but idle and iowait are busy.
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number)
  const ticks = fields.reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0)
  return (ticks * 1e6) / ticksPerSecond
}

export function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(match?.[1] ?? NaN) * 1024
}
