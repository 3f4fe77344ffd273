// The server-side PDF of a board: the content and control documents as they are now (an open
// board's latest edits included), handed as stored rows to a worker thread that decodes them and
// runs the shared report model and renderer (server/work/jobs.ts). Who was there is read, by role,
// from the control doc.
import type { Lang } from '../../shared/labels.ts'
import type { Paper } from '../../shared/report/model.ts'
import type { Rooms } from '../relay/rooms.ts'
import type { WorkPool } from '../work/pool.ts'

export interface PdfRequest {
  paper: Paper
  lang: Lang
}

export async function boardPdf(
  rooms: Rooms,
  work: WorkPool,
  boardId: string,
  request: PdfRequest,
  now: number,
): Promise<Uint8Array> {
  const [content, control] = await Promise.all([
    rooms.stored(boardId, 'content'),
    rooms.stored(boardId, 'control'),
  ])
  return work.run({ kind: 'pdf', content, control, ...request, exportedAt: now })
}
