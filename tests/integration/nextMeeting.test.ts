// The next meeting over HTTP: the facilitator asks for a copy of the board as it is live now, and
// gets a new board with its own links; the old board goes on as it was.
import { afterEach, describe, expect, it } from 'vitest'
import { addAgreement, addSticky, readBoard, type AgreementItem } from '../../shared/index.ts'
import {
  type Client,
  type CreatedBoard,
  type RunningRelay,
  connect,
  createBoard,
  startRelay,
  synced,
} from './helpers.ts'

let r: RunningRelay
let clients: Client[] = []
const open = async (board: string, token: string) => {
  const client = connect(r.ws, board, token)
  clients.push(client)
  await synced(client)
  return client
}
afterEach(async () => {
  for (const client of clients) client.destroy()
  clients = []
  await r?.close()
})

const next = (board: string, token: string | null, body: unknown = {}) =>
  fetch(`${r.http}/api/boards/${board}/next`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })

describe('POST /api/boards/<id>/next', () => {
  it('copies the live board with its running agreements open for evaluation', async () => {
    r = await startRelay()
    const board = await createBoard(r.http, 'mdo', 'MDO Sam')
    const table = await open(board.id, board.editToken)
    const items = readBoard(table.doc).items
    const kind = items.find((item) => item.type === 'circle' && item.role === 'kind')!
    const afspraken = items.find((item) => item.type === 'box' && item.role === 'agreements')!
    const sticky = addSticky(table.doc, {
      kind: 'plus',
      text: 'Leest graag',
      x: 0,
      y: -300,
      parent: kind.id,
    })
    addAgreement(table.doc, { parent: afspraken.id, wat: 'Leesplan', status: 'continue' })
    addAgreement(table.doc, { parent: afspraken.id, wat: 'Gesprek JGZ', status: 'done' })
    // Nothing has to be on disk yet: the copy comes from the live room.
    await expect.poll(async () => (await next(board.id, board.editToken)).status).toBe(403)
    let created: CreatedBoard | undefined
    await expect
      .poll(async () => {
        const res = await next(board.id, board.facilitatorToken, { title: 'MDO Sam, vervolg' })
        expect(res.status).toBe(201)
        created = (await res.json()) as CreatedBoard
        const copy = await open(created.id, created.facilitatorToken)
        return readBoard(copy.doc).items.some((item) => item.id === sticky)
      })
      .toBe(true)

    expect(created!.id).not.toBe(board.id)
    expect(created!.links.edit).toBe(`/b/${created!.id}#t=${created!.editToken}`)
    const copy = await open(created!.id, created!.editToken)
    const { meta, items: copied, problems } = readBoard(copy.doc)
    expect(problems).toEqual([])
    expect(meta.title).toBe('MDO Sam, vervolg')
    const agreements = copied.filter((item): item is AgreementItem => item.type === 'agreement')
    expect(agreements.map((a) => [a.wat, a.status])).toEqual([['Leesplan', 'open']])
    const info = await fetch(`${r.http}/api/boards/${created!.id}`, {
      headers: { Authorization: `Bearer ${created!.facilitatorToken}` },
    })
    expect(await info.json()).toMatchObject({ title: 'MDO Sam, vervolg', template: 'mdo' })

    // The old board and its links go on as they were.
    expect(readBoard(table.doc).items.filter((item) => item.type === 'agreement')).toHaveLength(2)
    expect((await next(board.id, created!.facilitatorToken)).status).toBe(403)
  })

  it('keeps the title when none is given; refuses without a token, and an unknown board', async () => {
    r = await startRelay()
    const board = await createBoard(r.http, 'kies-3', 'Werkgroep wijk Noord')
    const res = await next(board.id, board.facilitatorToken)
    expect(res.status).toBe(201)
    const created = (await res.json()) as CreatedBoard
    const copy = await open(created.id, created.viewToken)
    expect(readBoard(copy.doc).meta).toMatchObject({
      title: 'Werkgroep wijk Noord',
      template: 'kies-3',
    })
    expect((await next(board.id, null)).status).toBe(401)
    expect((await next('AAAAAAAAAAAAAAAAAAAAAA', board.facilitatorToken)).status).toBe(403)
    expect((await next(board.id, board.facilitatorToken, { title: 42 })).status).toBe(400)
  })

  it('counts against the same hourly budget as new boards', async () => {
    r = await startRelay(undefined, { boardsPerHour: 2 })
    const board = await createBoard(r.http)
    expect((await next(board.id, board.facilitatorToken)).status).toBe(201)
    const refused = await next(board.id, board.facilitatorToken)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})
