// Diagnostic: A/B first draw of two builds (client dir and relay), loads interleaved A, B, A, B…
// so that the machine's changing load hits both alike. A_CLIENT/B_CLIENT, A_SERVER/B_SERVER.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from '../../tests/e2e/relay.ts'
import { createBoard, fillBoard } from './fill.ts'
import { launchBench, newBenchContext } from './browser.ts'
import { openBoard } from './measure.ts'
import { median } from './report.ts'

const STICKIES = Number(process.env.BENCH_STICKIES ?? 2000)
const LOADS = Number(process.env.BENCH_LOADS ?? 6)

async function relay(server: string, clientDir: string) {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'mdo-ab-'))
  const child = spawn(process.execPath, [resolve(server)], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CLIENT_DIR: resolve(clientDir),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  for (;;) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    url,
    stop: () => {
      child.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

// SIDES="name=client[=server],…" compares any number of builds; else A_… and B_… as below.
const sides = process.env.SIDES
  ? process.env.SIDES.split(',').map((spec) => {
      const [name = '?', client = 'dist/client', server = 'dist/server/main.js'] = spec.split('=')
      return { name, client, server }
    })
  : [
      {
        name: 'A',
        server: process.env.A_SERVER ?? 'dist/server/main.js',
        client: process.env.A_CLIENT ?? '/tmp/perfwork/clientA',
      },
      {
        name: 'B',
        server: process.env.B_SERVER ?? 'dist/server/main.js',
        client: process.env.B_CLIENT ?? 'dist/client',
      },
    ]
const running = await Promise.all(sides.map((side) => relay(side.server, side.client)))
const urls: string[] = []
for (const r of running) {
  const board = await createBoard(r.url, 'ab')
  await fillBoard(r.url, board, STICKIES)
  urls.push(`${r.url}${board.links.edit}`)
}
const browser = await launchBench()
const results: number[][] = sides.map(() => [])
const cpu: number[][] = sides.map(() => [])
const phases: { dcl: number; connect: number }[][] = sides.map(() => [])
const TRACE = process.env.TRACE === '1'

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/** CPU time (thread clock) of the busiest renderer main thread's top-level tasks, in ms. */
function rendererCpu(trace: Buffer): { total: number; byName: Map<string, number> } {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}/${e.tid}`),
  )
  const perThread = new Map<string, number>()
  for (const e of events) {
    const key = `${e.pid}/${e.tid}`
    if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(key))
      perThread.set(key, (perThread.get(key) ?? 0) + (e.tdur ?? 0))
  }
  const [thread, total] = [...perThread.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  // Direct children of RunTask, by name: what the thread spent its time on.
  const byName = new Map<string, number>()
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && `${e.pid}/${e.tid}` === thread,
  )
  const inside = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name !== 'ThreadControllerImpl::RunTask' &&
        `${e.pid}/${e.tid}` === thread,
    )
    .sort((a, b) => a.ts - b.ts)
  let ti = 0
  const sortedTasks = tasks.sort((a, b) => a.ts - b.ts)
  let lastEnd = -1
  for (const e of inside) {
    while (ti < sortedTasks.length && sortedTasks[ti]!.ts + (sortedTasks[ti]!.dur ?? 0) < e.ts) {
      ti++
      lastEnd = -1
    }
    const task = sortedTasks[ti]
    if (!task || e.ts < task.ts) continue
    if (e.ts < lastEnd) continue // nested in a previous child
    lastEnd = e.ts + (e.dur ?? 0)
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000)
  }
  return { total: total / 1000, byName }
}
const names: Map<string, number>[] = sides.map(() => new Map())
try {
  for (let load = 0; load < LOADS; load++) {
    const order = sides.map((_, i) => i)
    for (const i of load % 2 ? order.reverse() : order) {
      const context = await newBenchContext(browser)
      if (TRACE)
        await browser.startTracing(undefined, {
          categories: ['toplevel', 'devtools.timeline', 'v8', 'blink'],
        })
      const { page, firstDraw } = await openBoard(context, urls[i]!, STICKIES)
      results[i]!.push(firstDraw.ms)
      const [dcl = NaN, connect = NaN] = await page.evaluate(() => [
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
        performance.getEntriesByName('mdo:connect')[0]?.startTime ?? NaN,
      ])
      phases[i]!.push({ dcl, connect })
      if (TRACE) {
        const { total, byName } = rendererCpu(await browser.stopTracing())
        cpu[i]!.push(total)
        for (const [name, ms] of byName) names[i]!.set(name, (names[i]!.get(name) ?? 0) + ms)
      }
      await context.close()
    }
  }
} finally {
  await browser.close()
  for (const r of running) r.stop()
}
sides.forEach((side, i) => {
  console.log(
    `${side.name}: median ${median(results[i]!).toFixed(0)} ms; ${results[i]!.map((ms) => ms.toFixed(0)).join(', ')}`,
  )
  const dcl = median(phases[i]!.map((p) => p.dcl))
  const connect = median(phases[i]!.map((p) => p.connect))
  console.log(
    `   median DOMContentLoaded ${dcl.toFixed(0)} ms, app opens the board ${connect.toFixed(0)} ms`,
  )
  if (TRACE) {
    console.log(
      `   renderer main thread CPU: median ${median(cpu[i]!).toFixed(0)} ms; ${cpu[i]!.map((ms) => ms.toFixed(0)).join(', ')}`,
    )
    const top = [...names[i]!.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14)
    console.log(
      `   per load: ${top.map(([name, ms]) => `${name} ${(ms / cpu[i]!.length).toFixed(0)}`).join(', ')}`,
    )
  }
})
