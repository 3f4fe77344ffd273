// The PDF report as it reads on paper, checked page by page with pdftotext: no heading (nor a
// table's header row) is the last line of a page, no bullet is empty, and the report says when
// the next meeting is and who was there. Boards of many sizes move the page breaks everywhere.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  addAgreement,
  addQuestion,
  addSticky,
  readBoard,
  recordPresence,
  setNextMeeting,
  STICKY_KINDS,
} from '../../shared/index.ts'
import { fontFromBytes, type ReportFont } from '../../shared/report/font.ts'
import { buildReport, type ReportModel } from '../../shared/report/model.ts'
import { renderPdf } from '../../shared/report/pdf.ts'
import { REPORT_LABELS } from '../../shared/report/reportLabels.ts'
import { reportFontPath } from '../../server/export/reportFont.ts'
import { pdfPageLines } from '../unit/helpers/poppler.ts'
import { seedMdoBoard } from '../unit/helpers/reportBoard.ts'

let font: ReportFont
beforeAll(() => {
  font = fontFromBytes(readFileSync(reportFontPath()))
})

/** A seeded meeting with `extra` markers more, empty markers and rows, a date and two people. */
function meeting(extra: number) {
  const { doc, control } = seedMdoBoard(extra, extra + 1)
  const items = readBoard(doc).items
  const circle = items.find((item) => item.type === 'circle' && item.role === 'kind')!
  const box = (role: string) => items.find((item) => item.type === 'box' && item.role === role)!
  addSticky(doc, { kind: 'plus', text: '', x: circle.x + 40, y: circle.y + 40, parent: circle.id })
  addSticky(doc, { kind: 'top', text: '   ', x: 900, y: 900 })
  addQuestion(doc, { parent: box('questions').id, text: '' })
  addAgreement(doc, { parent: box('agreements').id })
  setNextMeeting(control, '2027-01-12T14:30')
  recordPresence(
    control,
    [
      { seat: 'seat-parent-0001', role: 'ouder', name: '' },
      { seat: 'seat-teacher-001', role: 'leerkracht', name: 'Marieke de Vries' },
    ],
    1000,
  )
  return { doc, control }
}

/** Every line the report draws as a heading, as pdftotext prints it. */
function headingsOf(model: ReportModel): Set<string> {
  const { lang } = model.options
  const L = (key: keyof typeof REPORT_LABELS) => REPORT_LABELS[key][lang]
  const groups = [...model.circles, ...model.columns].flatMap((s) => s.groups)
  return new Set([
    `${L('report')}: ${model.title}`,
    ...(
      [
        'legend',
        'questionsAndDecisions',
        'questions',
        'decisions',
        'circles',
        'interaction',
        'agreements',
        'columns',
        'evaluation',
        'tops',
        'tips',
        'otherItems',
        'votes',
      ] as const
    ).map(L),
    ...model.circles.map((c) => `${c.number}. ${c.label}`),
    ...[...groups, ...model.loose].map((g) => `${STICKY_KINDS[g.kind].symbol} ${g.label}`),
  ])
}

const TABLE_HEADER = /^(Wat\s+Wie\s+Waarom\s+Wanneer\s+Hoe\s+Status|Nr\.\s+Soort\s+Tekst\s+Plek)$/
const FOOTER = /^MDO Zoë, groep 6 – één\s+Pagina \d+ van \d+$/
const BULLETS = [
  '•',
  '–',
  '⚖',
  '↗',
  '↘',
  '↔',
  '●',
  STICKY_KINDS.top.symbol,
  STICKY_KINDS.tip.symbol,
]

describe('the PDF report on paper', () => {
  it('never leaves a heading or a table header alone at the foot of a page (20 board sizes)', async () => {
    let breaks = 0
    for (let extra = 0; extra < 60; extra += 3) {
      const { doc, control } = meeting(extra)
      const model = buildReport(doc, control, {
        lang: 'nl',
        paper: 'a4',
        names: false,
        exportedAt: 1,
      })
      const headings = headingsOf(model)
      const pages = pdfPageLines(await renderPdf(model, font))
      // Page 1 is the board; the report pages follow, each ending in its footer.
      for (const [i, page] of pages.slice(1).entries()) {
        const body = page.filter((line) => !FOOTER.test(line))
        const last = body.at(-1) ?? ''
        const where = `${extra} extra markers, page ${i + 2}: "${last}"`
        expect(headings.has(last), where).toBe(false)
        expect(TABLE_HEADER.test(last), where).toBe(false)
        for (const line of body) {
          expect(BULLETS.includes(line), `an empty bullet, ${where}`).toBe(false)
        }
      }
      breaks += pages.length - 2
    }
    // The sizes did move the page breaks through the report.
    expect(breaks).toBeGreaterThan(20)
  }, 120_000)

  it('says when the next meeting is and lists who was there, by role unless names are shown', async () => {
    const { doc, control } = meeting(0)
    const base = { lang: 'nl' as const, paper: 'a4' as const, exportedAt: 1 }
    const roles = pdfPageLines(
      await renderPdf(buildReport(doc, control, { ...base, names: false }), font),
    )
    const header = roles[1]!.join('\n')
    expect(header).toMatch(/Volgend overleg\s+12-01-2027 14:30/)
    expect(header).toMatch(/Aanwezig \(rollen\)\s+Ouder, Leerkracht\/mentor/)
    expect(roles.flat().join('\n')).not.toContain('Marieke')
    const named = pdfPageLines(
      await renderPdf(buildReport(doc, control, { ...base, names: true }), font),
    )
    expect(named[1]!.join('\n')).toMatch(/Aanwezig\s+Ouder, Leerkracht\/mentor: Marieke de Vries/)
  })
})
