// GET /api/boards/<id>/board.json over real HTTP: the live board as a loading page draws it first,
// the same as readBoard of the document the relay holds, for every link and no one else.
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { addSticky, parseShownBoard, readBoard } from '../../shared/index.ts'
import { closedAfterEach, createBoard, rawGet, startRelay, synced } from './helpers.ts'

const { relays, open } = closedAfterEach()

async function relay() {
  const running = await startRelay()
  relays.push(running)
  return running
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('the board as JSON', () => {
  it('is what readBoard reads from the live document, edits not yet stored included', async () => {
    const r = await relay()
    const board = await createBoard(r.http, 'mdo')
    const writer = open(r.ws, board.id, board.editToken)
    await synced(writer)
    const url = `${r.http}/api/boards/${board.id}/board.json`
    const first = await rawGet(url, auth(board.viewToken))
    expect(first.status).toBe(200)
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(first.headers['cache-control']).toBe('no-store')

    addSticky(writer.doc, { kind: 'plus', text: 'Zoë helpt graag', x: 10, y: 20 })
    const { meta, items } = readBoard(writer.doc)
    await expect
      .poll(async () => JSON.parse((await rawGet(url, auth(board.editToken))).body.toString()))
      .toEqual(JSON.parse(JSON.stringify({ meta, items })))
    expect(
      parseShownBoard(
        JSON.parse((await rawGet(url, auth(board.facilitatorToken))).body.toString()),
      ),
    ).toEqual({ meta, items })
  })

  it('comes gzipped to a client that asks for it', async () => {
    const r = await relay()
    const board = await createBoard(r.http, 'mdo')
    const url = `${r.http}/api/boards/${board.id}/board.json`
    const plain = await rawGet(url, auth(board.editToken))
    const zipped = await rawGet(url, { ...auth(board.editToken), 'Accept-Encoding': 'gzip, br' })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toBe('Accept-Encoding')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(gunzipSync(zipped.body)).toEqual(plain.body)
    expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength)
  })

  it('is refused without a working link, and for a board that does not exist', async () => {
    const r = await relay()
    const board = await createBoard(r.http, 'mdo')
    const url = `${r.http}/api/boards/${board.id}/board.json`
    expect((await rawGet(url, {})).status).toBe(401)
    expect((await rawGet(url, auth('x'.repeat(32)))).status).toBe(403)
    const other = await createBoard(r.http, 'blank')
    expect((await rawGet(url, auth(other.editToken))).status).toBe(403)
    const missing = await rawGet(
      `${r.http}/api/boards/nietbestaand/board.json`,
      auth(board.editToken),
    )
    expect([403, 404]).toContain(missing.status)
    expect(JSON.parse(missing.body.toString())).toHaveProperty('error')
  })

  it('reads a stored board that no one has open', async () => {
    const r = await relay()
    const board = await createBoard(r.http, 'mdo')
    const writer = open(r.ws, board.id, board.editToken)
    await synced(writer)
    addSticky(writer.doc, { kind: 'need', text: 'Rust in de klas', x: 0, y: 0 })
    const expected = readBoard(writer.doc).items
    const url = `${r.http}/api/boards/${board.id}/board.json`
    const itemsAt = async () =>
      (JSON.parse((await rawGet(url, auth(board.viewToken))).body.toString()) as { items: unknown })
        .items
    await expect.poll(itemsAt).toEqual(JSON.parse(JSON.stringify(expected)))
    writer.destroy()
    // Unloaded: the next request loads the board from storage.
    await expect.poll(() => r.relay.metrics.roomsOpen).toBe(0)
    expect(await itemsAt()).toEqual(JSON.parse(JSON.stringify(expected)))
  })
})
