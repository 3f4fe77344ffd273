// The board as the browser shows it, as JSON: the validated meta and items of its live document.
// A page draws this while its socket still brings the Y.Doc (client/src/sync/earlyBoard.ts), so a
// big board shows without waiting for the document to be decoded. Made in a worker thread from the
// document as stored (Rooms.stored), so the event loop never decodes or encodes the board for it.
import type { Rooms } from './relay/rooms.ts'
import type { WorkPool } from './work/pool.ts'

export interface BoardJson {
  json: Buffer
  gzip: Buffer
}

export type MakeBoardJson = (boardId: string, admit: () => void) => Promise<BoardJson>

/**
 * `admit` is called before a new job is started, and may refuse by throwing (the rate limit): a
 * JSON already made, or being made, costs nothing more. A board open here keeps its JSON until its
 * document changes; for one that is not, the pages that ask at the same time share one job (their
 * sockets then open its room, and the next page finds the JSON kept there).
 */
export function boardJsonMaker(rooms: Rooms, work: WorkPool): MakeBoardJson {
  const making = new Map<string, Promise<BoardJson>>()
  const make = (boardId: string) =>
    rooms
      .stored(boardId, 'content')
      .then((content) => work.run({ kind: 'board-json', content }))
      .then(({ json, gzip }) => ({ json: bufferOf(json), gzip: bufferOf(gzip) }))

  return (boardId, admit) => {
    const room = rooms.loaded(boardId, 'content')
    // A failed job is tried anew by the next request.
    if (room) {
      const made = room.derive('board-json', () => ({ job: null as Promise<BoardJson> | null }))
      if (!made.job) {
        admit()
        const job = make(boardId).catch((err: unknown) => {
          if (made.job === job) made.job = null
          throw err
        })
        made.job = job
      }
      return made.job
    }
    let job = making.get(boardId)
    if (!job) {
      admit()
      job = make(boardId).finally(() => making.delete(boardId))
      making.set(boardId, job)
    }
    return job
  }
}

const bufferOf = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
