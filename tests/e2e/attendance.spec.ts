// Who was there is recorded, not sampled: a parent and a teacher join and leave during the
// meeting, and the report the voorzitter exports afterwards still lists both roles; the voorzitter
// corrects the list in the export dialog and sets the date of the next meeting. And the share
// dialog names each link by who it is for.
import { readFileSync } from 'node:fs'
import { mkdirSync } from 'node:fs'
import type { Download } from '@playwright/test'
import { pdfFacts } from '../unit/helpers/poppler.ts'
import { BoardPageObject, expect, test } from './fixtures.ts'

async function text(download: Download, name: string): Promise<string> {
  mkdirSync('test-results', { recursive: true })
  const path = `test-results/${name}`
  await download.saveAs(path)
  return name.endsWith('.pdf') ? pdfFacts(readFileSync(path)).text : readFileSync(path, 'utf8')
}

test('a parent and a teacher who left are in the report made afterwards', async ({
  browser,
  api,
}) => {
  const board = await api.createBoard({ title: 'MDO Sam' })
  const lead = await browser.newContext({ acceptDownloads: true })
  const parent = await browser.newContext()
  const teacher = await browser.newContext()
  try {
    const voorzitter = new BoardPageObject(await lead.newPage())
    await voorzitter.open(board.links.facilitator, 'Anne de Vries', 'ib')

    // The parent shows only a role; the teacher shows her name.
    const p = new BoardPageObject(await parent.newPage())
    await p.page.goto(board.links.edit)
    const join = p.page.getByTestId('join-dialog')
    await join.locator('input[name=roleOnly]').check()
    await join.locator('select[name=role]').selectOption('ouder')
    await join.locator('button[type=submit]').click()
    await p.waitForConnected()
    const m = new BoardPageObject(await teacher.newPage())
    await m.open(board.links.edit, 'Marieke de Vries', 'leerkracht')
    await expect(voorzitter.page.locator('.presence .peer')).toHaveCount(3)

    // Both leave before the end of the meeting.
    await parent.close()
    await teacher.close()
    await expect(voorzitter.page.locator('.presence .peer')).toHaveCount(1)

    const panel = voorzitter.page.getByTestId('next-meeting-date')
    await panel.getByLabel('Datum').fill('2027-01-12')
    await panel.getByLabel('Tijd (niet verplicht)').fill('14:30')

    await voorzitter.page.getByTestId('export-open').click()
    const dialog = voorzitter.page.getByRole('dialog')
    const list = dialog.getByTestId('export-attendance')
    await expect(list.getByTestId('attendee')).toHaveText([
      /IB'er\/zorgcoördinator: Anne de Vries/,
      /^Ouder/,
      /Leerkracht\/mentor: Marieke de Vries/,
    ])
    const [pdf] = await Promise.all([
      voorzitter.page.waitForEvent('download'),
      dialog.getByTestId('export-pdf').click(),
    ])
    const report = await text(pdf, 'attendance.pdf')
    expect(report).toContain("Aanwezig (rollen) IB'er/zorgcoördinator, Ouder, Leerkracht/mentor")
    expect(report).toContain('Volgend overleg 12-01-2027 14:30')
    expect(report).not.toMatch(/Marieke|Anne de Vries/)

    // The voorzitter corrects the list: the teacher out, the JGZ nurse (no device) in.
    await list.getByRole('button', { name: 'Leerkracht/mentor: Marieke de Vries weghalen' }).click()
    await list.getByLabel('Rol').selectOption('jgz')
    await list.getByRole('button', { name: 'Toevoegen' }).click()
    await expect(list.getByTestId('attendee')).toHaveCount(3)
    await dialog.getByTestId('export-names').check()
    const [md] = await Promise.all([
      voorzitter.page.waitForEvent('download'),
      dialog.getByTestId('export-md').click(),
    ])
    expect(await text(md, 'attendance.md')).toContain(
      "- Aanwezig: IB'er/zorgcoördinator: Anne de Vries, Ouder, JGZ",
    )
    expect(voorzitter.errors).toEqual([])
  } finally {
    await lead.close()
  }
})

test('the share dialog names each link; the voorzitter link stands apart; new links here too', async ({
  browser,
}) => {
  const context = await browser.newContext()
  try {
    // Made on this device, so it keeps every link of the board.
    const page = await context.newPage()
    await page.goto('/')
    await page.locator('main.landing form input:not([type])').fill('Delen')
    await page.locator('main.landing form button[type=submit]').click()
    await page.locator('main.landing a.button.primary').click()
    const a = new BoardPageObject(page)
    await a.join('Anne', 'ib')
    await page.getByRole('button', { name: 'Delen', exact: true }).click()
    const links = page.getByTestId('share-links')
    const edit = links.locator('[data-role=edit]')
    await expect(edit.getByRole('heading')).toHaveText('Link voor deelnemers')
    await expect(edit.getByRole('button', { name: 'Link voor deelnemers kopiëren' })).toBeVisible()
    await expect(
      links
        .locator('[data-role=view]')
        .getByRole('button', { name: 'Link om mee te kijken kopiëren' }),
    ).toBeVisible()
    const own = links.locator('.link-private[data-role=facilitator]')
    await expect(own).toContainText('Niet delen')
    await expect(own.getByRole('button', { name: 'Voorzitterslink kopiëren' })).toBeVisible()

    const before = await edit.locator('input').inputValue()
    page.once('dialog', (dialog) => void dialog.accept())
    await edit.getByRole('button', { name: 'Nieuwe link maken' }).click()
    await expect(edit.getByRole('status')).toHaveText(/Nieuwe link gemaakt/)
    const after = await edit.locator('input').inputValue()
    expect(after).toMatch(/\/b\/[\w-]+#t=[\w-]{20,}$/)
    expect(after).not.toBe(before)
    expect(a.errors).toEqual([])
  } finally {
    await context.close()
  }
})
