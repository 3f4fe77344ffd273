// Turns the runs into the printed report: one table per rate and the ratios the issue asks for.
import { RELAYS, type RelayName } from './procs.ts'

export interface RunStats {
  delivered: number
  msgsPerSecond: number
  p50Ms: number
  p99Ms: number
  cpuMicrosPerMessage: number
  /** The relay's CPU time in the window, µs. */
  cpuMicros: number
  /** Cursor states (awareness) that reached another client in the window. */
  cursorsDelivered: number
  cursorP50Ms: number
  cursorP99Ms: number
  cursorsMissing: number
  cursorsExpected: number
  rssMB: number
  /** RSS right after start, before any client: the runtime's own share. */
  idleRssMB: number
  serverCpuPercent: number
  generatorCpuPercent: number
  generatorLoopDelayP99Ms: number
  /** CPU the rest of the machine used in the window: other work skews every number. */
  otherCpuPercent: number
  missing: number
  expected: number
  echoes: number
  closedByServer: number
  firstCloseReason: string
}

/** Both runs of one relay at one rate; a run that failed is kept as its error. */
export type Runs = Record<RelayName, (RunStats | Error)[]>

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length

export function meanOf(runs: (RunStats | Error)[]): RunStats | null {
  const ok = runs.filter((run): run is RunStats => !(run instanceof Error))
  if (ok.length === 0) return null
  const avg = (key: keyof RunStats) => mean(ok.map((run) => Number(run[key])))
  const sum = (key: keyof RunStats) => ok.reduce((total, run) => total + Number(run[key]), 0)
  return {
    delivered: avg('delivered'),
    msgsPerSecond: avg('msgsPerSecond'),
    p50Ms: avg('p50Ms'),
    p99Ms: avg('p99Ms'),
    cpuMicrosPerMessage: avg('cpuMicrosPerMessage'),
    cpuMicros: avg('cpuMicros'),
    cursorsDelivered: avg('cursorsDelivered'),
    cursorP50Ms: avg('cursorP50Ms'),
    cursorP99Ms: avg('cursorP99Ms'),
    cursorsMissing: sum('cursorsMissing'),
    cursorsExpected: sum('cursorsExpected'),
    rssMB: avg('rssMB'),
    idleRssMB: avg('idleRssMB'),
    serverCpuPercent: avg('serverCpuPercent'),
    generatorCpuPercent: avg('generatorCpuPercent'),
    generatorLoopDelayP99Ms: avg('generatorLoopDelayP99Ms'),
    otherCpuPercent: avg('otherCpuPercent'),
    missing: sum('missing'),
    expected: sum('expected'),
    echoes: sum('echoes'),
    closedByServer: sum('closedByServer'),
    firstCloseReason: ok.map((run) => run.firstCloseReason).find(Boolean) ?? '',
  }
}

export const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a'

const COLUMNS = [
  'relay',
  'delivered msgs',
  'msgs/s',
  'p50 ms',
  'p99 ms',
  'CPU µs/delivered',
  'RSS MB',
  'idle RSS MB',
  'server CPU %',
  'generator CPU %',
]

export const row = (cells: string[]) => `| ${cells.join(' | ')} |`

/** A Markdown table's header and its alignment row (the first column left, the rest right). */
export const tableHead = (columns: string[]) => [
  row(columns),
  row(columns.map((_, i) => (i === 0 ? '---' : '---:'))),
]

function tableRow(name: RelayName, m: RunStats): string {
  return row([
    name,
    fixed(m.delivered, 0),
    fixed(m.msgsPerSecond, 0),
    fixed(m.p50Ms, 2),
    fixed(m.p99Ms, 2),
    fixed(m.cpuMicrosPerMessage, 1),
    fixed(m.rssMB, 1),
    fixed(m.idleRssMB, 1),
    fixed(m.serverCpuPercent, 0),
    fixed(m.generatorCpuPercent, 0),
  ])
}

/** Each run on its own, with what else could have moved its numbers. */
function runNote(run: RunStats | Error): string {
  if (run instanceof Error) return `failed (${run.message.split('\n')[0]})`
  return (
    `${fixed(run.cpuMicrosPerMessage, 1)} µs, p99 ${fixed(run.p99Ms, 2)} ms, ` +
    `generator loop delay p99 ${fixed(run.generatorLoopDelayP99Ms, 1)} ms, ` +
    `other CPU ${fixed(run.otherCpuPercent, 0)} %`
  )
}

// Above this, something else on the machine competed with the relay and the generator.
const BUSY_MACHINE_PERCENT = 10

function anomalies(name: RelayName, runs: (RunStats | Error)[], m: RunStats): string[] {
  const notes: string[] = []
  runs.forEach((run, i) => {
    if (!(run instanceof Error) && run.otherCpuPercent > BUSY_MACHINE_PERCENT) {
      notes.push(
        `- ${name} run ${i + 1}: other processes used ${fixed(run.otherCpuPercent, 0)} % CPU ` +
          'during the window; its latencies are suspect',
      )
    }
  })
  if (m.missing > 0) {
    notes.push(`- ${name}: ${m.missing} of ${m.expected} deliveries never arrived (both runs)`)
  }
  if (m.closedByServer > 0) {
    notes.push(
      `- ${name}: closed ${m.closedByServer} client sockets (first: ${m.firstCloseReason})`,
    )
  }
  if (m.echoes > 0) {
    notes.push(`- ${name}: echoed ${m.echoes} updates to their senders (both runs; not delivered)`)
  }
  return notes
}

export function formatRate(rate: number, runs: Runs): string[] {
  const lines = [`## ${rate} edits/s per client`, '', ...tableHead(COLUMNS)]
  const notes: string[] = []
  const means = new Map<RelayName, RunStats>()
  for (const name of RELAYS) {
    const relayRuns = runs[name]
    notes.push(`- ${name} per run: ${relayRuns.map(runNote).join('; ')}`)
    const m = meanOf(relayRuns)
    if (!m) {
      lines.push(row([name, 'failed', ...COLUMNS.slice(2).map(() => '')]))
      continue
    }
    means.set(name, m)
    lines.push(tableRow(name, m))
    notes.push(...anomalies(name, relayRuns, m))
  }
  lines.push('', ...notes, '', ...ratios(means), '')
  return lines
}

// The targets of the open issues: #13 (rights per item) and #14 (faster than the peers).
const FLOOR_TARGETS = [
  { issue: 13, limit: 1.3 },
  { issue: 14, limit: 1.2 },
]
const PEER_TARGET = 0.8

/** Verdicts use the numbers as printed, so a reader never sees "1.30× (≤ 1.3×) MISS". */
export const verdict = (shown: string, limit: number) => (Number(shown) <= limit ? 'PASS' : 'MISS')

function ratios(means: Map<RelayName, RunStats>): string[] {
  const ours = means.get('ours')
  const peer = means.get('peer')
  const floor = means.get('floor')
  const ratio = (other: RunStats | undefined) =>
    ours && other ? fixed(ours.cpuMicrosPerMessage / other.cpuMicrosPerMessage, 2) : 'n/a'
  const toFloor = ratio(floor)
  const toPeer = ratio(peer)
  const floorTargets = FLOOR_TARGETS.map(
    ({ issue, limit }) => `#${issue}: ≤ ${limit}× ${verdict(toFloor, limit)}`,
  ).join('; ')
  const lines = [
    `- ours/floor CPU per delivered: ${toFloor}× (${floorTargets})`,
    `- ours/peer CPU per delivered: ${toPeer}× (#14: ≤ ${PEER_TARGET}× ${verdict(toPeer, PEER_TARGET)})`,
  ]
  if (!ours || !peer) return [...lines, '- p99 ours vs peer: n/a']
  const [oursP99, peerP99] = [fixed(ours.p99Ms, 2), fixed(peer.p99Ms, 2)]
  return [
    ...lines,
    `- p99 ours vs peer: ${oursP99} ms vs ${peerP99} ms (target ours ≤ peer) ` +
      verdict(oursP99, Number(peerP99)),
  ]
}
