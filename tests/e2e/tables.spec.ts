// A workshop table is a workshop table, and the board speaks its reader's language: a tips–tops
// table walks its own steps with Top, Tip and Interessant, a sticky sent to the plenary board is
// read there with its table, the overview knows each table's step and its participant link; on
// one MDO board a Dutch and an English participant each read the template's words in their own.
import type { Page } from '@playwright/test'
import { BoardPageObject, expect, test } from './fixtures.ts'

interface WorkshopBoard {
  links: Partial<Record<'facilitator' | 'edit' | 'view', string>>
}
interface CreatedWorkshop {
  link: string
  plenary: WorkshopBoard
  tables: WorkshopBoard[]
}

const SCREEN = { width: 1366, height: 768 }

/** The texts of the stage's Konva.Text nodes of this name, as drawn now. */
async function drawn(person: BoardPageObject, name: string): Promise<string[]> {
  return (await person.stageNodes(name)).map((node) => node.text ?? '')
}

const headings = (page: Page) => page.getByTestId('outline').locator('h3').allTextContents()

test('a tips–tops table walks its own steps, offers its own kinds, and its sticky reads on the plenary board', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  const res = await request.post('/api/workshops', {
    data: { tables: 2, template: 'tips-tops-interessant', title: 'Netwerk Noord' },
  })
  expect(res.status()).toBe(201)
  const workshop = (await res.json()) as CreatedWorkshop
  const context = await browser.newContext({ viewport: SCREEN })
  try {
    // A professionals' meeting: nobody is taken for a parent; the list asks for a role.
    const anne = new BoardPageObject(await context.newPage())
    await anne.page.goto(workshop.tables[0]!.links.edit!)
    const role = anne.page.getByTestId('join-dialog').locator('select[name=role]')
    await expect(role).toHaveValue('')
    await expect(role.locator('option:checked')).toHaveText('Kies je rol…')
    await anne.join('Anne', 'leerkracht')

    // Its own three steps, none of the MDO's, and the first one's prompt.
    const stepbar = anne.page.getByTestId('stepbar')
    await expect(stepbar).toHaveAttribute('data-step', 'ik-ronde')
    await expect(stepbar.locator('.step-label')).toHaveText([
      'Ik-ronde',
      'Wij-ronde',
      'Delen met de groep',
    ])
    await expect(anne.page.getByTestId('step-focus')).toContainText('tops, tips')
    await expect(stepbar).not.toContainText(/Overzicht|Voorbereiding|Afronding/)

    // The sticky tool offers the columns' kinds, and places a top first.
    await anne.pickTool('n')
    const kinds = anne.toolbar.getByRole('group', { name: 'Soort sticky' }).getByRole('button')
    await expect(kinds).toHaveText(['Top', 'Tip', 'Interessant'].map((k) => new RegExp(k)))
    await expect(kinds.first()).toHaveAttribute('aria-pressed', 'true')

    // The outline has the sheet's columns, not the MDO's sections; no panel offers them either.
    await expect(anne.page.getByTestId('agreements-panel')).toHaveCount(0)
    await expect.poll(() => headings(anne.page)).toEqual(['Tops', 'Tips', 'Interessant'])

    const text = 'Korte lijnen met de wijkcoach'
    await anne.pickTool('v')
    const tops = (await anne.items()).find((item) => item.type === 'box' && item.label === 'Tops')!
    const point = await anne.toScreen({ x: tops.x + tops.w / 2, y: tops.y + tops.h / 2 })
    await anne.page.mouse.dblclick(point.x, point.y)
    await expect(anne.page.getByTestId('text-editor')).toBeFocused()
    await anne.page.keyboard.type(text)
    await anne.page.keyboard.press('Control+Enter')
    await expect
      .poll(async () => (await anne.items()).find((item) => item.type === 'sticky'))
      .toMatchObject({ kind: 'top', text, parent: tops.id })
    const topsSection = anne.outline.locator(`section[data-area-id="${tops.id}"]`)
    await expect(topsSection.locator('.kind-group h4')).toHaveText(['★ Top'])
    await expect(topsSection.locator('.kind-group li .item-text')).toHaveText([text])
    await anne.page.keyboard.press('Escape')
    await anne.pickTool('n')
    await expect(kinds).toHaveCount(3)
    await anne.page.screenshot({ path: 'test-results/tables-tips-tops.png' })

    // The overview: each table at its real step, its participant link beside the QR code.
    const leader = await context.newPage()
    await leader.goto(workshop.link)
    const card = leader.locator('[data-testid=table-card][data-table="1"]')
    await expect(card.locator('.table-control')).toHaveAttribute('data-step', 'ik-ronde')
    await expect(card.locator('.table-control')).toContainText('Stap 1: Ik-ronde')
    const stepMenu = leader.getByTestId('all-tables').getByRole('combobox', { name: 'Stap' })
    await expect(stepMenu).toHaveValue('ik-ronde')
    await expect(stepMenu.locator('option')).toHaveText([
      '1. Ik-ronde',
      '2. Wij-ronde',
      '3. Delen met de groep',
    ])
    const participantLink = card.getByRole('textbox', { name: 'Link voor deelnemers', exact: true })
    await expect(participantLink).toHaveValue(
      new URL(workshop.tables[0]!.links.edit!, leader.url()).href,
    )
    await expect(card.getByRole('button', { name: 'Link voor deelnemers kopiëren' })).toBeVisible()
    await expect(card.getByRole('link', { name: 'Open als voorzitter' })).toHaveAttribute(
      'href',
      new URL(workshop.tables[0]!.links.facilitator!, leader.url()).href,
    )
    await card.getByRole('checkbox', { name: text }).check()
    await card.getByRole('button', { name: /Naar plenair/ }).click()
    await expect(card.getByRole('status')).toHaveText('1 post-it op het plenaire bord gezet')
    await leader.screenshot({ path: 'test-results/tables-overview.png', fullPage: true })

    // On the plenary board, opened whole, the sticky shows its text and its table.
    const plenary = new BoardPageObject(await context.newPage())
    await plenary.open(workshop.plenary.links.facilitator!, 'Leider', 'anders')
    await expect.poll(() => drawn(plenary, 'sticky-text')).toEqual([`${text}\n— Tafel 1`])
    await plenary.page.screenshot({ path: 'test-results/tables-plenary.png' })
    for (const person of [anne, plenary]) expect(person.errors).toEqual([])
  } finally {
    await context.close()
  }
})

test('on one MDO board a Dutch and an English participant each read the template in their language', async ({
  browser,
  api,
}) => {
  const board = await api.createBoard({ template: 'mdo' })
  const nlContext = await browser.newContext({ viewport: SCREEN })
  const enContext = await browser.newContext({ viewport: SCREEN })
  try {
    const anne = new BoardPageObject(await nlContext.newPage())
    await anne.open(board.links.facilitator, 'Anne', 'ib')
    // John chose English on this device before; the language is his, not the board's.
    await enContext.addInitScript(() => localStorage.setItem('lang', 'en'))
    const john = new BoardPageObject(await enContext.newPage())
    await john.open(board.links.edit, 'John', 'ouder')

    // An agreement with its wie and wanneer, typed by the Dutch voorzitter.
    await anne.page.getByRole('button', { name: 'Afspraak toevoegen' }).click()
    await anne.page.getByRole('textbox', { name: 'Wat, Afspraak 1' }).fill('Weekplanning maken')
    await anne.page.getByRole('textbox', { name: 'Wie, Afspraak 1' }).fill('Mentor')
    await anne.page.getByRole('textbox', { name: 'Wanneer, Afspraak 1' }).fill('vrijdag')

    await expect
      .poll(() => drawn(john, 'circle-label'))
      .toEqual(['Child/young person', 'School/education', 'Home/parenting'])
    await expect.poll(() => drawn(john, 'box-label')).toEqual(['Questions', 'Agreements'])
    await expect.poll(() => drawn(john, 'row-detail')).toEqual(['Who: Mentor · When: vrijdag'])
    await expect
      .poll(() => headings(john.page))
      .toEqual([
        '2. Child/young person',
        '3. School/education',
        '4. Home/parenting',
        'Interaction',
        '1. Questions',
        '5. Agreements',
      ])

    // The same document, in Dutch for Anne: what is stored stayed the template's own.
    await expect
      .poll(() => drawn(anne, 'circle-label'))
      .toEqual(['Kind/jongere', 'School/onderwijs', 'Thuis/opvoeding'])
    await expect.poll(() => drawn(anne, 'box-label')).toEqual(['Vragen', 'Afspraken'])
    await expect.poll(() => drawn(anne, 'row-detail')).toEqual(['Wie: Mentor · Wanneer: vrijdag'])
    const circles = (await john.items()).filter((item) => item.type === 'circle')
    expect(circles.map((circle) => circle.label).sort()).toEqual(
      ['Kind/jongere', 'School/onderwijs', 'Thuis/opvoeding'].sort(),
    )
    await john.page.screenshot({ path: 'test-results/tables-mdo-english.png' })
    for (const person of [anne, john]) expect(person.errors).toEqual([])
  } finally {
    await nlContext.close()
    await enContext.close()
  }
})
