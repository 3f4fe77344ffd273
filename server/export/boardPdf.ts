// The server-side PDF of a board: the stored (or live) content and control docs, the shared
// report model and renderer. The server keeps no participants, so the report says roles are unknown.
import * as Y from 'yjs'
import type { Lang } from '../../shared/labels.ts'
import { buildReport, type Paper } from '../../shared/report/model.ts'
import { renderPdf } from '../../shared/report/pdf.ts'
import type { ReportFont } from '../../shared/report/font.ts'
import type { Rooms } from '../relay/rooms.ts'
import type { DocKind } from '../store/types.ts'

export interface PdfRequest {
  paper: Paper
  lang: Lang
}

/** The doc's full state, read through the rooms so an open board's latest edits are included. */
async function loadDoc(rooms: Rooms, boardId: string, kind: DocKind): Promise<Y.Doc> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await rooms.readState(boardId, kind))
  return doc
}

export async function boardPdf(
  rooms: Rooms,
  boardId: string,
  font: ReportFont,
  request: PdfRequest,
  now: number,
): Promise<Uint8Array> {
  const content = await loadDoc(rooms, boardId, 'content')
  const control = await loadDoc(rooms, boardId, 'control')
  try {
    const model = buildReport(content, control, { ...request, names: false, exportedAt: now })
    // Between its phases the renderer gives the event loop back, so sockets of other boards are
    // served while a large report is made (2,000 items take about a second).
    return await renderPdf(model, font, { pause: () => new Promise((r) => setImmediate(r)) })
  } finally {
    content.destroy()
    control.destroy()
  }
}
