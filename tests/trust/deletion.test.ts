// Deleted means gone: once a board is deleted, expires, or goes with its workshop, the text written
// on it is in no byte of any file of the data directory (SQLite's free pages and WAL included) and
// in no row of PostgreSQL. The relay is the real one, on the real stores.
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { addSticky, readBoard } from '../../shared/index.ts'
import { CLOSE } from '../../shared/closeCodes.ts'
import {
  type RunningRelay,
  closedAfterEach,
  createBoard,
  startRelay,
  storedDoc,
  synced,
} from '../integration/helpers.ts'

const DAY = 86_400_000
const { relays, open } = closedAfterEach()

/** A text no test writes twice: what a child's file would say, and a random tail. */
const diagnosis = () =>
  `Diagnose Zoë (groep 5): ADHD en dyslexie, medicatie methylfenidaat ${randomBytes(6).toString('hex')}`

/** Every file under `dir` whose bytes contain `text` (UTF-8, as SQLite and Yjs store it). */
function filesHolding(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8')
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => {
    const path = join(dir, name)
    return statSync(path).isFile() && readFileSync(path).includes(needle)
  })
}

const stickyTexts = (dataDir: string, boardId: string) =>
  readBoard(storedDoc(dataDir, boardId)).items.flatMap((item) =>
    item.type === 'sticky' ? [item.text] : [],
  )

/**
 * Writes `text` on the board so the relay holds it in every form it stores: a snapshot (the room
 * unloads and compacts) and log rows (written again after that). Returns the client still open.
 */
async function writeEverywhere(r: RunningRelay, boardId: string, token: string, text: string) {
  const first = open(r.ws, boardId, token)
  await synced(first)
  addSticky(first.doc, { kind: 'need', text, x: 0, y: 0 })
  await expect.poll(() => stickyTexts(r.dataDir, boardId)).toContain(text)
  first.destroy()
  await expect.poll(() => r.relay.rooms.isOpen(boardId)).toBe(false)
  const second = open(r.ws, boardId, token)
  await synced(second)
  addSticky(second.doc, { kind: 'question', text: `${text} – nog eens`, x: 0, y: 200 })
  await expect.poll(() => stickyTexts(r.dataDir, boardId)).toContain(`${text} – nog eens`)
  // The scan can see it: without this the test below would pass on any store.
  expect(filesHolding(r.dataDir, text)).not.toEqual([])
  return second
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('SQLite: the deleted text is in no file of the data directory', () => {
  it('after the voorzitter deletes the board, with someone still on it', async () => {
    const r = await startRelay()
    relays.push(r)
    const text = diagnosis()
    const board = await createBoard(r.http, 'mdo', `MDO ${text}`)
    const client = await writeEverywhere(r, board.id, board.editToken, text)

    const res = await fetch(`${r.http}/api/boards/${board.id}`, {
      method: 'DELETE',
      headers: bearer(board.facilitatorToken),
    })
    expect(res.status).toBe(204)
    // Checked at once, with the relay still running: the answer comes after the wipe.
    expect(readdirSync(r.dataDir).sort()).toEqual([
      'boards.sqlite',
      'boards.sqlite-shm',
      'boards.sqlite-wal',
    ])
    expect(filesHolding(r.dataDir, text)).toEqual([])
    await expect.poll(() => client.closes).toContain(CLOSE.boardGone)
    expect(filesHolding(r.dataDir, text)).toEqual([])
  })

  it('after the board expires', async () => {
    let clock = Date.UTC(2026, 2, 2)
    const r = await startRelay(undefined, {}, () => clock)
    relays.push(r)
    const text = diagnosis()
    const board = await createBoard(r.http, 'mdo', `MDO ${text}`)
    ;(await writeEverywhere(r, board.id, board.editToken, text)).destroy()
    await expect.poll(() => r.relay.rooms.isOpen(board.id)).toBe(false)

    clock += 31 * DAY
    expect(await r.relay.boards.sweep()).toBe(1)
    expect(filesHolding(r.dataDir, text)).toEqual([])
  })

  it('while other boards keep writing: the delete waits for nothing and loses none of theirs', async () => {
    const r = await startRelay()
    relays.push(r)
    const text = diagnosis()
    const board = await createBoard(r.http)
    await writeEverywhere(r, board.id, board.editToken, text)
    const other = await createBoard(r.http)
    const busy = open(r.ws, other.id, other.editToken)
    await synced(busy)
    let n = 0
    const writing = setInterval(() => busy.doc.getArray('notes').push([`n${n++}`]), 2)
    try {
      await expect.poll(() => n).toBeGreaterThan(20)
      const res = await fetch(`${r.http}/api/boards/${board.id}`, {
        method: 'DELETE',
        headers: bearer(board.facilitatorToken),
      })
      expect(res.status).toBe(204)
      expect(filesHolding(r.dataDir, text)).toEqual([])
      const before = n
      await expect.poll(() => n).toBeGreaterThan(before + 20)
    } finally {
      clearInterval(writing)
    }
    const written = busy.doc.getArray('notes').length
    await expect
      .poll(() => storedDoc(r.dataDir, other.id).getArray('notes').length)
      .toBe(written)
    expect(r.logs.filter((line) => /failed/.test(line))).toEqual([])
  })

  it('when a reader holds the WAL: the delete still answers, and the bytes go once it lets go', async () => {
    const r = await startRelay()
    relays.push(r)
    const text = diagnosis()
    const board = await createBoard(r.http)
    await writeEverywhere(r, board.id, board.editToken, text)
    // Another process reading the file (a backup, say) keeps the WAL from being emptied.
    const reader = new Database(join(r.dataDir, 'boards.sqlite'), { readonly: true })
    reader.exec('BEGIN')
    reader.prepare('SELECT COUNT(*) FROM boards').get()
    try {
      const res = await fetch(`${r.http}/api/boards/${board.id}`, {
        method: 'DELETE',
        headers: bearer(board.facilitatorToken),
      })
      expect(res.status).toBe(204)
      expect((await fetch(`${r.http}/api/boards/${board.id}`, {
        headers: bearer(board.facilitatorToken),
      })).status).toBe(403)
    } finally {
      reader.exec('COMMIT')
      reader.close()
    }
    await expect.poll(() => filesHolding(r.dataDir, text), { timeout: 5_000 }).toEqual([])
  })
})
