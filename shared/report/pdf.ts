// The PDF: page 1 the board (A4 or A3 landscape), then the report on A4 portrait, one embedded
// font, compressed. Runs the same in Node (server export, tests, bench) and in the browser.
import { jsPDF } from 'jspdf'
import { drawBoardPage } from './boardPage.ts'
import { Flow } from './flow.ts'
import type { ReportFont } from './font.ts'
import type { ReportModel } from './model.ts'
import { Pen } from './pen.ts'
import { PdfSurface } from './surface.ts'
import { REPORT_LABELS } from './reportLabels.ts'
import { writeReport } from './reportPages.ts'

export interface RenderHooks {
  /** Called with 0..1 as the work goes on. */
  progress?(fraction: number): void
  /** Awaited between phases, so a browser can paint the progress (shared/ has no timers). */
  pause?(): Promise<void>
}

export async function renderPdf(
  model: ReportModel,
  font: ReportFont,
  hooks: RenderHooks = {},
): Promise<Uint8Array> {
  const step = async (fraction: number) => {
    hooks.progress?.(fraction)
    await hooks.pause?.()
  }
  const { lang, paper } = model.options
  const pdf = new jsPDF({
    orientation: 'landscape',
    format: paper,
    unit: 'pt',
    compress: true,
    putOnlyUsedFonts: true,
  })
  const title = model.title || REPORT_LABELS.untitled[lang]
  pdf.setProperties({
    title: `${REPORT_LABELS.report[lang]}: ${title}`,
    subject: REPORT_LABELS.confidential[lang],
    creator: 'MDO-bord',
  })
  pdf.setLanguage(lang)
  const pen = new Pen(new PdfSurface(pdf, font))
  await step(0.15)
  const page = pdf.internal.pageSize
  const legend = drawBoardPage(pen, model, page.getWidth(), page.getHeight())
  await step(0.5)
  const flow = new Flow(pen, pdf)
  flow.newPage()
  writeReport(flow, model, legend)
  flow.numberPages(
    1,
    (n, total) => `${REPORT_LABELS.page[lang]} ${n} ${REPORT_LABELS.of[lang]} ${total}`,
    title,
  )
  await step(0.8)
  const bytes = new Uint8Array(pdf.output('arraybuffer'))
  hooks.progress?.(1)
  return bytes
}
