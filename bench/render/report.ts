// Turns the render bench's measurements into numbers and one Markdown report: percentiles, the
// initial JavaScript of the production build, and the targets with PASS or MISS.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { FirstDraw } from './measure.ts'

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN
}

export const median = (values: readonly number[]) => percentile(values, 0.5)

export interface InitialJs {
  files: { path: string; bytes: number; gzipBytes: number }[]
  gzipBytes: number
}

/** The JS files index.html loads up front (entry scripts and module preloads), gzipped. */
export function initialJs(clientDir: string): InitialJs {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8')
  const refs = new Set<string>()
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(match[1] ?? '')
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) {
    refs.add(match[1] ?? '')
  }
  const files = [...refs]
    .filter((ref) => ref.endsWith('.js') && !/^[a-z]+:\/\//i.test(ref))
    .map((ref) => {
      const data = readFileSync(join(clientDir, ref.replace(/^\.?\//, '')))
      return { path: ref, bytes: data.length, gzipBytes: gzipSync(data).length }
    })
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) }
}

export interface PanStats {
  medianMs: number
  p95Ms: number
  frames: number
  movesPerSecond: number
}

export function panStats(frameMs: readonly number[], movesPerSecond: number): PanStats {
  return {
    medianMs: median(frameMs),
    p95Ms: percentile(frameMs, 0.95),
    frames: frameMs.length,
    movesPerSecond,
  }
}

export interface BoardRow {
  stickies: number
  /** One per load, in run order. */
  firstDraws: FirstDraw[]
  pan: PanStats
  fitPan: PanStats
}

export interface Target {
  name: string
  value: number
  limit: number
  unit: string
}

/** From the app opening the board to its first full draw (FIRST_DRAW_DEFINITION). */
export const createMs = (draw: FirstDraw) => draw.ms - draw.connectMs

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—')
const thousands = (value: number) => value.toLocaleString('en-US')

export function boardTable(rows: readonly BoardRow[]): string[] {
  return [
    '| stickies | first draw ms (median) | create + first draw ms (median) | canvas / outline ms (median) | first draw, each load | 100 %: pan median ms | 100 %: pan p95 ms | 100 %: frames | 100 %: moves/s | fit: pan median ms | fit: pan p95 ms | fit: frames | fit: moves/s |',
    '| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows
      .map((row) =>
        [
          thousands(row.stickies),
          ms(median(row.firstDraws.map((draw) => draw.ms))),
          ms(median(row.firstDraws.map(createMs))),
          `${ms(median(row.firstDraws.map((draw) => draw.canvasMs)))} / ${ms(median(row.firstDraws.map((draw) => draw.outlineMs)))}`,
          row.firstDraws.map((draw) => draw.ms.toFixed(0)).join(', '),
          ms(row.pan.medianMs),
          ms(row.pan.p95Ms),
          row.pan.frames,
          row.pan.movesPerSecond.toFixed(0),
          ms(row.fitPan.medianMs),
          ms(row.fitPan.p95Ms),
          row.fitPan.frames,
          row.fitPan.movesPerSecond.toFixed(0),
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
  ]
}

export function targetTable(targets: readonly Target[]): string[] {
  return [
    '| target | measured | limit | result |',
    '| --- | ---: | ---: | --- |',
    ...targets.map(
      (target) =>
        `| ${target.name} | ${target.value.toFixed(1)} ${target.unit} | ${
          Number.isInteger(target.limit) ? target.limit : target.limit.toFixed(1)
        } ${target.unit} | ${target.value <= target.limit ? 'PASS' : 'MISS'} |`,
    ),
  ]
}
