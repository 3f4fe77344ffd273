// The heavy jobs as functions of plain bytes: what a worker thread runs (server/work/worker.ts),
// so a PDF, a board file's import or a big board's JSON never holds up the relay's event loop.
import { gzipSync } from 'node:zlib'
import * as Y from 'yjs'
import type { Lang } from '../../shared/labels.ts'
import { readBoard } from '../../shared/read.ts'
import { importBoardFile } from '../../shared/report/boardFile.ts'
import type { ReportFont } from '../../shared/report/font.ts'
import { buildReport, type Paper } from '../../shared/report/model.ts'
import { renderPdf } from '../../shared/report/pdf.ts'
import { parseCreate } from '../boards.ts'
import { HttpError } from '../http/respond.ts'
import type { DocSource } from '../store/types.ts'
import { storedUpdates } from './source.ts'

export interface PdfJob {
  kind: 'pdf'
  /** The content and control documents, as stored (Rooms.stored). */
  content: DocSource
  control: DocSource
  paper: Paper
  lang: Lang
  exportedAt: number
}

export interface BoardJsonJob {
  kind: 'board-json'
  content: DocSource
}

export interface ImportJob {
  kind: 'import'
  /** The request body as it came: `{"board": <file>, "title"?: …}`. */
  body: Uint8Array
  now: number
  /** A body above this that is not a board import is refused (413), as every other body is. */
  maxPlainBytes: number
}

export type Job = PdfJob | BoardJsonJob | ImportJob

export interface JobResults {
  pdf: Uint8Array
  'board-json': { json: Uint8Array; gzip: Uint8Array }
  import: { title: string; template: string; content: Uint8Array }
}

export type JobKind = Job['kind']

/** A result and the buffers to move (not copy) back to the main thread. */
export interface Done<K extends JobKind = JobKind> {
  value: JobResults[K]
  transfer: ArrayBuffer[]
}

export async function runJob(job: Job, font: () => Promise<ReportFont>): Promise<Done> {
  switch (job.kind) {
    case 'pdf':
      return moved(await pdfOf(job, await font()))
    case 'board-json': {
      const value = boardJsonOf(job.content)
      return { value, transfer: [value.json.buffer, value.gzip.buffer] as ArrayBuffer[] }
    }
    case 'import': {
      const value = importOf(job)
      return { value, transfer: [value.content.buffer as ArrayBuffer] }
    }
  }
}

/** A doc from its stored updates; one that does not apply is skipped, as a room skips it. */
function docOf(source: DocSource): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const update of storedUpdates(source)) {
      try {
        Y.applyUpdate(doc, update)
      } catch {
        // The relay reports such an update when a room loads it.
      }
    }
  })
  return doc
}

async function pdfOf(job: PdfJob, font: ReportFont): Promise<Uint8Array> {
  const content = docOf(job.content)
  const control = docOf(job.control)
  try {
    const { paper, lang, exportedAt } = job
    // Who was there comes from the control doc's attendance, by role: a server export has no names.
    const model = buildReport(content, control, { paper, lang, exportedAt, names: false })
    return await renderPdf(model, font)
  } finally {
    content.destroy()
    control.destroy()
  }
}

/** The board as the browser shows it: the validated meta and items, plain and gzipped. */
export function boardJsonOf(source: DocSource): JobResults['board-json'] {
  const doc = docOf(source)
  try {
    const { meta, items } = readBoard(doc)
    const json = new TextEncoder().encode(JSON.stringify({ meta, items }))
    return { json: owned(json), gzip: owned(gzipSync(json)) }
  } finally {
    doc.destroy()
  }
}

/** A new board's content from a board file; the whole file is checked before anything is made. */
export function importOf({ body, now, maxPlainBytes }: ImportJob): JobResults['import'] {
  const text = new TextDecoder().decode(body).trim()
  let value: unknown
  try {
    value = text === '' ? {} : JSON.parse(text)
  } catch {
    throw new HttpError(400, 'request body is not valid JSON')
  }
  const { template, title, file } = parseCreate(value)
  if (!file) throw new HttpError(413, `request body larger than ${maxPlainBytes} bytes`)
  const doc = new Y.Doc()
  try {
    importBoardFile(doc, { ...file, title, template }, now)
    return { title, template, content: owned(Y.encodeStateAsUpdate(doc)) }
  } finally {
    doc.destroy()
  }
}

/** The result as one whole buffer: a transfer moves the whole ArrayBuffer, pooled bytes too. */
function moved(bytes: Uint8Array): Done<'pdf'> {
  const value = owned(bytes)
  return { value, transfer: [value.buffer as ArrayBuffer] }
}

function owned(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
  return whole && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes)
}
