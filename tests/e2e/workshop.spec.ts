// A workshop as a leader runs it: three tables of two participants each (every participant in a
// browser context of their own), the leader's overview showing each table live, and one sticky
// from every table sent to the plenary board.
import type { BrowserContext, Page } from '@playwright/test'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readControl, type ControlState, type Item } from '../../shared/index.ts'
import { BoardPageObject, expect, test } from './fixtures.ts'

interface WorkshopBoard {
  id: string
  links: Partial<Record<'facilitator' | 'edit' | 'view', string>>
}
interface Workshop {
  plenary: WorkshopBoard
  tables: WorkshopBoard[]
}

const TABLES = 3
const PEOPLE = ['Anne', 'Bram'] as const

/** Double-clicks in the board's column of this name and types a sticky there. */
async function addStickyInColumn(person: BoardPageObject, column: string, text: string) {
  await person.pickTool('v')
  const items = await person.items()
  const box = items.find((item) => item.type === 'box' && item.label === column)
  if (!box) throw new Error(`no column ${column}`)
  const point = await person.toScreen({ x: box.x + box.w / 2, y: box.y + box.h / 2 })
  const [id] = await person.newItemsDuring(() => person.page.mouse.dblclick(point.x, point.y))
  const editor = person.page.getByTestId('text-editor')
  await expect(editor).toBeFocused()
  await person.page.keyboard.type(text)
  await person.page.keyboard.press('Control+Enter')
  await expect(editor).toBeHidden()
  return id
}

/** A table's control room as the relay holds it, read by a separate y-websocket client. */
async function controlOf(baseURL: string, link: string): Promise<ControlState> {
  const [, id, token] = /\/b\/([\w-]+)#t=([\w-]+)$/.exec(link) ?? []
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(
    `${baseURL.replace(/^http/, 'ws')}/ws`,
    `${id}.control`,
    doc,
    {
      params: { t: token! },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  )
  try {
    await new Promise<void>((resolve) => {
      if (provider.synced) resolve()
      provider.on('sync', (synced: boolean) => synced && resolve())
    })
    return readControl(doc).control
  } finally {
    provider.destroy()
    doc.destroy()
  }
}

const card = (page: Page, table: number) =>
  page.locator(`[data-testid=table-card][data-table="${table}"]`)

test('a leader follows three tables live and sends one sticky of each to the plenary board', async ({
  browser,
  request,
  baseURL,
}) => {
  // Seven browser contexts on a shared two-core machine: generous, the steps themselves poll.
  test.setTimeout(420_000)
  const contexts: BrowserContext[] = []
  const newPage = async () => {
    const context = await browser.newContext()
    contexts.push(context)
    return context.newPage()
  }
  try {
    // The leader makes the workshop on the start page and opens the overview.
    const leader = await newPage()
    const errors: string[] = []
    leader.on('pageerror', (error) => errors.push(error.message))
    await leader.goto('/')
    await leader.getByRole('button', { name: 'Werkbijeenkomst met tafels' }).click()
    const form = leader.getByTestId('create-workshop')
    await form.locator('input[name=title]').fill('Netwerkbijeenkomst wijk Noord')
    await form.locator('input[name=tables]').fill(String(TABLES))
    await form.locator('select[name=template]').selectOption('tips-tops-interessant')
    await form.locator('button[type=submit]').click()
    const leaderLink = await leader.getByTestId('workshop-created').locator('input').inputValue()
    expect(leaderLink).toMatch(/\/w\/[\w-]+#t=[\w-]{20,}$/)
    await leader.getByTestId('workshop-created').locator('a.button').click()
    await expect(leader.getByTestId('table-card')).toHaveCount(TABLES)
    for (let n = 1; n <= TABLES; n++) {
      await expect(card(leader, n).locator('.badge')).toHaveAttribute('data-live', 'true')
    }

    // The participants join with each table's edit link, as its QR code holds it.
    const [, workshopId, token] = /\/w\/([\w-]+)#t=([\w-]+)$/.exec(leaderLink) ?? []
    const res = await request.get(`/api/workshops/${workshopId}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(res.status()).toBe(200)
    const workshop = (await res.json()) as Workshop
    const written: string[][] = []
    const participants: BoardPageObject[] = []
    for (const [i, table] of workshop.tables.entries()) {
      const texts: string[] = []
      for (const [p, name] of PEOPLE.entries()) {
        const person = new BoardPageObject(await newPage())
        await person.open(table.links.edit!, `${name} ${i + 1}`, 'leerkracht')
        participants.push(person)
        const text = `Tafel ${i + 1}: ${p === 0 ? 'korte lijnen met de wijkcoach' : 'ouders eerder erbij'}`
        await addStickyInColumn(person, p === 0 ? 'Tops' : 'Tips', text)
        texts.push(text)
        expect(person.errors).toEqual([])
      }
      written.push(texts)
    }

    // The overview shows every table's stickies as they come in.
    for (const [i, texts] of written.entries()) {
      const rows = card(leader, i + 1).locator('.sticky-picker li .item-text')
      await expect.poll(() => rows.allTextContents(), { timeout: 10_000 }).toEqual(texts)
      await expect(card(leader, i + 1).locator('.thumb-sticky')).toHaveCount(2)
    }

    // One sticky of each table to the plenary board: the first one, a top.
    for (const [i, texts] of written.entries()) {
      const table = card(leader, i + 1)
      await table.getByRole('checkbox', { name: texts[0] }).check()
      await expect(table.locator('.thumb-sticky.selected')).toHaveCount(1)
      await table.getByRole('button', { name: /Naar plenair/ }).click()
      await expect(table.getByRole('status')).toHaveText('1 post-it op het plenaire bord gezet')
    }
    await expect(leader.getByTestId('plenary-count')).toHaveText('3 post-its op het plenaire bord.')
    await leader.screenshot({ path: 'test-results/workshop-overview.png', fullPage: true })

    // Whoever opens the plenary board finds the three tops in its Tops column.
    const plenary = new BoardPageObject(await newPage())
    await plenary.open(workshop.plenary.links.facilitator!, 'Leider', 'anders')
    await expect
      .poll(async () => {
        const items = await plenary.items()
        const tops = items.find((item) => item.type === 'box' && item.label === 'Tops')
        return items
          .filter((item): item is Item & { type: 'sticky' } => item.type === 'sticky')
          .filter((sticky) => sticky.parent === tops?.id)
          .map((sticky) => sticky.text)
          .sort()
      })
      .toEqual(written.map((texts) => texts[0]).sort())

    // The leader moves every table to the template's second step at once, the wij-ronde; each
    // table's control room has it, and the overview shows it.
    const all = leader.getByTestId('all-tables')
    await all.getByRole('combobox', { name: 'Stap' }).selectOption('wij-ronde')
    await all.getByRole('button', { name: 'Naar deze stap' }).click()
    await expect(all.getByRole('status')).toHaveText('3 tafels naar stap Wij-ronde')
    for (const [i, table] of workshop.tables.entries()) {
      await expect
        .poll(async () => (await controlOf(baseURL!, table.links.edit!)).step)
        .toBe('wij-ronde')
      await expect(card(leader, i + 1).locator('.table-control')).toContainText('Stap 2: Wij-ronde')
    }

    // One timer and one private round for every table, then the reveal reaches them all: in each
    // table's control room on the relay, and on every participant's screen.
    await all.getByRole('combobox', { name: 'Minuten' }).selectOption('5')
    await all.getByRole('button', { name: 'Timer starten' }).click()
    await expect(all.getByRole('status')).toHaveText('Timer van 5 minuten loopt bij 3 tafels')
    await all.getByRole('button', { name: 'Ik-ronde starten (privé schrijven)' }).click()
    await expect(all.getByRole('status')).toHaveText('Ik-ronde gestart bij 3 tafels')
    for (let n = 1; n <= TABLES; n++) {
      await expect(card(leader, n).locator('.table-control')).toHaveAttribute(
        'data-round',
        'writing',
      )
    }
    await all.getByRole('button', { name: 'Onthullen aan alle tafels' }).click()
    await expect(all.getByRole('status')).toHaveText('Onthuld bij 3 tafels')
    for (const table of workshop.tables) {
      await expect
        .poll(async () => (await controlOf(baseURL!, table.links.edit!)).round?.phase)
        .toBe('revealed')
    }
    for (const person of participants) {
      await expect
        .poll(() =>
          person.page.evaluate(() => {
            const control = window.__mdoControl?.control()
            return control && { round: control.round?.phase, timer: control.timer?.durationMs }
          }),
        )
        .toEqual({ round: 'revealed', timer: 5 * 60_000 })
      expect(person.errors).toEqual([])
    }
    for (let n = 1; n <= TABLES; n++) {
      await expect(card(leader, n).locator('.table-control')).toHaveAttribute(
        'data-round',
        'revealed',
      )
    }
    expect(errors).toEqual([])
  } finally {
    for (const context of contexts) await context.close()
  }
})
