// The presence workload's table: per relay, what a delivered cursor state costs (the CPU of the
// run with cursors less that of the same edits alone), how fast cursors and edits arrive, and
// whether the cursors slow the edits down.
import { RELAYS, type RelayName } from './procs.ts'
import { fixed, meanOf, row, tableHead, verdict, type Runs, type RunStats } from './report.ts'

export interface PresenceWorkload {
  boards: number
  clientsPerBoard: number
  cursorsPerSecond: number
  editsPerSecond: number
}

const COLUMNS = [
  'relay',
  'cursor states delivered',
  'CPU µs/cursor state',
  'cursor p50 ms',
  'cursor p99 ms',
  'CPU µs/edit (edits alone)',
  'edit p50/p99 ms alone',
  'edit p50/p99 ms with cursors',
  'CPU µs/message (all, with cursors)',
  'RSS MB',
]

// Issue #14: a cursor state at most half of what the floor pays; cursors within 40 ms.
const CURSOR_CPU_TO_FLOOR = 0.5
const CURSOR_P99_MS = 40

interface Pair {
  alone: RunStats
  both: RunStats
  cursorCpu: number
}

export function formatPresence(work: PresenceWorkload, alone: Runs, both: Runs): string[] {
  const lines = [
    `## Presence: ${work.boards} boards × ${work.clientsPerBoard} clients, cursors at ` +
      `${work.cursorsPerSecond} Hz and ${work.editsPerSecond} edit/s per client`,
    '',
    '- each relay runs twice with the edits alone and twice with the cursors on top; CPU per ' +
      'cursor state = (mean CPU with cursors − mean CPU with the edits alone) / cursor states ' +
      'delivered; "all" = CPU with cursors / (cursor states + edits delivered)',
    '- a cursor state is delivered when another client of its board receives it; a relay that ' +
      "merges a tick's changes sends only each client's newest state, so the states it replaced " +
      'never arrive (counted below as replaced)',
    '',
    ...tableHead(COLUMNS),
  ]
  const notes: string[] = []
  const pairs = new Map<RelayName, Pair>()
  for (const name of RELAYS) {
    const a = meanOf(alone[name])
    const b = meanOf(both[name])
    const failed = [...alone[name], ...both[name]].find((run) => run instanceof Error)
    if (failed) notes.push(`- ${name}: a run failed (${failed.message.split('\n')[0]})`)
    if (!a || !b) {
      lines.push(row([name, 'failed', ...COLUMNS.slice(2).map(() => '')]))
      continue
    }
    const cursorCpu = (b.cpuMicros - a.cpuMicros) / b.cursorsDelivered
    pairs.set(name, { alone: a, both: b, cursorCpu })
    lines.push(
      row([
        name,
        fixed(b.cursorsDelivered, 0),
        fixed(cursorCpu, 2),
        fixed(b.cursorP50Ms, 2),
        fixed(b.cursorP99Ms, 2),
        fixed(a.cpuMicrosPerMessage, 1),
        `${fixed(a.p50Ms, 2)} / ${fixed(a.p99Ms, 2)}`,
        `${fixed(b.p50Ms, 2)} / ${fixed(b.p99Ms, 2)}`,
        fixed(b.cpuMicros / (b.cursorsDelivered + b.delivered), 2),
        fixed(b.rssMB, 1),
      ]),
    )
    if (b.cursorsMissing > 0) {
      notes.push(
        `- ${name}: ${b.cursorsMissing} of ${b.cursorsExpected} cursor states replaced or never ` +
          'delivered (both runs)',
      )
    }
    if (b.missing > 0) notes.push(`- ${name}: ${b.missing} edit deliveries never arrived`)
    if (b.closedByServer > 0) notes.push(`- ${name}: closed ${b.closedByServer} sockets`)
  }
  return [...lines, '', ...notes, '', ...presenceRatios(pairs), '']
}

function presenceRatios(pairs: Map<RelayName, Pair>): string[] {
  const ours = pairs.get('ours')
  const floor = pairs.get('floor')
  if (!ours || !floor) return ['- ours vs floor: n/a']
  const toFloor = fixed(ours.cursorCpu / floor.cursorCpu, 2)
  const p99 = fixed(ours.both.cursorP99Ms, 2)
  const [editAlone, editBoth] = [fixed(ours.alone.p99Ms, 2), fixed(ours.both.p99Ms, 2)]
  // "Unchanged": the cursors add at most 5 ms (or 25 %) to the edits' p99.
  const editLimit = Math.max(Number(editAlone) + 5, Number(editAlone) * 1.25)
  return [
    `- ours/floor CPU per delivered cursor state: ${toFloor}× ` +
      `(#14: ≤ ${CURSOR_CPU_TO_FLOOR}× ${verdict(toFloor, CURSOR_CPU_TO_FLOOR)})`,
    `- ours cursor p99: ${p99} ms (#14: ≤ ${CURSOR_P99_MS} ms ${verdict(p99, CURSOR_P99_MS)})`,
    `- ours edit p99 with cursors vs alone: ${editBoth} ms vs ${editAlone} ms ` +
      `(#14: unchanged, read as ≤ ${fixed(editLimit, 2)} ms ${verdict(editBoth, editLimit)})`,
  ]
}
