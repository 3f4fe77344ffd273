// Nothing lost: clients edit in bursts while the relay is SIGKILLed at a random moment and
// restarted; every edit any client made must end up on every client, on disk, and survive a second
// restart. Also two clients apart for a while converge when they meet again.
import type { ChildProcess } from 'node:child_process'
import { seededRandom } from '../unit/helpers/random.ts'
import { afterAll, expect, it } from 'vitest'
import {
  type Client,
  connect,
  createBoard,
  freePort,
  spawnRelay,
  storedDoc,
  synced,
  tempDir,
  killHard,
} from '../integration/helpers.ts'
import { notesOf } from '../integration/notes.ts'

const TRIALS = 20
const CLIENTS = 3

let relay: ChildProcess | null = null
const clients: Client[] = []
afterAll(() => {
  for (const client of clients) client.destroy()
  relay?.kill('SIGKILL')
})

const notes = (doc: Client['doc']) => new Set(notesOf(doc).toArray())
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

it(`loses no edit over ${TRIALS} trials of SIGKILL mid-burst`, { timeout: 240_000 }, async () => {
  const random = seededRandom(20261122)
  const dataDir = tempDir()
  const port = await freePort()
  const http = `http://127.0.0.1:${port}`
  const ws = `ws://127.0.0.1:${port}/ws`
  relay = await spawnRelay(dataDir, port)
  const boards: { id: string; viewToken: string; made: Set<string> }[] = []
  let lost = 0

  for (let trial = 0; trial < TRIALS; trial++) {
    const board = await createBoard(http)
    const made = new Set<string>()
    const trialClients = Array.from({ length: CLIENTS }, () =>
      connect(ws, board.id, board.editToken),
    )
    clients.push(...trialClients)
    await Promise.all(trialClients.map(synced))
    // Bursts: each client adds notes at its own uneven pace.
    const timers = trialClients.map((client, c) => {
      let n = 0
      return setInterval(
        () => {
          for (let k = 0; k < 1 + Math.floor(random.next() * 3); k++) {
            const note = `t${trial}-c${c}-${n++}`
            made.add(note)
            notesOf(client.doc).push([note])
          }
        },
        5 + Math.floor(random.next() * 15),
      )
    })
    await wait(50 + random.next() * 400)
    await killHard(relay)
    relay = await spawnRelay(dataDir, port)
    await wait(100 + random.next() * 200)
    timers.forEach(clearInterval)

    for (const client of trialClients) {
      await expect.poll(() => notes(client.doc).size, { timeout: 15_000 }).toBe(made.size)
    }
    await expect
      .poll(() => notesOf(storedDoc(dataDir, board.id)).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(made.size)
    const stored = notes(storedDoc(dataDir, board.id))
    for (const note of made) if (!stored.has(note)) lost++
    for (const client of trialClients) client.destroy()
    boards.push({ id: board.id, viewToken: board.viewToken, made })
  }

  // A second restart: fresh clients that never saw any of it read every edit of every trial.
  await killHard(relay)
  relay = await spawnRelay(dataDir, port)
  for (const board of boards) {
    const reader = connect(ws, board.id, board.viewToken)
    clients.push(reader)
    await synced(reader)
    const present = notes(reader.doc)
    for (const note of board.made) if (!present.has(note)) lost++
    reader.destroy()
  }

  const edits = boards.reduce((sum, board) => sum + board.made.size, 0)
  console.log(`durability: trials run ${TRIALS}, edits made ${edits}, edits lost ${lost}`)
  expect(lost).toBe(0)
  expect(edits).toBeGreaterThan(TRIALS * 50)
})

it('brings two clients that edited apart back together', async () => {
  const port = await freePort()
  relay?.kill('SIGKILL')
  relay = await spawnRelay(tempDir(), port)
  const board = await createBoard(`http://127.0.0.1:${port}`)
  const [a, b] = [0, 1].map(() => connect(`ws://127.0.0.1:${port}/ws`, board.id, board.editToken))
  clients.push(a!, b!)
  await Promise.all([synced(a!), synced(b!)])
  a!.provider.disconnect()
  b!.provider.disconnect()
  for (let i = 0; i < 30; i++) {
    notesOf(a!.doc).push([`a${i}`])
    notesOf(b!.doc).insert(0, [`b${i}`])
  }
  a!.provider.connect()
  b!.provider.connect()
  await expect.poll(() => notes(a!.doc).size).toBe(60)
  await expect.poll(() => notesOf(b!.doc).toArray()).toEqual(notesOf(a!.doc).toArray())
})
