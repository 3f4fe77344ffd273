// Leading an MDO: a facilitator and two participants, each in their own browser context on one
// fresh board. The facilitator moves the steps and runs the timer, holds a private round whose
// drafts stay on each participant's device until the reveal, makes everyone follow their view,
// runs a dot vote with a budget of three, turns the winners into three agreements (and reads them
// in the PDF's one table of actions), locks the board and ends the meeting. Shared state is read through the e2e hooks and always polled.
import { readFileSync } from 'node:fs'
import type { BrowserContext, Page } from '@playwright/test'
import type { ControlState, Item } from '../../shared/index.ts'
import { pdfFacts } from '../unit/helpers/poppler.ts'
import { BoardPageObject, expect, test } from './fixtures.ts'

const control = (page: Page) =>
  page.evaluate(() => window.__mdoControl?.control() ?? null) as Promise<ControlState | null>
const sharedDoc = (page: Page) => page.evaluate(() => window.__mdoControl?.sharedDocJson() ?? '')
const drafts = (page: Page) => page.evaluate(() => window.__mdoControl?.drafts() ?? null)
const viewCentre = (page: Page) =>
  page.evaluate(() => {
    const view = window.__mdoTest?.viewport()
    return view
      ? [Math.round((view.minX + view.maxX) / 2), Math.round((view.minY + view.maxY) / 2)]
      : null
  })

const B_DRAFTS = ['Bram: rustige start van de dag helpt', 'Bram: vaste plek in de klas']
const C_DRAFT = 'Cas: meer bewegen tussen de lessen'

test('a facilitator leads two participants through steps, a private round, a vote and kies 3', async ({
  browser,
  api,
}) => {
  const board = await api.createBoard({ title: 'MDO Zoë' })
  const contexts: BrowserContext[] = []
  const person = async (link: string, name: string, role: 'ib' | 'ouder' | 'leerkracht') => {
    const context = await browser.newContext()
    contexts.push(context)
    const who = new BoardPageObject(await context.newPage())
    await who.open(link, name, role)
    return who
  }
  // Three people in three browsers through a whole meeting: longer than one interaction test.
  test.setTimeout(240_000)
  try {
    const a = await person(board.links.facilitator, 'Anne', 'ib')
    const b = await person(board.links.edit, 'Bram', 'ouder')
    const c = await person(board.links.edit, 'Cas', 'leerkracht')
    const everyone = [a, b, c]

    // Steps: everyone sees the bar; only the facilitator has buttons to move it.
    await expect(b.page.getByTestId('stepbar')).toHaveAttribute('data-step', 'voorbereiding')
    await expect(b.page.locator('.stepbar button')).toHaveCount(0)
    await a.goToStep('overzicht')
    for (const who of everyone) {
      await expect(who.page.getByTestId('stepbar')).toHaveAttribute('data-step', 'overzicht')
      await expect(who.page.locator('.step[aria-current=step]')).toContainText('Overzicht')
    }
    await expect(a.page.locator('.step-guide')).toBeVisible()
    await expect(b.page.locator('.step-guide')).toHaveCount(0)
    // The circles are outlined on the canvas as the place to work in this step.
    await expect.poll(async () => (await b.stageNodes('step-highlight')).length).toBe(3)

    // Timer: started by the facilitator, running for everyone from the control doc.
    await a.page.getByTestId('timer').locator('select').selectOption('5')
    await a.page.getByTestId('timer').getByRole('button', { name: 'Start timer' }).click()
    await expect(b.page.getByRole('timer')).toContainText(/^(4:5\d|5:00)/)
    expect((await control(b.page))?.timer).toMatchObject({ durationMs: 300_000 })
    await a.page.getByTestId('timer').getByRole('button', { name: 'Pauzeer' }).click()
    await expect(c.page.getByRole('timer')).toContainText('gepauzeerd')
    // A reload keeps the timer: it is state in the control doc, not a local interval.
    await c.page.reload()
    // A reload on a busy machine can take longer than one expect's default to show the board.
    await expect(c.status).toHaveAttribute('data-connection', 'connected', { timeout: 30_000 })
    await c.waitForConnected()
    await expect(c.page.getByRole('timer')).toContainText('gepauzeerd')

    // A private round: what participants write stays on their own device.
    await a.page.locator('[data-action=start-private-round]').click()
    const write = async (who: BoardPageObject, text: string) => {
      const panel = who.page.getByTestId('drafts-panel')
      await panel.locator('textarea[name=draft]').fill(text)
      await panel.getByRole('button', { name: 'Concept bewaren' }).click()
      await expect(panel.getByTestId('draft-list')).toContainText(text)
    }
    for (const text of B_DRAFTS) await write(b, text)
    await write(c, C_DRAFT)
    expect(await drafts(b.page)).toMatchObject({ total: 2, unpublished: 2 })
    // Give any leak a moment to travel, then check no shared document holds a draft.
    await a.page.waitForTimeout(500)
    for (const who of everyone) {
      const doc = await sharedDoc(who.page)
      expect(doc).toContain('"items"')
      for (const text of [...B_DRAFTS, C_DRAFT]) expect(doc).not.toContain(text)
    }

    // The reveal: every draft enters the board at once, with its author's name.
    await a.page.locator('[data-action=reveal]').click()
    for (const who of everyone) {
      await expect
        .poll(async () => {
          const doc = await sharedDoc(who.page)
          return [...B_DRAFTS, C_DRAFT].filter((text) => doc.includes(text)).length
        })
        .toBe(3)
    }
    const revealed = (await a.items()).filter((item) => item.id.startsWith('sticky:d-'))
    expect(revealed.map((item) => (item as Item & { author?: string }).author).sort()).toEqual([
      'Bram',
      'Bram',
      'Cas',
    ])
    expect(await drafts(b.page)).toMatchObject({ total: 2, unpublished: 0 })

    // Follow me: the participants' views move to the facilitator's.
    await a.page.locator('[data-action=follow-me]').click()
    await expect(b.page.getByTestId('follow-banner')).toBeVisible()
    await a.page.getByRole('button', { name: 'Inzoomen' }).click()
    await a.page.getByRole('button', { name: 'Inzoomen' }).click()
    const canvas = await a.page.locator('.board-canvas').boundingBox()
    if (!canvas) throw new Error('no canvas')
    const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 }
    await a.pickTool('h')
    await a.drag([middle, { x: middle.x - 220, y: middle.y - 90 }])
    await a.pickTool('v')
    const target = await viewCentre(a.page)
    for (const who of [b, c]) {
      await expect
        .poll(async () => {
          const centre = await viewCentre(who.page)
          return centre && target && Math.hypot(centre[0]! - target[0]!, centre[1]! - target[1]!)
        })
        .toBeLessThan(30)
    }
    await a.page.locator('[data-action=follow-me]').click()

    // Dot voting with a budget of three: the fourth dot is refused.
    await a.page.locator('[data-action=start-voting]').click()
    const voteFor = async (who: BoardPageObject, text: string) =>
      who.page
        .getByTestId('voting-panel')
        .locator('li.vote-row', { hasText: text })
        .locator('[data-action=vote]')
        .click()
    await expect(b.page.getByTestId('dots-left')).toHaveAttribute('data-left', '3')
    await voteFor(b, B_DRAFTS[0]!)
    await voteFor(b, B_DRAFTS[0]!)
    await voteFor(b, C_DRAFT)
    await expect(b.page.getByTestId('dots-left')).toHaveAttribute('data-left', '0')
    await voteFor(b, B_DRAFTS[1]!)
    await expect(b.page.getByTestId('notice')).toContainText('al je 3 stippen')
    await voteFor(c, B_DRAFTS[1]!)
    await expect
      .poll(() =>
        a.page
          .getByTestId('voting-panel')
          .locator('li.vote-row')
          .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-count')))),
      )
      .toEqual([2, 1, 1])

    // Kies 3: the vote closes, the top three become agreements in 5. Afspraken, the board's one
    // list of actions: wat from the point, hoe and wie to fill in. No action cards beside it.
    await a.page.locator('[data-action=close-voting]').click()
    await a.page.locator('[data-action=make-actions]').click()
    const points = [...B_DRAFTS, C_DRAFT].sort()
    const agreementsOf = async (who: BoardPageObject) =>
      (await who.items()).filter((item) => item.type === 'agreement')
    for (const who of everyone) {
      await expect
        .poll(async () => (await agreementsOf(who)).map((item) => item.wat).sort())
        .toEqual(points)
      const items = await who.items()
      expect(items.filter((item) => item.type === 'sticky' && item.kind === 'action')).toEqual([])
      const afspraken = items.find((item) => item.type === 'box' && item.role === 'agreements')
      expect((await agreementsOf(who)).every((item) => item.parent === afspraken?.id)).toBe(true)
    }
    await expect(a.page.getByTestId('notice')).toContainText('3 afspraken toegevoegd')
    const panel = b.page.getByTestId('agreements-panel')
    await expect(panel.locator('tbody tr')).toHaveCount(3)
    const fields = (name: string) =>
      panel
        .getByRole('textbox', { name: new RegExp(`^${name}, Afspraak`) })
        .evaluateAll((boxes) => boxes.map((box) => (box as HTMLTextAreaElement).value))
    await expect.poll(async () => (await fields('Wat')).sort()).toEqual(points)
    expect(await fields('Hoe')).toEqual(['', '', ''])
    expect(await fields('Wie')).toEqual(['', '', ''])
    await expect(b.page.getByTestId('actions-panel')).toHaveCount(0)
    // What B fills in reaches everyone.
    await panel.getByRole('textbox', { name: 'Wie, Afspraak 1' }).fill('Juf Fatma')
    const firstId = await panel.locator('tbody tr').first().getAttribute('data-item-id')
    await expect
      .poll(async () => (await c.items()).find((item) => item.id === firstId))
      .toMatchObject({ wie: 'Juf Fatma' })
    // Kies 3 again on the same points adds no second agreement.
    await a.page.locator('[data-action=make-actions]').click()
    await expect(a.page.getByTestId('notice')).toContainText('staan al bij de afspraken')
    expect(await agreementsOf(a)).toHaveLength(3)

    // The report has one table of actions, and the three points are in it.
    await a.page.getByTestId('export-open').click()
    const dialog = a.page.getByRole('dialog')
    const [pdf] = await Promise.all([
      a.page.waitForEvent('download'),
      dialog.getByTestId('export-pdf').click(),
    ])
    const { text } = pdfFacts(readFileSync(await pdf.path()))
    const [, table, ...more] = text.split('5. Afspraken Wat Wie Waarom Wanneer Hoe Status')
    expect(more).toEqual([])
    const actions = table!.split('Evaluatie van het overleg')[0]!
    for (const point of [...points, 'Juf Fatma']) expect(actions).toContain(point)
    await dialog.getByRole('button', { name: 'Sluiten' }).click()
    await expect(dialog).toHaveCount(0)

    // Lock the board: participants can no longer change it; unlocking gives it back.
    await a.page.locator('[data-action=lock-board]').click()
    await expect(b.page.locator('.board-canvas')).toHaveAttribute('data-readonly', 'true')
    await a.page.locator('[data-action=lock-board]').click()
    await expect(b.page.locator('.board-canvas')).toHaveAttribute('data-readonly', 'false')

    // Hide cursors, then end the meeting: read-only for participants, not for the facilitator.
    await a.page.locator('[data-action=hide-cursors]').click()
    await expect.poll(async () => (await control(c.page))?.cursorsHidden).toBe(true)
    a.page.once('dialog', (dialog) => void dialog.accept())
    await a.page.locator('[data-action=end-meeting]').click()
    for (const who of [b, c]) {
      await expect(who.page.locator('.meeting-ended')).toBeVisible()
      await expect(who.page.locator('.board-canvas')).toHaveAttribute('data-readonly', 'true')
    }
    await expect(a.page.locator('.board-canvas')).toHaveAttribute('data-readonly', 'false')

    for (const who of everyone) expect(who.errors).toEqual([])
  } finally {
    await Promise.all(contexts.map((context) => context.close()))
  }
})

test('a participant who is offline at the reveal adds their drafts when back, anonymously', async ({
  browser,
  api,
}) => {
  test.setTimeout(120_000)
  const board = await api.createBoard({ title: 'Werkbijeenkomst' })
  const contexts: BrowserContext[] = []
  try {
    const open = async (link: string, name: string, role: 'ib' | 'ouder') => {
      const context = await browser.newContext()
      contexts.push(context)
      const who = new BoardPageObject(await context.newPage())
      await who.open(link, name, role)
      return { who, context }
    }
    const { who: a } = await open(board.links.facilitator, 'Anne', 'ib')
    const { who: b, context: bContext } = await open(board.links.edit, 'Bram', 'ouder')

    await a.page.getByTestId('facilitator-panel').getByLabel('Zonder namen onthullen').check()
    await a.page.locator('[data-action=start-private-round]').click()
    const panel = b.page.getByTestId('drafts-panel')
    await panel.getByLabel('Soort').selectOption('top')
    await panel.locator('textarea[name=draft]').fill('Tip: vaker samen evalueren')
    await panel.getByRole('button', { name: 'Concept bewaren' }).click()
    await expect(panel.getByTestId('draft-list')).toContainText('vaker samen evalueren')

    // Bram loses the network; the reveal happens without him.
    await bContext.setOffline(true)
    await expect(b.status).toHaveAttribute('data-connection', 'offline')
    await a.page.locator('[data-action=reveal]').click()
    await expect.poll(async () => (await control(a.page))?.round?.phase).toBe('revealed')
    await a.page.waitForTimeout(500)
    expect(await sharedDoc(a.page)).not.toContain('vaker samen evalueren')
    expect(await drafts(b.page)).toMatchObject({ total: 1, unpublished: 1 })

    // Back online, his draft joins the board once, without his name.
    await bContext.setOffline(false)
    await expect
      .poll(async () => (await a.items()).filter((item) => item.id.startsWith('sticky:d-')))
      .toHaveLength(1)
    const [sticky] = (await a.items()).filter((item) => item.id.startsWith('sticky:d-'))
    expect(sticky).toMatchObject({
      type: 'sticky',
      kind: 'top',
      text: 'Tip: vaker samen evalueren',
    })
    expect(sticky).not.toHaveProperty('author')
    await expect.poll(async () => (await drafts(b.page))?.unpublished).toBe(0)
    for (const who of [a, b]) expect(who.errors).toEqual([])
  } finally {
    await Promise.all(contexts.map((context) => context.close()))
  }
})
