// The board as the browser shows it, as JSON: the validated meta and items of its live document.
// A page draws this while its socket still brings the Y.Doc (client/src/sync/earlyBoard.ts), so a
// big board shows without waiting for the document to be decoded. Made in a worker thread from the
// room's whole state, once per board state however many pages ask for it.
import type { Rooms } from './relay/rooms.ts'
import { whileHeld } from './work/held.ts'
import type { WorkPool } from './work/pool.ts'

export interface BoardJson {
  json: Buffer
  gzip: Buffer
}

/**
 * `admit` is called before a new job is started, and may refuse by throwing (the rate limit): a
 * state already made, or being made, costs nothing more.
 */
export function boardJson(
  rooms: Rooms,
  work: WorkPool,
  boardId: string,
  admit: () => void,
): Promise<BoardJson> {
  return whileHeld(rooms, boardId, 'content', (room) => {
    // Kept by the room until its document changes; a failed job is tried anew by the next request.
    const made = room.derive('board-json', () => ({ job: null as Promise<BoardJson> | null }))
    if (!made.job) {
      admit()
      const job = work.run({ kind: 'board-json', content: room.fullState() }).then(
        ({ json, gzip }) => ({ json: bufferOf(json), gzip: bufferOf(gzip) }),
        (err: unknown) => {
          if (made.job === job) made.job = null
          throw err
        },
      )
      made.job = job
    }
    return made.job
  })
}

const bufferOf = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
