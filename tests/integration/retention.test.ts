// Nothing kept longer than needed: boards expire after a period without activity, a facilitator
// can shorten it, and creating boards is rate limited per address.
import { afterEach, describe, expect, it } from 'vitest'
import {
  type Client,
  type RunningRelay,
  connect,
  countRows,
  createBoard,
  startRelay,
  synced,
} from './helpers.ts'

const DAY = 86_400_000
let r: RunningRelay
let clients: Client[] = []
afterEach(async () => {
  for (const client of clients) client.destroy()
  clients = []
  await r?.close()
})

const patch = (id: string, token: string, body: unknown) =>
  fetch(`${r.http}/api/boards/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })

describe('retention', () => {
  it('lets the facilitator shorten the period and shows the date it ends', async () => {
    let clock = Date.UTC(2026, 10, 22)
    r = await startRelay(undefined, {}, () => clock)
    const board = await createBoard(r.http)
    const me = await fetch(`${r.http}/api/boards/${board.id}`, {
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
    })
    expect(await me.json()).toMatchObject({ retentionDays: 30, expiresAt: clock + 30 * DAY })

    const shortened = await patch(board.id, board.facilitatorToken, { retentionDays: 7 })
    expect(shortened.status).toBe(200)
    expect(await shortened.json()).toEqual({ retentionDays: 7, expiresAt: clock + 7 * DAY })
    expect((await patch(board.id, board.editToken, { retentionDays: 1 })).status).toBe(403)
    expect((await patch(board.id, board.facilitatorToken, { retentionDays: 31 })).status).toBe(400)
    expect((await patch(board.id, board.facilitatorToken, { retentionDays: 0 })).status).toBe(400)

    clock += 8 * DAY
    expect(await r.relay.boards.sweep()).toBe(1)
    expect(countRows(r.dataDir, board.id)).toBe(0)
  })

  it('sweeps boards past their period, keeps newer ones and ones in use', async () => {
    let clock = Date.UTC(2026, 10, 22)
    r = await startRelay(undefined, {}, () => clock)
    const old = await createBoard(r.http)
    const inUse = await createBoard(r.http)
    clock += 20 * DAY
    const recent = await createBoard(r.http)
    const open = connect(r.ws, inUse.id, inUse.editToken)
    clients.push(open)
    await synced(open)
    clock += 11 * DAY

    expect(await r.relay.boards.sweep()).toBe(1)
    expect(countRows(r.dataDir, old.id)).toBe(0)
    expect(countRows(r.dataDir, recent.id)).toBeGreaterThan(0)
    expect(countRows(r.dataDir, inUse.id)).toBeGreaterThan(0)
  })
})

describe('creating boards', () => {
  it('refuses more boards per hour from one address than allowed, with 429 and Retry-After', async () => {
    r = await startRelay(undefined, { boardsPerHour: 3 })
    for (let i = 0; i < 3; i++) await createBoard(r.http)
    const refused = await fetch(`${r.http}/api/boards`, { method: 'POST', body: '{}' })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { error: string }).error).toMatch(/too many/)
  })
})
