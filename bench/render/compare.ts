// The render bench's side-by-side tables: our board and the peer (Excalidraw) in the same run,
// at full speed and with the CPU throttled, and the targets of issue 14 with PASS or MISS.
import type { FirstDraw } from './measure.ts'
import { createMs, median, type PanStats, type Target } from './report.ts'

/** One side (ours or the peer) at one size and one CPU rate. */
export interface SideRun {
  firstDraws: FirstDraw[]
  pan: PanStats
  fitPan: PanStats
  fitZoom: number
  drags: number[]
}

export interface ComparedRow {
  stickies: number
  rate: number
  ours: SideRun
  peer: SideRun
}

export interface Interactive {
  rate: number
  loads: { ms: number; firstDrawMs: number }[]
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—')
const whole = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '—')
const firstDraw = (side: SideRun) => median(side.firstDraws.map((draw) => draw.ms))
const fontDraw = (side: SideRun) => median(side.firstDraws.map((draw) => draw.fontMs ?? NaN))
const drag = (side: SideRun) => median(side.drags)

/** One table for one CPU rate: a row for ours and one for the peer, size by size. */
export function comparedTable(rows: readonly ComparedRow[], peerName: string): string[] {
  const line = (stickies: number, name: string, side: SideRun, create: string) =>
    `| ${[
      stickies.toLocaleString('en-US'),
      name,
      whole(firstDraw(side)),
      side.firstDraws.map((draw) => draw.ms.toFixed(0)).join(', '),
      whole(fontDraw(side)),
      create,
      ms(side.pan.medianMs),
      ms(side.pan.p95Ms),
      side.fitZoom.toFixed(3),
      ms(side.fitPan.medianMs),
      ms(side.fitPan.p95Ms),
      whole(drag(side)),
      side.drags.map((value) => value.toFixed(0)).join(', '),
    ].join(' | ')} |`
  return [
    '| stickies | app | first draw ms (median) | first draw, each load | in its own font ms | create + first draw ms | 100 %: pan median ms | 100 %: pan p95 ms | fit: zoom | fit: pan median ms | fit: pan p95 ms | drag latency ms (median) | drag, each |',
    '| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.flatMap((row) => [
      line(row.stickies, 'ours', row.ours, whole(median(row.ours.firstDraws.map(createMs)))),
      line(row.stickies, peerName, row.peer, '—'),
    ]),
  ]
}

export function interactiveTable(runs: readonly Interactive[]): string[] {
  return [
    '| CPU | navigation → interactive ms (median) | each load | first draw ms (median) |',
    '| --- | ---: | --- | ---: |',
    ...runs.map(
      (run) =>
        `| ${run.rate === 1 ? 'as is' : `${run.rate}× throttled`} | ${whole(
          median(run.loads.map((load) => load.ms)),
        )} | ${run.loads.map((load) => load.ms.toFixed(0)).join(', ')} | ${whole(
          median(run.loads.map((load) => load.firstDrawMs)),
        )} |`,
    ),
  ]
}

/** Issue 14's targets, from the rows that were measured (BENCH_STICKIES may leave some out). */
export function comparedTargets(
  rows: readonly ComparedRow[],
  interactive: readonly Interactive[],
  peerName: string,
): Target[] {
  const targets: Target[] = []
  const row = (stickies: number, rate: number) =>
    rows.find((r) => r.stickies === stickies && r.rate === rate)
  const full = row(2000, 1)
  if (full) {
    const ours = firstDraw(full.ours)
    const peer = firstDraw(full.peer)
    targets.push(
      { name: '2,000 stickies: our first draw', value: ours, limit: 450, unit: 'ms' },
      {
        name: `2,000 stickies: our first draw ≤ a third of ${peerName}'s`,
        value: ours,
        limit: peer / 3,
        unit: 'ms',
      },
    )
  }
  const slow = rows.find((r) => r.stickies === 2000 && r.rate > 1)
  if (slow) {
    const at = `2,000 stickies, ${slow.rate}×`
    for (const [zoom, pick] of [
      ['100 %', (side: SideRun) => side.pan],
      ['fit', (side: SideRun) => side.fitPan],
    ] as const) {
      const ours = pick(slow.ours)
      const peer = pick(slow.peer)
      targets.push(
        {
          name: `${at}: our pan median (${zoom}) ≤ ${peerName}'s`,
          value: ours.medianMs,
          limit: peer.medianMs,
          unit: 'ms',
        },
        { name: `${at}: our pan median (${zoom})`, value: ours.medianMs, limit: 33, unit: 'ms' },
        { name: `${at}: our pan p95 (${zoom})`, value: ours.p95Ms, limit: 50, unit: 'ms' },
      )
    }
    targets.push({
      name: `${at}: our drag latency ≤ ${peerName}'s`,
      value: drag(slow.ours),
      limit: drag(slow.peer),
      unit: 'ms',
    })
  }
  const big = rows.find((r) => r.stickies === 10000 && r.rate > 1)
  if (big) {
    for (const [zoom, pan] of [
      ['100 %', big.ours.pan],
      ['fit', big.ours.fitPan],
    ] as const) {
      targets.push({
        name: `10,000 stickies, ${big.rate}×: our pan median (${zoom})`,
        value: pan.medianMs,
        limit: 50,
        unit: 'ms',
      })
    }
  }
  const mdo = interactive.find((run) => run.rate > 1)
  if (mdo) {
    targets.push({
      name: `MDO board (150 items), ${mdo.rate}×: navigation → interactive`,
      value: median(mdo.loads.map((load) => load.ms)),
      limit: 1000,
      unit: 'ms',
    })
  }
  return targets
}
