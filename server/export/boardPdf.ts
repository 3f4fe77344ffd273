// The server-side PDF of a board: the content and control documents as they are now (an open
// board's latest edits included), handed as bytes to a worker thread that runs the shared report
// model and renderer (server/work/jobs.ts). The server keeps no participants.
import type { Lang } from '../../shared/labels.ts'
import type { Paper } from '../../shared/report/model.ts'
import type { Rooms } from '../relay/rooms.ts'
import { whileHeld } from '../work/held.ts'
import type { WorkPool } from '../work/pool.ts'

export interface PdfRequest {
  paper: Paper
  lang: Lang
}

export function boardPdf(
  rooms: Rooms,
  work: WorkPool,
  boardId: string,
  request: PdfRequest,
  now: number,
): Promise<Uint8Array> {
  return whileHeld(rooms, boardId, 'content', async (content) => {
    const control = await rooms.readState(boardId, 'control')
    return work.run({
      kind: 'pdf',
      content: content.fullState(),
      control,
      ...request,
      exportedAt: now,
    })
  })
}
