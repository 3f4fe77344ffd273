// The next meeting: the facilitator makes an agreement, prepares the next meeting from the share
// dialog, and the new board holds the analysis plus the agreement, open again, for evaluation.
import { expect, test, BoardPageObject } from './fixtures.ts'

test('the next meeting starts from the last board with its agreements to evaluate', async ({
  api,
  browser,
}) => {
  const board = await api.createBoard({ title: 'MDO Sam' })
  const context = await browser.newContext()
  try {
    const a = new BoardPageObject(await context.newPage())
    await a.open(board.links.facilitator, 'Anne de Vries', 'ib')
    const marker = await a.addStickyByDoubleClick('kind', 'Sam leest graag voor')
    const panel = a.page.getByTestId('agreements-panel')
    await panel.getByRole('button', { name: 'Afspraak toevoegen' }).click()
    await panel.getByRole('textbox', { name: 'Wat, Afspraak 1' }).fill('Leesplan met thuis')
    await panel.getByRole('combobox', { name: 'Status, Afspraak 1' }).selectOption('continue')
    await expect
      .poll(async () => (await a.items()).find((item) => item.type === 'agreement'))
      .toMatchObject({ wat: 'Leesplan met thuis', status: 'continue' })

    await a.page.getByRole('button', { name: 'Delen', exact: true }).click()
    const next = a.page.getByTestId('next-meeting')
    await next.getByRole('textbox').fill('MDO Sam, tweede overleg')
    await next.getByRole('button', { name: 'Volgend overleg voorbereiden' }).click()
    await next.getByRole('link', { name: 'Open het nieuwe bord' }).click()
    await a.join('Anne de Vries', 'ib')
    await expect(a.page.locator('.board-title')).toHaveText('MDO Sam, tweede overleg')
    expect(new URL(a.page.url()).pathname).not.toBe(`/b/${board.id}`)

    const items = await a.items()
    expect(items.find((item) => item.id === marker)).toMatchObject({ text: 'Sam leest graag voor' })
    const area = items.find(
      (item) => item.type === 'box' && item.label.startsWith('Afspraken vorig'),
    )
    expect(items.filter((item) => item.type === 'agreement')).toEqual([
      expect.objectContaining({ wat: 'Leesplan met thuis', status: 'open', parent: area?.id }),
    ])
    // The status is picked in the agreements panel, as at any meeting.
    await a.page
      .getByTestId('agreements-panel')
      .getByRole('combobox', { name: 'Status, Afspraak 1' })
      .selectOption('done')
    await expect
      .poll(async () => (await a.items()).find((item) => item.type === 'agreement'))
      .toMatchObject({ status: 'done' })
    expect(a.errors).toEqual([])
  } finally {
    await context.close()
  }
})
