import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { freePort, startBuiltRelay } from '../../tests/e2e/relay.ts'
import { createBoard, fillBoard } from './fill.ts'
import { newBoardContext, openBoard } from './measure.ts'
const relay = await startBuiltRelay({ port: await freePort(), clientDir: process.env.CLIENT_DIR ?? 'dist/client' })
const board = await createBoard(relay.url, 'x')
await fillBoard(relay.url, board, 2000)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
for (let load = 0; load < Number(process.env.LOADS ?? 2); load++) {
  const context = await newBoardContext(browser)
  await browser.startTracing(undefined, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] })
  const { firstDraw } = await openBoard(context, `${relay.url}${board.links.edit}`, 2000)
  await browser.stopTracing()
  await context.close()
  const trace = JSON.parse(readFileSync('/tmp/trace.json', 'utf8'))
  const events = (trace.traceEvents ?? trace) as { name: string; ph: string; dur?: number; ts: number; tid: number; pid: number; args?: any }[]
  // main thread of renderer: the thread with most FunctionCall
  const counts = new Map<string, number>()
  for (const e of events) if (e.name === 'RunTask') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0))
  const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming')
  const mainKey = [...events.filter((e) => e.name === 'ParseHTML')].map((e) => `${e.pid}:${e.tid}`)[0]
  const main = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.ph === 'X')
  const t0 = events.find((e) => e.name === 'ParseHTML' && `${e.pid}:${e.tid}` === mainKey)!.ts
  const end = t0 + firstDraw.ms * 1000 + 50_000
  const sum = new Map<string, number>()
  for (const e of main) if (e.ts < end && ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'CompileScript', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'MajorGC', 'MinorGC', 'FunctionCall', 'EventDispatch', 'ParseHTML', 'RunTask', 'V8.GCScavenger', 'V8.GC_MC_BACKGROUND', 'GCEvent', 'ParseAuthorStyleSheet', 'HitTest', 'UpdateLayer', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'v8.run', 'V8.GCFinalizeMC', 'BlinkGC.AtomicPhase'].includes(e.name)) sum.set(e.name, (sum.get(e.name) ?? 0) + (e.dur ?? 0) / 1000)
  console.log(`first draw ${firstDraw.ms.toFixed(0)}`, [...sum].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '))
  // timeline of big events
  for (const e of main) if ((e.dur ?? 0) > 8000 && e.ts < end && ['UpdateLayoutTree', 'Layout', 'Paint', 'v8.compileModule', 'v8.evaluateModule', 'EvaluateScript', 'FunctionCall', 'EventDispatch', 'MajorGC', 'MinorGC', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'PrePaint'].includes(e.name)) console.log(`   +${((e.ts - t0) / 1000).toFixed(0)} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(0)}${e.args?.data?.url ? ' ' + String(e.args.data.url).split('/').pop() : ''}${e.args?.data?.type ? ' ' + e.args.data.type : ''}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''}`)
}
await browser.close()
await relay.stop()
