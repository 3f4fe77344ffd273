// Where the first draw's time goes: opens a board of BENCH_STICKIES (2,000) like the render bench
// does, with a CPU profile and the socket's frames recorded over CDP, and prints a timeline
// (navigation, scripts, socket frames, first draw) and the functions that took the most time.
// A diagnostic, not a benchmark: profiling slows the page a little. Expects the builds to exist.
import { writeFileSync } from 'node:fs'
import { freePort, startBuiltRelay } from '../../tests/e2e/relay.ts'
import { createBoard, fillBoard } from './fill.ts'
import { launchBench, newBenchContext } from './browser.ts'
import { openBoard } from './measure.ts'

const STICKIES = Number(process.env.BENCH_STICKIES ?? 2000)
const LOADS = Number(process.env.BENCH_LOADS ?? 3)
const PROFILE = process.env.PROFILE !== '0'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

function selfTimes(profile: CpuProfile, untilUs: number): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, number>()
  let t = profile.startTime
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0
    if (t > untilUs) return
    const frame = byId.get(id)?.callFrame
    if (!frame) return
    const file = frame.url.split('/').pop() ?? ''
    const key = `${frame.functionName || '(anon)'} ${file}:${frame.lineNumber}:${frame.columnNumber}`
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
  })
  return [...totals.entries()].sort((a, b) => b[1] - a[1])
}

/** Time (ms) of the samples with each function anywhere on their stack, counted once per sample. */
function inclusiveTimes(profile: CpuProfile): [string, number][] {
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame
      if (!frame) continue
      const file = frame.url.split('/').pop() ?? ''
      const key = `${frame.functionName || '(anon)'} ${file}:${frame.lineNumber}`
      if (seen.has(key)) continue
      seen.add(key)
      totals.set(key, (totals.get(key) ?? 0) + ms)
    }
  })
  return [...totals.entries()].sort((a, b) => b[1] - a[1])
}

const GENERIC = new Set([
  '(root)',
  '(program)',
  '(anon)',
  'emit',
  'callAll',
  'transact$1',
  'transact',
])

/** Busy stretches of the main thread (idle gaps under 3 ms joined), with what ran in each. */
function tasks(profile: CpuProfile, zeroUs: number): string[] {
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const out: string[] = []
  let t = profile.startTime
  let current: { start: number; end: number; names: Map<string, number> } | null = null
  const flush = () => {
    if (current && current.end - current.start > 15_000) {
      const top = [...current.names.entries()]
        .filter(([name]) => !GENERIC.has(name.split(' ')[0] ?? ''))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([name, us]) => `${name.split(' ')[0]} ${(us / 1000).toFixed(0)}`)
      out.push(
        `  task +${((current.start - zeroUs) / 1000).toFixed(0)} ${((current.end - current.start) / 1000).toFixed(0)} ms: ${top.join(', ')}`,
      )
    }
    current = null
  }
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0
    const dt = profile.timeDeltas[i + 1] ?? 0
    const leaf = byId.get(id)?.callFrame.functionName
    if (leaf === '(idle)') {
      if (current && t - current.end > 3000) flush()
      return
    }
    current ??= { start: t, end: t, names: new Map() }
    current.end = t + dt
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame
      if (!frame) continue
      const key = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}`
      if (seen.has(key)) continue
      seen.add(key)
      current.names.set(key, (current.names.get(key) ?? 0) + dt)
    }
  })
  flush()
  return out
}

async function main() {
  const relay = await startBuiltRelay({
    port: await freePort(),
    clientDir: process.env.CLIENT_DIR ?? 'dist/client',
  })
  try {
    const board = await createBoard(relay.url, `Profile, ${STICKIES} stickies`)
    await fillBoard(relay.url, board, STICKIES)
    const browser = await launchBench()
    for (let load = 1; load <= LOADS; load++) {
      const context = await newBenchContext(browser)
      await openBoardWithCdp(context, `${relay.url}${board.links.edit}`)
      await context.close()
    }
    await browser.close()
  } finally {
    await relay.stop()
  }
}

/** Opens the board in a page with CDP recording, prints the timeline and the profile. */
async function openBoardWithCdp(
  context: Awaited<ReturnType<typeof newBenchContext>>,
  url: string,
): Promise<void> {
  // A page created by openBoard: attach CDP as soon as it exists.
  const log: { t: number; what: string }[] = []
  let cdpReady: Promise<unknown> = Promise.resolve()
  let profileStop: (() => Promise<CpuProfile>) | undefined
  context.once('page', (page) => {
    cdpReady = (async () => {
      const cdp = await context.newCDPSession(page)
      const at = (ts: number) => ts * 1000
      const payload = (data: string) => {
        const bytes = Buffer.from(data, 'base64')
        return `[${bytes[0]},${bytes[1]}] ${bytes.length} B`
      }
      cdp.on('Network.webSocketHandshakeResponseReceived', (e) =>
        log.push({ t: at(e.timestamp), what: 'ws open' }),
      )
      cdp.on('Network.webSocketWillSendHandshakeRequest', (e) =>
        log.push({ t: at(e.timestamp), what: 'ws handshake sent' }),
      )
      cdp.on('Network.webSocketFrameSent', (e) =>
        log.push({ t: at(e.timestamp), what: `ws sent ${payload(e.response.payloadData)}` }),
      )
      cdp.on('Network.webSocketFrameReceived', (e) =>
        log.push({ t: at(e.timestamp), what: `ws recv ${payload(e.response.payloadData)}` }),
      )
      cdp.on('Network.requestWillBeSent', (e) =>
        log.push({ t: at(e.timestamp), what: `request ${e.request.url.replace(/^.*\//, '')}` }),
      )
      cdp.on('Network.loadingFinished', (e) =>
        log.push({ t: at(e.timestamp), what: `finished req ${e.requestId}` }),
      )
      await cdp.send('Network.enable')
      if (PROFILE) {
        await cdp.send('Profiler.enable')
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
        await cdp.send('Profiler.start')
        profileStop = async () => (await cdp.send('Profiler.stop')).profile as CpuProfile
      }
    })()
  })
  const { page, firstDraw } = await openBoard(context, url, STICKIES)
  await cdpReady
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const marks = performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const)
    const measures = performance
      .getEntriesByType('measure')
      .map((m) => [m.name, m.startTime, m.duration] as const)
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
      (r) => [r.name.replace(/^.*\//, ''), r.startTime, r.responseEnd] as const,
    )
    return {
      origin: performance.timeOrigin,
      monoNow: performance.now(),
      nav: {
        responseEnd: nav.responseEnd,
        domInteractive: nav.domInteractive,
        dcl: nav.domContentLoadedEventEnd,
      },
      marks,
      measures,
      resources,
    }
  })
  console.log(
    `first draw ${firstDraw.ms.toFixed(0)} (canvas ${firstDraw.canvasMs.toFixed(0)}, outline ${firstDraw.outlineMs.toFixed(0)})`,
  )
  console.log('  nav', JSON.stringify(timing.nav))
  for (const [name, start, end] of timing.resources)
    console.log(`  res ${name.slice(0, 40)} ${start.toFixed(0)}–${end.toFixed(0)}`)
  for (const [name, start] of timing.marks) console.log(`  mark ${start.toFixed(0)} ${name}`)
  for (const [name, start, dur] of timing.measures)
    console.log(`  measure ${start.toFixed(0)} +${dur.toFixed(0)} ${name}`)
  // CDP network timestamps are monotonic seconds; align on the first request (the document).
  const first = log.find((entry) => entry.what.startsWith('request'))
  const monoToOrigin = first ? first.t : 0
  for (const entry of log.filter((e) => !e.what.startsWith('finished')))
    console.log(`  net +${(entry.t - monoToOrigin).toFixed(0)} ${entry.what}`)
  if (profileStop) {
    const profile = await profileStop()
    // For a closer look (e.g. self time per source file through a build's source maps).
    if (process.env.PROFILE_OUT) {
      const marks = Object.fromEntries(timing.marks)
      const navStartUs = monoToOrigin * 1000
      writeFileSync(process.env.PROFILE_OUT, JSON.stringify({ ...profile, navStartUs, marks }))
    }
    const totalMs = (profile.endTime - profile.startTime) / 1000
    for (const line of tasks(profile, monoToOrigin * 1000)) console.log(line)
    console.log(`  profile ${totalMs.toFixed(0)} ms; top self times:`)
    for (const [name, ms] of selfTimes(profile, Number.POSITIVE_INFINITY).slice(0, 25))
      console.log(`    ${ms.toFixed(1).padStart(7)} ${name}`)
    console.log('  top inclusive times:')
    for (const [name, ms] of inclusiveTimes(profile).slice(0, Number(process.env.TOP ?? 80)))
      console.log(`    ${ms.toFixed(1).padStart(7)} ${name}`)
  }
}

await main()
