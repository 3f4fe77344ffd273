// The relay killed with SIGKILL in the middle of a burst of edits: once the clients have resynced
// with the restarted relay, nothing is missing, neither on the clients nor on disk.
import type { ChildProcess } from 'node:child_process'
import { afterEach, expect, it } from 'vitest'
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
} from './helpers.ts'
import { notesOf } from './notes.ts'

let relay: ChildProcess | null = null
let clients: Client[] = []
afterEach(() => {
  for (const client of clients) client.destroy()
  clients = []
  relay?.kill('SIGKILL')
})

const notes = (client: Client) => new Set(notesOf(client.doc).toArray())

it('loses nothing when the relay is SIGKILLed mid-burst', async () => {
  const dataDir = tempDir()
  const port = await freePort()
  relay = await spawnRelay(dataDir, port)
  const board = await createBoard(`http://127.0.0.1:${port}`)
  const ws = `ws://127.0.0.1:${port}/ws`
  clients = [0, 1, 2].map(() => connect(ws, board.id, board.editToken))
  await Promise.all(clients.map(synced))

  // Every client adds a note every 10 ms for 1.2 s; the relay dies 400 ms in.
  const made = new Set<string>()
  const timers = clients.map((client, c) => {
    let n = 0
    return setInterval(() => {
      const note = `c${c}-${n++}`
      made.add(note)
      notesOf(client.doc).push([note])
    }, 10)
  })
  await new Promise((resolve) => setTimeout(resolve, 400))
  await killHard(relay)
  relay = await spawnRelay(dataDir, port)
  await new Promise((resolve) => setTimeout(resolve, 800))
  timers.forEach(clearInterval)
  expect(made.size).toBeGreaterThan(150)

  for (const client of clients) {
    await expect.poll(() => notes(client).size, { timeout: 15_000 }).toBe(made.size)
  }
  await expect
    .poll(() => notesOf(storedDoc(dataDir, board.id)).length, { timeout: 10_000 })
    .toBe(made.size)

  // A second restart, and a client that never saw any of it, reads every edit.
  for (const client of clients) client.destroy()
  clients = []
  await killHard(relay)
  relay = await spawnRelay(dataDir, port)
  const late = connect(ws, board.id, board.viewToken)
  clients.push(late)
  await synced(late)
  expect(notes(late)).toEqual(made)
})
