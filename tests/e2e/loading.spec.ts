// Opening a board: the page's early script opens the board's socket before the app has loaded,
// and the app then uses that very socket: one socket per room, live both ways.
import { BoardPageObject, expect, test } from './fixtures.ts'

test('a board page opens its socket before the app runs, and the board uses that one', async ({
  api,
  browser,
}) => {
  const board = await api.createBoard({ title: 'Laden' })
  const contexts = [await browser.newContext(), await browser.newContext()]
  try {
    const b = new BoardPageObject(await contexts[0]!.newPage())
    const sockets: string[] = []
    b.page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname))
    await b.open(board.links.edit, 'Bram', 'ouder')
    const marks = await b.page.evaluate(() =>
      ['mdo:early-open', 'mdo:connect'].map(
        (name) => performance.getEntriesByName(name)[0]?.startTime ?? null,
      ),
    )
    const [earlyOpen, connect] = marks
    expect(earlyOpen).not.toBeNull()
    expect(connect).not.toBeNull()
    expect(earlyOpen!).toBeLessThan(connect!)
    expect(sockets.sort()).toEqual([`/ws/${board.id}`, `/ws/${board.id}.control`])

    // Live over it: B's sticky reaches a second participant, and theirs reaches B.
    const sticky = await b.addStickyByDoubleClick('kind', 'Zoë bouwt graag met lego')
    const a = new BoardPageObject(await contexts[1]!.newPage())
    await a.open(board.links.facilitator, 'Anne', 'ib')
    await expect
      .poll(async () => (await a.outlineItems()).find((row) => row.id === sticky)?.text)
      .toBe('Zoë bouwt graag met lego')
    const reply = await a.addStickyByDoubleClick('school', 'Werkt fijn in een groepje')
    await expect
      .poll(async () => (await b.outlineItems()).find((row) => row.id === reply)?.text)
      .toBe('Werkt fijn in een groepje')
    expect(sockets).toHaveLength(2)
    expect([...a.errors, ...b.errors]).toEqual([])
  } finally {
    for (const context of contexts) await context.close()
  }
})
