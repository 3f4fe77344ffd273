// Trust in the browser: a hostile peer's garbage items never break a client (the canvas and the
// outline skip them), and a participant can be present by role only, without their name leaving
// their device.
import * as Y from 'yjs'
import { addSticky, ITEMS_MAP } from '../../shared/index.ts'
import { connect, synced } from '../integration/helpers.ts'
import { BoardPageObject, expect, test } from './fixtures.ts'

test('garbage items from a hostile peer are skipped, the rest of the board works', async ({
  browser,
  api,
  baseURL,
}) => {
  const board = await api.createBoard()
  const hostile = connect(`${baseURL!.replace('http', 'ws')}/ws`, board.id, board.editToken)
  await synced(hostile)
  const kind = new Y.Map<unknown>()
  hostile.doc.transact(() => {
    const items = hostile.doc.getMap<unknown>(ITEMS_MAP)
    items.set('sticky:not-a-map', 42)
    const broken = new Y.Map<unknown>()
    broken.set('type', 'sticky')
    broken.set('x', 'links')
    broken.set('text', { nested: ['no', 'Y.Text'] })
    items.set('sticky:broken', broken)
    const arrow = new Y.Map<unknown>()
    arrow.set('type', 'arrow')
    arrow.set('from', 'circle:nowhere')
    arrow.set('to', 'circle:gone')
    items.set('arrow:dangling', arrow)
    items.set('video:unknown', kind)
  })
  addSticky(hostile.doc, { kind: 'plus', text: 'Echt pluspunt', x: 0, y: 0 })
  await expect.poll(() => hostile.provider.wsconnected).toBe(true)

  const context = await browser.newContext()
  try {
    const person = new BoardPageObject(await context.newPage())
    await person.open(board.links.edit, 'Juf Anna', 'leerkracht')
    await expect
      .poll(async () => (await person.outlineItems()).map((entry) => entry.text).join('\n'))
      .toContain('Echt pluspunt')
    const ids = (await person.items()).map((item) => item.id as string)
    expect(ids).not.toContain('sticky:broken')
    expect(ids).not.toContain('sticky:not-a-map')
    expect(ids).not.toContain('arrow:dangling')
    expect(person.errors).toEqual([])
  } finally {
    hostile.destroy()
    await context.close()
  }
})

test('a participant shown by role only: the name never reaches the others', async ({
  browser,
  api,
}) => {
  const board = await api.createBoard()
  const contexts = [await browser.newContext(), await browser.newContext()]
  try {
    const facilitator = new BoardPageObject(await contexts[0]!.newPage())
    await facilitator.open(board.links.facilitator, 'Anne de Vries', 'ib')

    const parent = await contexts[1]!.newPage()
    await parent.goto(board.links.edit)
    const dialog = parent.getByTestId('join-dialog')
    await dialog.locator('input[name=name]').fill('Geheime Naam')
    await dialog.locator('input[name=roleOnly]').check()
    await dialog.locator('select[name=role]').selectOption('ouder')
    await dialog.locator('button[type=submit]').click()
    await expect(dialog).toBeHidden()

    const presence = facilitator.page.locator('.presence')
    await expect(presence.locator('li')).toHaveCount(2)
    await expect(presence).toContainText('Ouder')
    await expect(facilitator.page.locator('body')).not.toContainText('Geheime Naam')
  } finally {
    for (const context of contexts) await context.close()
  }
})
