// The Ik-ronde stays private whatever the way in. During a private round a participant at a
// laptop, one on a phone and the voorzitter herself try every way of adding a point: a double
// click, a double tap, the sticky and text tools, the outline's add button by keyboard, the + on
// a circle, the phone's "Punt toevoegen" sheet, the question button, copy-paste and duplicate by
// keyboard, and the drafts form itself. A stock y-websocket client at the relay, the voorzitter's
// screen and the CSV, Markdown and PDF made before the reveal hold none of it; after the reveal
// every draft is on the board in its place.
import { readFileSync } from 'node:fs'
import type { BrowserContext, Download, Page } from '@playwright/test'
import type * as Y from 'yjs'
import { ITEMS_MAP, type Item, type ItemId, type StickyKind } from '../../shared/index.ts'
import { connect, synced } from '../integration/helpers.ts'
import { pdfFacts } from '../unit/helpers/poppler.ts'
import { BoardPageObject, expect, test } from './fixtures.ts'

const drafts = (page: Page) => page.evaluate(() => window.__mdoControl!.drafts())

/** Mijn concepten took a point begun elsewhere: its kind and place are set, the text has focus. */
async function writeBegunPoint(
  who: BoardPageObject,
  expected: { kind: StickyKind; place: ItemId },
  text: string,
): Promise<void> {
  const panel = who.page.getByTestId('drafts-panel')
  const field = panel.locator('textarea[name=draft]')
  // First the notice, which stays five seconds.
  await expect(who.page.getByTestId('notice')).toContainText('je punt blijft op dit apparaat')
  await expect(field).toBeFocused()
  await expect(panel.getByLabel('Soort')).toHaveValue(expected.kind)
  await expect(panel.getByLabel('Plek op het bord')).toHaveValue(expected.place)
  await who.page.keyboard.type(text)
  await who.page.keyboard.press('Control+Enter')
  await expect(panel.getByTestId('draft-list')).toContainText(text)
  await expect(field).toHaveValue('')
}

async function downloaded(page: Page, format: 'csv' | 'md'): Promise<string> {
  const dialog = page.getByRole('dialog')
  const [file]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId(`export-${format}`).click(),
  ])
  return readFileSync(await file.path(), 'utf8')
}

test('during an Ik-ronde every way of adding a point makes a draft on the device', async ({
  browser,
  api,
  baseURL,
  request,
}) => {
  test.setTimeout(240_000)
  const board = await api.createBoard({ title: 'MDO Ik-ronde' })
  const observer = connect(`${baseURL!.replace('http', 'ws')}/ws`, board.id, board.viewToken)
  const contexts: BrowserContext[] = []
  const person = async (
    link: string,
    name: string,
    role: 'ib' | 'ouder' | 'leerkracht',
    phone = false,
  ) => {
    const context = await browser.newContext({
      acceptDownloads: true,
      ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
    })
    contexts.push(context)
    const who = new BoardPageObject(await context.newPage())
    await who.open(link, name, role)
    return who
  }
  const shared = () => observer.doc.getMap<Y.Map<unknown>>(ITEMS_MAP)
  const textOf = (id: string) => String(shared().get(id)?.get('text') ?? '')
  const sharedText = () => JSON.stringify(shared().toJSON())
  const pdfText = async () => {
    const res = await request.get(`/api/boards/${board.id}/export.pdf`, {
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
    })
    expect(res.status()).toBe(200)
    return pdfFacts(await res.body()).text
  }
  try {
    await synced(observer)
    const a = await person(board.links.facilitator, 'Anne', 'ib')
    const b = await person(board.links.edit, 'Bram', 'ouder')
    const c = await person(board.links.edit, 'Cas', 'leerkracht', true)
    const everyone = [a, b, c]
    const kind = (await a.circle('kind')).id
    const school = (await a.circle('school')).id
    const thuis = (await a.circle('thuis')).id
    const vragen = (await a.items()).find(
      (item) => item.type === 'box' && item.role === 'questions',
    )!.id

    // Before the round: one point on the board, to copy, duplicate and edit during it.
    const existing = await b.addStickyByDoubleClick('school', 'Bestaand punt over rekenen')
    await expect.poll(() => textOf(existing)).toBe('Bestaand punt over rekenen')
    const before = [...shared().keys()].sort()

    await a.page.locator('[data-action=start-private-round]').click()
    for (const who of everyone) {
      await expect(who.page.getByTestId('drafts-panel').locator('textarea')).toBeVisible()
    }
    const texts: Record<string, { kind: StickyKind; place: ItemId }> = {}
    const begun = async (
      who: BoardPageObject,
      kind: StickyKind,
      place: ItemId,
      text: string,
      act: () => Promise<void>,
    ) => {
      await act()
      await writeBegunPoint(who, { kind, place }, text)
      texts[text] = { kind, place }
    }

    // Bram at a laptop: a double click in Kind.
    await b.pickTool('v')
    const inKind = await b.inCircle('kind', -0.3, 0.3)
    await begun(b, 'plus', kind, 'Bram: dubbelklik in Kind', () =>
      b.page.mouse.dblclick(inKind.x, inKind.y),
    )
    // The sticky tool by its key, then a click in School.
    await b.page.locator('.board-canvas').focus()
    await b.page.keyboard.press('n')
    await expect(b.toolbar.locator('button[aria-keyshortcuts="n"]')).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await b.toolbar.getByRole('button', { name: /Minpunt/ }).click()
    const inSchool = await b.inCircle('school', 0.3, -0.3)
    await begun(b, 'minus', school, 'Bram: plaktool in School', () =>
      b.page.mouse.click(inSchool.x, inSchool.y),
    )
    // The text tool: a label is a point too, a note in the drafts.
    await b.page.locator('.board-canvas').focus()
    await b.page.keyboard.press('t')
    const inThuis = await b.inCircle('thuis', 0, -0.4)
    await begun(b, 'note', thuis, 'Bram: teksttool in Thuis', () =>
      b.page.mouse.click(inThuis.x, inThuis.y),
    )
    await b.pickTool('v')
    // The outline's add button, by keyboard.
    const add = b.outline.getByRole('button', { name: 'Pluspunt toevoegen aan Thuis' })
    await begun(b, 'plus', thuis, 'Bram: overzicht Thuis', async () => {
      await add.focus()
      await b.page.keyboard.press('Enter')
    })
    // The + on Kind's rim, and a kind from its list.
    await begun(b, 'plus', kind, 'Bram: plusknop Kind', async () => {
      await b.page
        .getByRole('button', { name: 'Punt toevoegen aan Kind/jongere', exact: true })
        .click()
      await b.page
        .getByRole('group', { name: 'Soort punt voor Kind/jongere' })
        .getByRole('button', { name: 'Pluspunt' })
        .click()
    })
    // The question button beside the board.
    await begun(b, 'question', vragen, 'Bram: wie belt de GGD?', () =>
      b.page
        .getByTestId('agreements-panel')
        .getByRole('button', { name: 'Vraag toevoegen' })
        .click(),
    )
    // Copy-paste and duplicate by keyboard: nothing new enters the board, and the notice says so.
    const sticky = await b.page.evaluate((id) => window.__mdoTest!.screenBox(id), existing)
    await b.page.mouse.click(sticky!.x + sticky!.width / 2, sticky!.y + sticky!.height / 2)
    await expect
      .poll(() => b.page.evaluate(() => window.__mdoTest!.selection()))
      .toEqual([existing])
    for (const keys of ['Control+c', 'Control+v', 'Control+d']) await b.page.keyboard.press(keys)
    await expect(b.page.getByTestId('notice')).toContainText('Tijdens de Ik-ronde')
    // The drafts form itself.
    const form = b.page.getByTestId('drafts-panel')
    await form.getByLabel('Soort').selectOption('need')
    await form.getByLabel('Plek op het bord').selectOption(kind)
    await form.locator('textarea[name=draft]').fill('Bram: formulier Kind')
    await form.getByRole('button', { name: 'Concept bewaren' }).click()
    await expect(form.getByTestId('draft-list')).toContainText('Bram: formulier Kind')
    texts['Bram: formulier Kind'] = { kind: 'need', place: kind }

    // Cas on a phone: a double tap in Kind, once the page has brought the circle into view.
    const below = await c.inCircle('kind', 0.2, 0.2)
    await c.page.evaluate((y) => window.scrollBy(0, y - window.innerHeight / 2), below.y)
    const tap = await c.inCircle('kind', 0.2, 0.2)
    expect(tap.y).toBeLessThan(844)
    // Two taps count as one double tap within half a second: on a busy machine the second can
    // come later than that, which is a slow test, not a slow thumb; then it taps twice again.
    await begun(c, 'plus', kind, 'Cas: dubbeltik in Kind', () =>
      expect(async () => {
        await c.page.touchscreen.tap(tap.x, tap.y)
        await c.page.touchscreen.tap(tap.x, tap.y)
        await expect(c.page.getByTestId('notice')).toContainText('op dit apparaat', {
          timeout: 1_000,
        })
      }).toPass({ timeout: 20_000 }),
    )

    // Cas's "Punt toevoegen" sheet: place, kind and text in one go, kept as a draft at once.
    await c.page.getByRole('button', { name: 'Punt toevoegen', exact: true }).tap()
    const sheet = c.page.getByRole('dialog', { name: 'Punt toevoegen' })
    await sheet.getByRole('button', { name: 'Thuis/opvoeding' }).tap()
    await sheet.getByRole('button', { name: 'Minpunt' }).tap()
    await c.page.keyboard.type('Cas: blad Thuis')
    await sheet.getByRole('button', { name: 'Toevoegen', exact: true }).tap()
    await expect(sheet).toBeHidden()
    await expect(c.page.getByTestId('notice')).toContainText('bewaard als concept')
    await expect(c.page.getByTestId('draft-list')).toContainText('Cas: blad Thuis')
    texts['Cas: blad Thuis'] = { kind: 'minus', place: thuis }

    // The voorzitter's own device keeps the round too; her hidden panels open for the draft.
    await a.page.getByRole('button', { name: 'Panelen verbergen' }).click()
    await expect(a.page.getByTestId('drafts-panel')).toBeHidden()
    await a.pickTool('v')
    const aThuis = await a.inCircle('thuis', 0.3, 0.3)
    await begun(a, 'plus', thuis, 'Anne: dubbelklik in Thuis', () =>
      a.page.mouse.dblclick(aThuis.x, aThuis.y),
    )

    const all = Object.keys(texts)
    expect(await drafts(b.page)).toMatchObject({ total: 7, unpublished: 7 })
    expect(await drafts(c.page)).toMatchObject({ total: 2, unpublished: 2 })
    expect(await drafts(a.page)).toMatchObject({ total: 1, unpublished: 1 })
    // Each device then nudges the existing point; once the relay passed that on, anything sent
    // before it from the same device would have arrived too.
    const x0 = Number(shared().get(existing)?.get('x'))
    for (const [i, who] of everyone.entries()) {
      const x = x0 + 10 * (i + 1)
      await who.page.evaluate(([id, value]) => window.__mdoControl!.writeAround(id, 'x', value), [
        existing,
        x,
      ] as const)
      await expect.poll(() => shared().get(existing)?.get('x')).toBe(x)
    }
    expect([...shared().keys()].sort()).toEqual(before)
    for (const text of all) expect(sharedText()).not.toContain(text)
    for (const who of everyone) {
      const seen = JSON.stringify(await who.items())
      for (const text of all) expect(seen).not.toContain(text)
    }

    // The exports before the reveal: the board's point is in them, no draft is.
    await a.page.getByTestId('export-open').click()
    const csv = await downloaded(a.page, 'csv')
    const markdown = await downloaded(a.page, 'md')
    await a.page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click()
    const pdf = await pdfText()
    for (const file of [csv, markdown, pdf]) {
      expect(file).toContain('rekenen')
      for (const text of all) expect(file).not.toContain(text)
    }

    // The reveal: every draft enters the board, in the circle or box it was begun in.
    await a.page.locator('[data-action=reveal]').click()
    await expect
      .poll(() => all.filter((text) => sharedText().includes(text)).length, { timeout: 15_000 })
      .toBe(all.length)
    const items = shared().toJSON() as Record<string, Item>
    for (const [text, { kind: want, place }] of Object.entries(texts)) {
      const found = Object.values(items).find((item) => 'text' in item && item.text === text)
      expect(found, text).toMatchObject({ type: 'sticky', kind: want, parent: place })
    }
    expect(Object.keys(items)).toHaveLength(before.length + all.length)
    const after = await pdfText()
    for (const text of all) expect(after).toContain(text)
    for (const who of everyone) expect(who.errors).toEqual([])
  } finally {
    observer.destroy()
    await Promise.all(contexts.map((context) => context.close()))
  }
})
