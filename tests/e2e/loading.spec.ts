// Opening a board again (name remembered): the page's early script fetches the board as JSON
// before the app has loaded, the board view draws that, and only then does the board's socket
// open and its document sync. One socket per room, live both ways.
import { BoardPageObject, expect, test } from './fixtures.ts'

test('a returning participant sees the board drawn from its JSON first, then it syncs', async ({
  api,
  browser,
}) => {
  const board = await api.createBoard({ title: 'Laden' })
  const contexts = [await browser.newContext(), await browser.newContext()]
  try {
    const a = new BoardPageObject(await contexts[0]!.newPage())
    await a.open(board.links.facilitator, 'Anne', 'ib')
    const first = await a.addStickyByDoubleClick('kind', 'Zoë bouwt graag met lego')

    const b = new BoardPageObject(await contexts[1]!.newPage())
    await b.open(board.links.edit, 'Bram', 'ouder')
    await expect
      .poll(async () => (await b.outlineItems()).some((row) => row.id === first))
      .toBe(true)
    const sockets: string[] = []
    b.page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname))
    await b.page.reload()
    await b.waitForConnected()
    const order = await b.page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null
      const json = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.endsWith('/board.json'))
      return {
        json: json?.startTime ?? null,
        connect: at('mdo:connect'),
        view: at('mdo:board-view'),
        synced: at('mdo:synced'),
      }
    })
    expect(order.json).not.toBeNull()
    expect(order.json!).toBeLessThan(order.connect!)
    expect(order.view!).toBeLessThan(order.synced!)
    expect(sockets.sort()).toEqual([`/ws/${board.id}`, `/ws/${board.id}.control`])
    expect((await b.outlineItems()).find((row) => row.id === first)?.text).toBe(
      'Zoë bouwt graag met lego',
    )

    // Live both ways after the reload.
    const reply = await b.addStickyByDoubleClick('school', 'Werkt fijn in een groepje')
    await expect
      .poll(async () => (await a.outlineItems()).find((row) => row.id === reply)?.text)
      .toBe('Werkt fijn in een groepje')
    const more = await a.addStickyByDoubleClick('thuis', 'Oma haalt op')
    await expect
      .poll(async () => (await b.outlineItems()).find((row) => row.id === more)?.text)
      .toBe('Oma haalt op')
    expect(sockets).toHaveLength(2)
    expect([...a.errors, ...b.errors]).toEqual([])
  } finally {
    for (const context of contexts) await context.close()
  }
})
