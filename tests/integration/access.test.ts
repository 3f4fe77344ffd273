// Who gets in: tokens on the websocket, the facilitator's API calls, and clear JSON refusals.
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CLOSE } from '../../shared/closeCodes.ts'
import {
  type Client,
  type RunningRelay,
  closeCodeOf,
  connect,
  countRows,
  createBoard,
  orphanRows,
  startRelay,
  synced,
} from './helpers.ts'
import { notesOf } from './notes.ts'

let r: RunningRelay
let clients: Client[] = []
const open = (...args: Parameters<typeof connect>) => {
  const client = connect(...args)
  clients.push(client)
  return client
}
afterEach(async () => {
  for (const client of clients) client.destroy()
  clients = []
  await r?.close()
})

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('websocket access', () => {
  it('refuses a missing token with 4401 and a wrong one, or an unknown board, with 4403', async () => {
    r = await startRelay()
    const board = await createBoard(r.http)
    expect(await closeCodeOf(`${r.ws}/${board.id}`)).toBe(CLOSE.noToken)
    expect(await closeCodeOf(`${r.ws}/${board.id}?t=${board.editToken.slice(0, -2)}xx`)).toBe(
      CLOSE.forbidden,
    )
    expect(await closeCodeOf(`${r.ws}/AAAAAAAAAAAAAAAAAAAAAA?t=${board.editToken}`)).toBe(
      CLOSE.forbidden,
    )
  })

  it('accepts the token as a subprotocol, so it stays out of URLs', async () => {
    r = await startRelay()
    const board = await createBoard(r.http)
    const client = connect(r.ws, board.id, '', ['mdo.v1', `token.${board.editToken}`])
    clients.push(client)
    await synced(client)
    expect(client.doc.getMap('items').size).toBeGreaterThan(0)
  })

  it('refuses a browser origin that is not the server itself', async () => {
    r = await startRelay()
    const board = await createBoard(r.http)
    const code = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${r.ws}/${board.id}?t=${board.editToken}`, {
        origin: 'https://evil.example',
      })
      socket.on('close', (closeCode) => resolve(closeCode))
    })
    expect(code).toBe(CLOSE.forbidden)
  })

  it('never writes a token into the log', async () => {
    r = await startRelay()
    const board = await createBoard(r.http)
    await closeCodeOf(`${r.ws}/${board.id}?t=${board.editToken}`, (socket) =>
      socket.send('text frame'),
    )
    await fetch(`${r.http}/api/boards/${board.id}`, {
      method: 'DELETE',
      headers: bearer(board.editToken),
    })
    const logged = r.logs.join('\n')
    for (const token of [board.facilitatorToken, board.editToken, board.viewToken]) {
      expect(logged).not.toContain(token)
    }
  })
})

describe('rotate', () => {
  it('replaces a link: the old token stops working and its open sockets close', async () => {
    r = await startRelay()
    const board = await createBoard(r.http)
    const editor = open(r.ws, board.id, board.editToken)
    const facilitator = open(r.ws, board.id, board.facilitatorToken)
    await Promise.all([synced(editor), synced(facilitator)])

    const res = await fetch(`${r.http}/api/boards/${board.id}/rotate`, {
      method: 'POST',
      headers: { ...bearer(board.facilitatorToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'edit' }),
    })
    expect(res.status).toBe(200)
    const rotated = (await res.json()) as { role: string; token: string; link: string }
    expect(rotated.role).toBe('edit')
    expect(rotated.link).toBe(`/b/${board.id}#t=${rotated.token}`)

    // Its open sockets close within a second of the rotation.
    await expect.poll(() => editor.closes, { timeout: 1000 }).toContain(CLOSE.forbidden)
    expect(facilitator.closes).toEqual([])
    expect(await closeCodeOf(`${r.ws}/${board.id}?t=${board.editToken}`)).toBe(CLOSE.forbidden)
    const renewed = open(r.ws, board.id, rotated.token)
    await synced(renewed)
  })

  it('only the facilitator may rotate', async () => {
    r = await startRelay()
    const board = await createBoard(r.http)
    const res = await fetch(`${r.http}/api/boards/${board.id}/rotate`, {
      method: 'POST',
      headers: bearer(board.editToken),
      body: JSON.stringify({ role: 'view' }),
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toHaveProperty('error')
  })
})

describe('links on another device', () => {
  const post = (url: string, token: string, role: string) =>
    fetch(url, {
      method: 'POST',
      headers: { ...bearer(token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ role }),
    }).then((res) => res.json() as Promise<{ token: string; links: Record<string, string> }>)
  const linksOf = (url: string, token: string) =>
    fetch(url, { headers: bearer(token) }).then(async (res) => ({
      status: res.status,
      links: res.ok ? ((await res.json()) as { links: Record<string, string> }).links : {},
    }))

  it('shows the voorzitter the edit and view links again, renewed ones too', async () => {
    r = await startRelay()
    const board = await createBoard(r.http)
    const url = `${r.http}/api/boards/${board.id}/links`
    expect(await linksOf(url, board.facilitatorToken)).toEqual({ status: 200, links: board.links })
    expect((await linksOf(url, board.editToken)).status).toBe(403)
    expect((await linksOf(url, board.viewToken)).status).toBe(403)

    const rotate = `${r.http}/api/boards/${board.id}/rotate`
    const edit = await post(rotate, board.facilitatorToken, 'edit')
    expect(edit.token).not.toBe(board.editToken)
    const shown = await linksOf(url, board.facilitatorToken)
    expect(shown.links).toEqual({ ...board.links, edit: `/b/${board.id}#t=${edit.token}` })
    const renewed = open(r.ws, board.id, edit.token)
    await synced(renewed)
  })

  it('renews every link with the voorzitter’s, which could work the others out', async () => {
    r = await startRelay()
    const board = await createBoard(r.http)
    const editor = open(r.ws, board.id, board.editToken)
    await synced(editor)
    const rotated = await post(
      `${r.http}/api/boards/${board.id}/rotate`,
      board.facilitatorToken,
      'facilitator',
    )
    await expect.poll(() => editor.closes).toContain(CLOSE.forbidden)
    for (const old of [board.facilitatorToken, board.editToken, board.viewToken]) {
      expect(await closeCodeOf(`${r.ws}/${board.id}?t=${old}`)).toBe(CLOSE.forbidden)
    }
    const url = `${r.http}/api/boards/${board.id}/links`
    expect((await linksOf(url, board.facilitatorToken)).status).toBe(403)
    expect(await linksOf(url, rotated.token)).toEqual({ status: 200, links: rotated.links })
    expect(Object.keys(rotated.links).sort()).toEqual(['edit', 'facilitator', 'view'])
  })
})

describe('delete', () => {
  it('removes every row of the board and closes its sockets', async () => {
    r = await startRelay()
    const board = await createBoard(r.http)
    const other = await createBoard(r.http)
    const editor = open(r.ws, board.id, board.editToken)
    await synced(editor)
    notesOf(editor.doc).push(['weg ermee'])
    expect(countRows(r.dataDir, board.id)).toBeGreaterThan(0)

    const res = await fetch(`${r.http}/api/boards/${board.id}`, {
      method: 'DELETE',
      headers: bearer(board.facilitatorToken),
    })
    expect(res.status).toBe(204)
    await expect.poll(() => editor.closes).toContain(CLOSE.boardGone)
    await r.relay.rooms.closeAll()
    expect(countRows(r.dataDir, board.id)).toBe(0)
    expect(orphanRows(r.dataDir)).toBe(0)
    expect(countRows(r.dataDir, other.id)).toBeGreaterThan(0)
    expect(await closeCodeOf(`${r.ws}/${board.id}?t=${board.facilitatorToken}`)).toBe(
      CLOSE.forbidden,
    )
  })
})

describe('HTTP API errors are 4xx JSON, never 500', () => {
  const cases: [string, string, RequestInit, number][] = [
    ['bad JSON', '/api/boards', { method: 'POST', body: '{"template":' }, 400],
    ['unknown template', '/api/boards', { method: 'POST', body: '{"template":"tarot"}' }, 400],
    ['title not a string', '/api/boards', { method: 'POST', body: '{"title":42}' }, 400],
    ['array body', '/api/boards', { method: 'POST', body: '[]' }, 400],
    [
      'huge body',
      '/api/boards',
      { method: 'POST', body: JSON.stringify({ title: 'x'.repeat(100_000) }) },
      413,
    ],
    ['wrong method', '/api/boards', { method: 'PUT', body: '{}' }, 405],
    ['unknown path', '/api/nothing', { method: 'GET' }, 404],
    ['delete without token', '/api/boards/abcdefghijkl', { method: 'DELETE' }, 401],
    [
      'delete with a made-up token',
      '/api/boards/abcdefghijkl',
      { method: 'DELETE', headers: bearer('x'.repeat(32)) },
      403,
    ],
    ['rotate without a role', '/api/boards/abcdefghijkl/rotate', { method: 'GET' }, 405],
  ]
  it.each(cases)('%s', async (_name, path, init, status) => {
    r = await startRelay()
    const res = await fetch(`${r.http}${path}`, init)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(((await res.json()) as { error: string }).error).toBeTypeOf('string')
  })

  it('creates a board with the documented response', async () => {
    r = await startRelay()
    const res = await fetch(`${r.http}/api/boards`, {
      method: 'POST',
      body: JSON.stringify({ template: 'mdo', title: 'MDO Sam, groep 6' }),
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual([
      'editToken',
      'facilitatorToken',
      'id',
      'links',
      'viewToken',
    ])
    const tokens = [body.facilitatorToken, body.editToken, body.viewToken] as string[]
    expect(new Set(tokens).size).toBe(3)
    for (const token of tokens)
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128)

    const me = await fetch(`${r.http}/api/boards/${body.id}`, {
      headers: bearer(body.viewToken as string),
    })
    expect(await me.json()).toMatchObject({
      title: 'MDO Sam, groep 6',
      template: 'mdo',
      role: 'view',
    })
  })

  it('answers health and metrics', async () => {
    r = await startRelay()
    expect((await fetch(`${r.http}/healthz`)).status).toBe(200)
    const metrics = await (await fetch(`${r.http}/metrics`)).text()
    for (const name of [
      'mdo_rooms_open',
      'mdo_connections',
      'mdo_messages_in_total',
      'mdo_bytes_persisted_total',
    ]) {
      expect(metrics).toMatch(new RegExp(`^${name} \\d+$`, 'm'))
    }
  })

  it('sends the security headers with every answer', async () => {
    r = await startRelay()
    const res = await fetch(`${r.http}/healthz`)
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })
})
