// A leader renews the overview's link, as after it leaked: asked first with what it does to the
// tables, then shown the new link; the old one is refused, the tables' links are new, and a table
// its own voorzitter took over says so and keeps its links.
import { expect, test } from './fixtures.ts'

interface WorkshopBoard {
  id: string
  links: Partial<Record<'facilitator' | 'edit' | 'view', string>>
}
interface Workshop {
  id: string
  link: string
  plenary: WorkshopBoard
  tables: WorkshopBoard[]
}

const tokenOf = (link: string) => link.split('#t=')[1] ?? ''

test('the leader renews the overview link; the old one stops, the tables get new links', async ({
  page,
  request,
}) => {
  const created = await request.post('/api/workshops', { data: { tables: 2, title: 'Wijk Oost' } })
  expect(created.status()).toBe(201)
  const workshop = (await created.json()) as Workshop
  const [first, second] = workshop.tables as [WorkshopBoard, WorkshopBoard]
  // Table 2's voorzitter renews its own edit link: the table is theirs from now on.
  const rotated = await request.post(`/api/boards/${second.id}/rotate`, {
    headers: { Authorization: `Bearer ${tokenOf(second.links.facilitator!)}` },
    data: { role: 'edit' },
  })
  expect(rotated.status()).toBe(200)

  await page.goto(workshop.link)
  const table = (n: number) => page.locator(`[data-testid=table-card][data-table="${n}"]`)
  await expect(table(2).getByTestId('taken-over')).toContainText('eigen beheer')
  await expect(table(1).getByTestId('taken-over')).toHaveCount(0)
  const openFirst = table(1).getByRole('link', { name: 'Open als voorzitter' })
  const oldHref = new RegExp(`${first.links.facilitator!}$`)
  await expect(openFirst).toHaveAttribute('href', oldHref)

  await page.getByRole('button', { name: 'Nieuwe link maken' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'wordt losgekoppeld' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('renew-confirm.png'), fullPage: true })
  await page.getByRole('button', { name: 'Ja, alle links vernieuwen' }).click()

  const renewed = page.getByTestId('renewed-link')
  await expect(renewed).toContainText('de oude werkt niet meer')
  const newLink = await renewed.getByLabel('Nieuwe link van dit overzicht').inputValue()
  expect(newLink).toMatch(new RegExp(`/w/${workshop.id}#t=[\\w-]{32}$`))
  expect(tokenOf(newLink)).not.toBe(tokenOf(workshop.link))
  // The address bar holds the new link, so a reload still opens the overview.
  expect(new URL(page.url()).hash).toBe(new URL(newLink).hash)
  await expect(openFirst).not.toHaveAttribute('href', oldHref)
  await expect(table(1).locator('.badge[data-live=true]')).toBeVisible()
  await expect(table(2).getByRole('link', { name: 'Open als voorzitter' })).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('renewed.png'), fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await renewed.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('renewed-phone.png') })

  const old = await request.get(`/api/workshops/${workshop.id}`, {
    headers: { Authorization: `Bearer ${tokenOf(workshop.link)}` },
  })
  expect(old.status()).toBe(403)
  const oldTable = await request.get(`/api/boards/${first.id}`, {
    headers: { Authorization: `Bearer ${tokenOf(first.links.edit!)}` },
  })
  expect(oldTable.status()).toBe(403)
  const ownTable = await request.get(`/api/boards/${second.id}`, {
    headers: { Authorization: `Bearer ${tokenOf(second.links.facilitator!)}` },
  })
  expect(ownTable.status()).toBe(200)

  await page.reload()
  await expect(table(1).getByRole('link', { name: 'Open als voorzitter' })).toBeVisible()
  await expect(table(2).getByTestId('taken-over')).toBeVisible()
})
