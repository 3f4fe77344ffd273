// Workshops over HTTP: a leader creates N table boards and a plenary board in one call, gets every
// board's links back later with the leader token alone, and deletes all of it at once.
import { afterEach, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/index.ts'
import {
  type Client,
  type RunningRelay,
  connect,
  countRows,
  startRelay,
  synced,
} from './helpers.ts'

interface Board {
  id: string
  title: string
  links: Partial<Record<'facilitator' | 'edit' | 'view', string>>
}
interface Workshop {
  id: string
  title: string
  template: string
  leaderToken?: string
  link?: string
  plenary: Board | null
  tables: (Board | null)[]
}

let r: RunningRelay
let clients: Client[] = []
afterEach(async () => {
  for (const client of clients) client.destroy()
  clients = []
  await r?.close()
})

const DAY = 86_400_000
const tokenOf = (link: string | undefined) => link?.split('#t=')[1] ?? ''
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

async function createWorkshop(body: unknown): Promise<Response> {
  return fetch(`${r.http}/api/workshops`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function created(body: unknown): Promise<Workshop & { leaderToken: string }> {
  const res = await createWorkshop(body)
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as Workshop & { leaderToken: string }
}

const getWorkshop = (id: string, token?: string) =>
  fetch(`${r.http}/api/workshops/${id}`, { headers: token ? bearer(token) : {} })

describe('workshops', () => {
  it('creates a plenary board and N tables, each with its own links and the template', async () => {
    r = await startRelay()
    const workshop = await created({
      tables: 3,
      template: 'tips-tops-interessant',
      title: 'Wijk Noord',
    })
    expect(workshop.link).toBe(`/w/${workshop.id}#t=${workshop.leaderToken}`)
    expect(workshop.tables.map((table) => table?.title)).toEqual([
      'Wijk Noord – Tafel 1',
      'Wijk Noord – Tafel 2',
      'Wijk Noord – Tafel 3',
    ])
    expect(workshop.plenary?.title).toBe('Wijk Noord – Plenair')
    const boards = [workshop.plenary!, ...(workshop.tables as Board[])]
    expect(new Set(boards.map((board) => board.id)).size).toBe(4)
    for (const board of boards) {
      for (const role of ['facilitator', 'edit', 'view'] as const) {
        const link = board.links[role]
        expect(link).toMatch(new RegExp(`^/b/${board.id}#t=[\\w-]{32}$`))
        const info = await fetch(`${r.http}/api/boards/${board.id}`, {
          headers: bearer(tokenOf(link)),
        })
        expect(await info.json()).toMatchObject({ role, template: 'tips-tops-interessant' })
      }
    }
    const table = connect(r.ws, workshop.tables[1]!.id, tokenOf(workshop.tables[1]!.links.edit))
    clients.push(table)
    await synced(table)
    const columns = readBoard(table.doc).items.flatMap((item) =>
      item.type === 'box' ? [item.label] : [],
    )
    expect(columns).toEqual(['Tops', 'Tips', 'Interessant'])
  })

  it('shows the leader every link again, and only the leader', async () => {
    r = await startRelay()
    const workshop = await created({ tables: 2, template: 'mdo' })
    expect(workshop.tables.map((table) => table?.title)).toEqual(['Tafel 1', 'Tafel 2'])
    // A leader who works in English gets English names; the language is checked like the rest.
    const english = await created({ tables: 2, template: 'mdo', lang: 'en' })
    expect(english.tables.map((table) => table?.title)).toEqual(['Table 1', 'Table 2'])
    expect(english.plenary?.title).toBe('Plenary')
    const res = await getWorkshop(workshop.id, workshop.leaderToken)
    expect(res.status).toBe(200)
    const { leaderToken: _token, link: _link, ...view } = workshop
    expect(await res.json()).toEqual(view)

    expect((await getWorkshop(workshop.id)).status).toBe(401)
    const tableToken = tokenOf(workshop.tables[0]!.links.facilitator)
    expect((await getWorkshop(workshop.id, tableToken)).status).toBe(403)
    expect((await getWorkshop('AAAAAAAAAAAAAAAAAAAAAA', workshop.leaderToken)).status).toBe(403)

    // A link renewed on the table itself is no longer the leader's to hand out.
    const rotated = await fetch(`${r.http}/api/boards/${workshop.tables[0]!.id}/rotate`, {
      method: 'POST',
      headers: bearer(tableToken),
      body: JSON.stringify({ role: 'edit' }),
    })
    expect(rotated.status).toBe(200)
    const after = (await (await getWorkshop(workshop.id, workshop.leaderToken)).json()) as Workshop
    expect(Object.keys(after.tables[0]!.links).sort()).toEqual(['facilitator', 'view'])
    expect(after.tables[1]!.links.edit).toBe(workshop.tables[1]!.links.edit)
  })

  it('refuses a table count outside 1–12, an unknown template and a bad title', async () => {
    r = await startRelay()
    for (const tables of [0, 13, 2.5, '3', undefined]) {
      expect((await createWorkshop({ tables })).status, String(tables)).toBe(400)
    }
    expect((await createWorkshop({ tables: 2, template: 'nope' })).status).toBe(400)
    expect((await createWorkshop({ tables: 2, lang: 'de' })).status).toBe(400)
    expect((await createWorkshop({ tables: 2, title: 'x'.repeat(190) })).status).toBe(400)
    expect((await createWorkshop([2])).status).toBe(400)
  })

  it('charges every board against the hourly budget, before making any', async () => {
    r = await startRelay(undefined, { boardsPerHour: 6 })
    await created({ tables: 4 })
    const refused = await createWorkshop({ tables: 1 })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('deletes every board and the workshop at once', async () => {
    r = await startRelay()
    const workshop = await created({ tables: 2 })
    const ids = [workshop.plenary!.id, ...workshop.tables.map((table) => table!.id)]
    const refused = await fetch(`${r.http}/api/workshops/${workshop.id}`, {
      method: 'DELETE',
      headers: bearer(tokenOf(workshop.plenary!.links.facilitator)),
    })
    expect(refused.status).toBe(403)
    const res = await fetch(`${r.http}/api/workshops/${workshop.id}`, {
      method: 'DELETE',
      headers: bearer(workshop.leaderToken),
    })
    expect(res.status).toBe(204)
    await r.relay.rooms.closeAll()
    for (const id of ids) expect(countRows(r.dataDir, id)).toBe(0)
    expect((await getWorkshop(workshop.id, workshop.leaderToken)).status).toBe(403)
  })

  it('goes once its boards have expired', async () => {
    let clock = Date.UTC(2026, 0, 5)
    r = await startRelay(undefined, {}, () => clock)
    const workshop = await created({ tables: 2 })
    clock += 31 * DAY
    expect(await r.relay.boards.sweep()).toBe(3)
    expect(await r.relay.workshops.sweep()).toBe(1)
    expect((await getWorkshop(workshop.id, workshop.leaderToken)).status).toBe(403)
  })
})
