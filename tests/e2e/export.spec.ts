// Export in the browser: the facilitator opens the export dialog, downloads the PDF report and the
// other files; the PDF is read back with poppler-utils as in the Node tests, and page 1 is kept
// as test-results/export-page1.png to look at.
import { mkdirSync, readFileSync } from 'node:fs'
import type { Download } from '@playwright/test'
import * as Y from 'yjs'
import { addQuestion, ITEMS_MAP, readBoard, setStep } from '../../shared/index.ts'
import { exportBoardFile } from '../../shared/report/boardFile.ts'
import { connect, synced } from '../integration/helpers.ts'
import { pageToPng, pdfFacts } from '../unit/helpers/poppler.ts'
import { AGREEMENTS, MARKERS, seedMdoBoard } from '../unit/helpers/reportBoard.ts'
import { BoardPageObject, expect, test, type CreatedBoard } from './fixtures.ts'

const A3_LANDSCAPE = '1190.55 x 841.89'

async function saved(download: Download, name: string): Promise<string> {
  mkdirSync('test-results', { recursive: true })
  const path = `test-results/${name}`
  await download.saveAs(path)
  return path
}

test('the facilitator downloads the PDF report and the board as files', async ({
  browser,
  request,
  baseURL,
}) => {
  const seeded = seedMdoBoard()
  // A question as the app adds it, under the asker's join name: printed only with "Namen tonen".
  const questions = readBoard(seeded.doc).items.find(
    (item) => item.type === 'box' && item.role === 'questions',
  )!
  addQuestion(seeded.doc, {
    parent: questions.id,
    text: 'Wie belt de jeugdarts?',
    askedBy: 'Marieke de Vries',
  })
  const res = await request.post('/api/boards', {
    data: { board: exportBoardFile(seeded.doc, Date.now(), { names: true }) },
  })
  expect(res.status(), await res.text()).toBe(201)
  const board = (await res.json()) as CreatedBoard
  const ws = `${baseURL!.replace('http', 'ws')}/ws`
  // The step lives in the control doc, which only the facilitator link may write.
  const control = connect(ws, `${board.id}.control`, board.facilitatorToken)
  await synced(control)
  setStep(control.doc, 'afronding')
  // A hostile peer's garbage: the export skips it, like the canvas and the outline do.
  const hostile = connect(ws, board.id, board.editToken)
  await synced(hostile)
  hostile.doc.transact(() => {
    const items = hostile.doc.getMap<unknown>(ITEMS_MAP)
    items.set('sticky:not-a-map', 42)
    const broken = new Y.Map<unknown>()
    broken.set('type', 'sticky')
    broken.set('text', 'GIFTIG')
    items.set('sticky:broken', broken)
  })

  const context = await browser.newContext({ acceptDownloads: true })
  try {
    const person = new BoardPageObject(await context.newPage())
    await person.open(board.links.facilitator, 'Anne de Vries', 'ib')
    await expect
      .poll(async () => (await person.outlineItems()).map((entry) => entry.text).join('\n'))
      .toContain(MARKERS.kind[0]![1])

    await person.page.getByTestId('export-open').click()
    const dialog = person.page.getByRole('dialog')
    await dialog.getByLabel('A3 liggend').check()
    const [pdf] = await Promise.all([
      person.page.waitForEvent('download'),
      dialog.getByTestId('export-pdf').click(),
    ])
    expect(pdf.suggestedFilename()).toBe('MDO-Zoe-groep-6-een.pdf')
    const pdfPath = await saved(pdf, 'export.pdf')
    const facts = pdfFacts(readFileSync(pdfPath))
    expect(facts.sizes[0]).toBe(A3_LANDSCAPE)
    expect(facts.pages).toBeGreaterThanOrEqual(3)
    expect(facts.fonts).toHaveLength(1)
    expect(facts.fonts[0]).toMatchObject({ encoding: 'Identity-H', embedded: true, subset: true })
    for (const markers of Object.values(MARKERS)) {
      for (const [, text] of markers) expect(facts.text).toContain(text.replace('👍', '□'))
    }
    for (const agreement of AGREEMENTS) {
      for (const field of Object.values(agreement)) expect(facts.text).toContain(field)
    }
    expect(facts.text).toContain('Stap bereikt 6. Afronding')
    // Roles of the people seen, never a name unless the facilitator ticks "namen tonen".
    expect(facts.text).toContain("IB'er/zorgcoördinator")
    expect(facts.text).not.toContain('Anne de Vries')
    expect(facts.text).toContain('Wie belt de jeugdarts?')
    expect(facts.text).not.toContain('Marieke')
    expect(facts.text).not.toContain('gesteld door')
    expect(facts.text).not.toContain('GIFTIG')
    expect(facts.text).toContain('onderdelen van het bord waren ongeldig en zijn overgeslagen')
    pageToPng(pdfPath, 1, 'test-results/export-page1')

    const [json] = await Promise.all([
      person.page.waitForEvent('download'),
      dialog.getByTestId('export-json').click(),
    ])
    const file = JSON.parse(readFileSync(await saved(json, 'export.json'), 'utf8')) as {
      format: string
      items: unknown[]
    }
    expect(file.format).toBe('mdo-bord/board')
    expect(file.items).toEqual(JSON.parse(JSON.stringify(exportBoardFile(seeded.doc, 0).items)))

    const [csv] = await Promise.all([
      person.page.waitForEvent('download'),
      dialog.getByTestId('export-csv').click(),
    ])
    expect(readFileSync(await saved(csv, 'export.csv'), 'utf8')).toContain(AGREEMENTS[0]!.hoe)

    const [md] = await Promise.all([
      person.page.waitForEvent('download'),
      dialog.getByTestId('export-md').click(),
    ])
    const markdown = readFileSync(await saved(md, 'export.md'), 'utf8')
    expect(markdown).toContain('# Verslag: MDO Zoë, groep 6 – één')
    expect(markdown).toContain('6. Afronding')
    expect(markdown).not.toMatch(/Marieke|Anne de Vries|gesteld door/)

    // "Namen tonen": every file holds the names, and the dialog says so.
    await expect(dialog.getByTestId('export-names-hint')).toContainText('geen enkele naam')
    await dialog.getByTestId('export-names').check()
    await expect(dialog.getByTestId('export-names-hint')).toContainText('namen in alle bestanden')
    const [named] = await Promise.all([
      person.page.waitForEvent('download'),
      dialog.getByTestId('export-pdf').click(),
    ])
    const namedText = pdfFacts(readFileSync(await saved(named, 'export-names.pdf'))).text
    expect(namedText).toContain('Wie belt de jeugdarts? (gesteld door Marieke de Vries)')
    expect(namedText).toContain("IB'er/zorgcoördinator: Anne de Vries")
    const [namedMd] = await Promise.all([
      person.page.waitForEvent('download'),
      dialog.getByTestId('export-md').click(),
    ])
    const namedMarkdown = readFileSync(await saved(namedMd, 'export-names.md'), 'utf8')
    expect(namedMarkdown).toContain('(gesteld door Marieke de Vries)')
    const [namedJson] = await Promise.all([
      person.page.waitForEvent('download'),
      dialog.getByTestId('export-json').click(),
    ])
    expect(readFileSync(await saved(namedJson, 'export-names.json'), 'utf8')).toMatch(
      /"askedBy": ?"Marieke de Vries"/,
    )
    await dialog.getByTestId('export-names').uncheck()

    const [png] = await Promise.all([
      person.page.waitForEvent('download'),
      dialog.getByTestId('export-png').click(),
    ])
    const picture = readFileSync(await saved(png, 'export-board.png'))
    expect(picture.subarray(1, 4).toString()).toBe('PNG')
    // Page 1 of the PDF (A3 landscape) drawn on a canvas at two pixels per point.
    expect([picture.readUInt32BE(16), picture.readUInt32BE(20)]).toEqual([2381, 1684])
    expect(person.errors).toEqual([])
  } finally {
    control.destroy()
    hostile.destroy()
    await context.close()
  }
})

test('only the facilitator sees the export button', async ({ browser, api }) => {
  const board = await api.createBoard()
  const context = await browser.newContext()
  try {
    const person = new BoardPageObject(await context.newPage())
    await person.open(board.links.edit, 'Juf Anna', 'leerkracht')
    await expect(person.page.getByTestId('export-open')).toHaveCount(0)
  } finally {
    await context.close()
  }
})

test('a new board from an exported file, on the landing page; a broken file says why', async ({
  browser,
}) => {
  const seeded = seedMdoBoard()
  const file = JSON.stringify(exportBoardFile(seeded.doc, Date.now()))
  const context = await browser.newContext()
  try {
    const person = new BoardPageObject(await context.newPage())
    await person.page.goto('/')
    const input = person.page.getByTestId('import-file')
    await input.setInputFiles({
      name: 'bord.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"x"}'),
    })
    await expect(person.page.getByRole('alert')).toContainText(
      'Dit bestand kon niet worden ingelezen: cannot import',
    )
    await input.setInputFiles({
      name: 'bord.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    })
    await person.page.locator('main.landing a.button.primary').click()
    await person.join('Anne', 'ib')
    await expect
      .poll(async () => (await person.outlineItems()).map((entry) => entry.text).join('\n'))
      .toContain(AGREEMENTS[1]!.wat)
    expect(await person.items()).toEqual(
      JSON.parse(JSON.stringify(exportBoardFile(seeded.doc, 0).items)),
    )
  } finally {
    await context.close()
  }
})
