// npm run soak — minutes of steady load on one relay (embedded, SQLite): hundreds of clients
// across many boards, cursors moving at 20 Hz, edits at a steady rate. Prints messages/s, edit
// latency, RSS over time (it must stop growing once the load is steady) and that every room
// unloads after everyone left. Not part of `npm test`.
import { writeFileSync, mkdirSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import {
  createBoard,
  freePort,
  keepTail,
  rssBytes,
  stopChild,
  waitHealthy,
} from '../relay/procs.ts'
import { percentile } from '../relay/report.ts'
import { readUpdateId, scriptClient } from '../relay/updates.ts'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const BOARDS = number('SOAK_BOARDS', 60)
const PER_BOARD = number('SOAK_CLIENTS', 5)
const MINUTES = number('SOAK_MINUTES', 3)
const EDITS_PER_SECOND = number('SOAK_EDIT_RATE', 1)
const CURSOR_HZ = 20
const SAMPLE_MS = 10_000

function awarenessFrame(clientId: number, clock: number, x: number, y: number): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(
    update,
    JSON.stringify({ user: { name: `Deelnemer ${clientId}`, role: 'ouder' }, cursor: { x, y } }),
  )
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, 1)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}

async function metric(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text()
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? NaN)
}

async function main() {
  const port = await freePort()
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'soak-')),
      LOG_LEVEL: 'warn',
      // Every simulated client comes from 127.0.0.1.
      MAX_CONNECTIONS_PER_ADDRESS: '100000',
    },
    stdio: 'pipe',
  })
  const base = `http://127.0.0.1:${port}`
  await waitHealthy(`${base}/healthz`, child, keepTail(child))
  const pid = child.pid!
  const rssStart = rssBytes(pid)
  const urls = await Promise.all(Array.from({ length: BOARDS }, () => createBoard(base)))
  const editCount = Math.ceil(EDITS_PER_SECOND * MINUTES * 60) + 5
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  let received = 0
  const sockets: WebSocket[] = []
  const timers: NodeJS.Timeout[] = []

  for (let i = 0; i < BOARDS * PER_BOARD; i++) {
    const script = scriptClient(3_000_000 + i, editCount)
    const socket = new WebSocket(urls[Math.floor(i / PER_BOARD)]!)
    sockets.push(socket)
    socket.on('message', (data: Buffer) => {
      received++
      const id = readUpdateId(data)
      if (!id || id.client === script.clientId) return
      const at = sentAt.get(`${id.client}:${id.clock}`)
      if (at !== undefined) latencies.push(performance.now() - at)
    })
    socket.on('open', () => {
      socket.send(script.hello)
      socket.send(script.initial)
      let edit = 0
      let clock = 0
      timers.push(
        setInterval(() => {
          const frame = script.edits[edit]
          if (!frame || socket.readyState !== socket.OPEN) return
          sentAt.set(script.editKeys[edit]!, performance.now())
          socket.send(frame)
          edit++
        }, 1000 / EDITS_PER_SECOND),
        setInterval(() => {
          if (socket.readyState !== socket.OPEN) return
          clock++
          socket.send(awarenessFrame(script.clientId, clock, (clock * 7) % 1600, (clock * 3) % 900))
        }, 1000 / CURSOR_HZ),
      )
    })
  }

  const lines = [
    '# Soak',
    '',
    `- ${BOARDS} boards × ${PER_BOARD} clients = ${BOARDS * PER_BOARD} clients, cursors at ${CURSOR_HZ} Hz, ${EDITS_PER_SECOND} edit/s per client, ${MINUTES} min`,
    `- relay: dist/server/main.js, SQLite; RSS at start (before clients) ${(rssStart / 2 ** 20).toFixed(0)} MB`,
    '',
    '| minute | messages received/s (all clients) | edit latency p50 ms | p99 ms | relay RSS MB |',
    '| ---: | ---: | ---: | ---: | ---: |',
  ]
  console.log(lines.join('\n'))
  const started = performance.now()
  let lastReceived = 0
  while (performance.now() - started < MINUTES * 60_000) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS))
    const window = latencies.splice(0).sort((a, b) => a - b)
    const sorted = Float64Array.from(window)
    const rate = (received - lastReceived) / (SAMPLE_MS / 1000)
    lastReceived = received
    const row = `| ${((performance.now() - started) / 60_000).toFixed(1)} | ${rate.toFixed(0)} | ${percentile(sorted, 0.5).toFixed(1)} | ${percentile(sorted, 0.99).toFixed(1)} | ${(rssBytes(pid) / 2 ** 20).toFixed(0)} |`
    lines.push(row)
    console.log(row)
  }

  timers.forEach(clearInterval)
  for (const socket of sockets) socket.close()
  const rooms = await metric(base, 'mdo_rooms_open')
  const deadline = Date.now() + 30_000
  let roomsAfter = rooms
  while (roomsAfter > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    roomsAfter = await metric(base, 'mdo_rooms_open')
  }
  const summary = [
    '',
    `- rooms open while loaded: ${rooms}; after everyone left: ${roomsAfter} (unload delay 2 s)`,
    `- relay RSS after everyone left: ${(rssBytes(pid) / 2 ** 20).toFixed(0)} MB`,
  ]
  lines.push(...summary)
  console.log(summary.join('\n'))
  await stopChild(child)
  mkdirSync('bench/results', { recursive: true })
  const file = `bench/results/soak-${new Date().toISOString().replace(/[:.]/g, '-')}.md`
  writeFileSync(file, lines.join('\n') + '\n')
  console.log(`\nwritten to ${file}`)
  process.exit(roomsAfter === 0 ? 0 : 1)
}

await main()
