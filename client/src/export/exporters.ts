// What the export dialog does, loaded only when someone exports (jsPDF, the font and the report
// code stay out of the first load). Every file is made on this device from the synced document;
// nothing is sent anywhere, and the font comes from our own origin. Every file, the board file
// too, holds participants' names only when the facilitator ticked "Namen tonen".
import type * as Y from 'yjs'
import { readBoard, type Lang } from '../../../shared/index.ts'
import {
  buildReport,
  exportBoardFile,
  fontFromBytes,
  itemsCsv,
  reportMarkdown,
  type Paper,
  type Participant,
  type ReportFont,
} from '../../../shared/report/index.ts'
import { renderPdf } from '../../../shared/report/pdf.ts'
import { boardPageCanvas } from './canvasSurface.ts'

// REPORT_FONT_FILE, written out: Vite turns only a literal `new URL(…, import.meta.url)` into a
// hashed asset of our own origin.
const FONT_URL = new URL('../../../shared/report/fonts/DejaVuSans-subset.ttf', import.meta.url)

let fontLoading: Promise<ReportFont> | null = null

/** The font, fetched once per page load from this server. */
function reportFont(): Promise<ReportFont> {
  fontLoading ??= fetch(FONT_URL)
    .then((res) => {
      if (!res.ok) throw new Error(`font: ${res.status}`)
      return res.arrayBuffer()
    })
    .then((buffer) => fontFromBytes(new Uint8Array(buffer)))
    .catch((err: unknown) => {
      fontLoading = null
      throw err
    })
  return fontLoading
}

export interface ExportInput {
  doc: Y.Doc
  /** The board's control doc, for the step reached and the vote. */
  control: Y.Doc | null
  lang: Lang
  /** Who was there, when the control room recorded nobody; otherwise the report reads it there. */
  participants?: Participant[]
  /** "Namen tonen": names of participants, authors and askers in every file; off by default. */
  names: boolean
}

/** Lets the browser paint a progress bar between the phases of a long export. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

export async function pdfBlob(
  input: ExportInput,
  paper: Paper,
  progress: (fraction: number) => void,
): Promise<Blob> {
  progress(0.05)
  const font = await reportFont()
  const model = boardModel(input, paper)
  const bytes = await renderPdf(model, font, { progress, pause: nextFrame })
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
}

export function markdownBlob(input: ExportInput): Blob {
  const model = boardModel(input, 'a4')
  return new Blob([reportMarkdown(model)], { type: 'text/markdown;charset=utf-8' })
}

export function csvBlob(input: ExportInput): Blob {
  const csv = itemsCsv(readBoard(input.doc), input.lang, { names: input.names })
  return new Blob([csv], { type: 'text/csv;charset=utf-8' })
}

export function jsonBlob(input: ExportInput): Blob {
  const file = exportBoardFile(input.doc, Date.now(), { names: input.names })
  return new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' })
}

function boardModel(input: ExportInput, paper: Paper) {
  return buildReport(input.doc, input.control, {
    lang: input.lang,
    paper,
    names: input.names,
    exportedAt: Date.now(),
    ...(input.participants ? { participants: input.participants } : {}),
  })
}

/** Page 1 of the PDF (the whole board) as a PNG, drawn by the same code on a canvas. */
export function pngBlob(input: ExportInput, paper: Paper): Promise<Blob> {
  const canvas = boardPageCanvas(boardModel(input, paper), 2)
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no picture'))), 'image/png'),
  )
}

/** Prints page 1 of the PDF: its picture alone on a landscape page (see board.css). */
export async function printBoardPage(input: ExportInput, paper: Paper): Promise<void> {
  const picture = document.createElement('img')
  picture.className = 'print-board'
  picture.alt = ''
  picture.src = boardPageCanvas(boardModel(input, paper), 3).toDataURL('image/png')
  await picture.decode()
  document.body.append(picture)
  document.body.classList.add('printing-board')
  const done = () => {
    picture.remove()
    document.body.classList.remove('printing-board')
    window.removeEventListener('afterprint', done)
  }
  window.addEventListener('afterprint', done)
  window.print()
}

/** Saves a blob under a file name, as a download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** A file name from the board's title, safe on every system. */
export function fileName(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 _-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60)
  return `${base || 'mdo-bord'}.${extension}`
}
