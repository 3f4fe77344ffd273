// What a device keeps and shows of a board, against the relay: a hidden vote's dots stay on each
// device until the close, then every device publishes them; a change the relay refuses (a locked
// item written around the client's own lock) is dropped with the device's copy and the board is
// loaded again as everyone has it; a deleted board leaves nothing in IndexedDB or localStorage.
import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { ControlState } from '../../shared/index.ts'
import { BoardPageObject, expect, test } from './fixtures.ts'

const control = (page: Page) =>
  page.evaluate(() => window.__mdoControl?.control() ?? null) as Promise<ControlState | null>
const sharedVotes = (page: Page) =>
  page.evaluate(
    () => JSON.parse(window.__mdoControl?.sharedDocJson() ?? '{}').votes as Record<string, unknown>,
  )

/** The names of this page's IndexedDB databases and localStorage keys that mention the board. */
const keptOnDevice = (page: Page, boardId: string) =>
  page.evaluate(async (id) => {
    const databases = (await indexedDB.databases()).map((db) => db.name ?? '')
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '')
    return [...databases, ...keys].filter((name) => name.includes(id)).sort()
  }, boardId)

function people(browser: Browser) {
  const contexts: BrowserContext[] = []
  const person = async (link: string, name: string, role: 'ib' | 'ouder') => {
    const context = await browser.newContext()
    contexts.push(context)
    const who = new BoardPageObject(await context.newPage())
    await who.open(link, name, role)
    return who
  }
  const close = async () => {
    for (const context of contexts) await context.close()
  }
  return { person, close }
}

test('a hidden vote keeps the dots on each device until the close', async ({ browser, api }) => {
  const board = await api.createBoard({ title: 'Verborgen stemmen' })
  const { person, close } = people(browser)
  try {
    const a = await person(board.links.facilitator, 'Anne', 'ib')
    const b = await person(board.links.edit, 'Bram', 'ouder')
    await a.addStickyByDoubleClick('kind', 'Rust in de klas')
    await expect(b.page.locator('li.vote-row')).toHaveCount(0)

    const panel = a.page.getByTestId('facilitator-panel')
    await panel.getByRole('checkbox', { name: 'Stemmen verborgen tot het sluiten' }).check()
    await panel.locator('[data-action=start-voting]').click()
    const dot = (who: BoardPageObject) =>
      who.page
        .getByTestId('voting-panel')
        .locator('li.vote-row', { hasText: 'Rust in de klas' })
        .locator('[data-action=vote]')
        .click()
    await dot(b)
    await dot(b)
    await dot(a)
    // This device shows its own dots; the board holds none of anyone's.
    await expect(b.page.getByTestId('dots-left')).toHaveAttribute('data-left', '1')
    await expect(b.page.locator('li.vote-row .vote-count')).toContainText('van jou 2')
    expect(await sharedVotes(a.page)).toEqual({})
    expect(await sharedVotes(b.page)).toEqual({})

    await panel.locator('[data-action=close-voting]').click()
    for (const who of [a, b]) {
      await expect.poll(() => who.page.locator('li.vote-row').getAttribute('data-count')).toBe('3')
      await expect.poll(async () => Object.keys(await sharedVotes(who.page)).length).toBe(2)
    }
    // One voter id per device and vote: nothing in the keys names a person.
    for (const key of Object.keys(await sharedVotes(a.page))) {
      expect(key).toMatch(/^[A-Za-z0-9]+\/[0-9a-f]{32}$/)
    }
    expect([...a.errors, ...b.errors]).toEqual([])
  } finally {
    await close()
  }
})

test('a change the relay refuses is dropped and the board loaded again', async ({
  browser,
  api,
}) => {
  const board = await api.createBoard({ title: 'Geweigerd' })
  const { person, close } = people(browser)
  try {
    const a = await person(board.links.facilitator, 'Anne', 'ib')
    const b = await person(board.links.edit, 'Bram', 'ouder')
    const sticky = await b.addStickyByDoubleClick('kind', 'Leest graag')
    const before = await b.item(sticky)
    await a.page.getByTestId('facilitator-panel').locator('[data-action=lock-board]').click()
    await expect.poll(async () => (await control(b.page))?.boardLocked).toBe(true)

    // A modified client: the same page, writing the locked sticky past its own lock.
    await b.page.evaluate((id) => window.__mdoControl!.writeAround(id, 'x', 4242), sticky)
    await expect(b.page.getByTestId('notice')).toContainText(
      'Een wijziging werd geweigerd; het bord is opnieuw geladen.',
    )
    await b.waitForConnected()
    await expect.poll(async () => (await b.item(sticky))?.x).toBe(before?.x)
    expect((await a.item(sticky))?.x).toBe(before?.x)
    // The device copy is the relay's now too: a reload offline would not bring the change back.
    await b.page.reload()
    await b.waitForConnected()
    expect((await b.item(sticky))?.x).toBe(before?.x)
    expect([...a.errors, ...b.errors]).toEqual([])
  } finally {
    await close()
  }
})

test('a deleted board leaves nothing of it on the devices', async ({ browser }) => {
  const { person, close } = people(browser)
  const context = await browser.newContext()
  try {
    // Made from the start page, so this device also keeps the board's links.
    const page = await context.newPage()
    await page.goto('/')
    await page.locator('main.landing form input:not([type])').fill('Wordt verwijderd')
    await page.locator('main.landing form button[type=submit]').click()
    const links = page.getByTestId('share-links')
    const editLink = await links.locator('[data-role=edit] input').inputValue()
    await page.locator('main.landing a.button.primary').click()
    const a = new BoardPageObject(page)
    await a.join('Anne', 'ib')
    const { pathname, hash } = new URL(page.url())
    const boardId = pathname.split('/').pop()!
    const token = new URLSearchParams(hash.slice(1)).get('t')!
    const b = await person(editLink, 'Bram', 'ouder')
    await page.evaluate(() => localStorage.setItem('lang', 'nl'))

    expect(await keptOnDevice(page, boardId)).toEqual(
      [
        `mdo-${boardId}`,
        `mdo-control-${boardId}`,
        `mdo-drafts-${boardId}`,
        `mdo-votes-${boardId}`,
        `mdo-links-${boardId}`,
        `mdo-role-${boardId}`,
        `mdo-seat-${boardId}`,
        `mdo-user-${boardId}`,
        `mdo-voter-${boardId}`,
      ].sort(),
    )
    expect((await keptOnDevice(b.page, boardId)).length).toBeGreaterThanOrEqual(6)

    const deleted = await page.request.delete(`/api/boards/${boardId}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(deleted.status()).toBe(204)
    for (const who of [a, b]) {
      await expect(who.page.locator('.message')).toContainText('Dit bord is verwijderd')
      await expect.poll(() => keptOnDevice(who.page, boardId)).toEqual([])
    }
    // What is not the board's stays: the language chosen.
    expect(await page.evaluate(() => localStorage.getItem('lang'))).toBe('nl')
    expect([...a.errors, ...b.errors]).toEqual([])
  } finally {
    await context.close()
    await close()
  }
})
