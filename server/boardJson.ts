// The board as the browser shows it, as JSON: the validated meta and items of its live document.
// A page draws this while its socket still brings the Y.Doc (client/src/sync/earlyBoard.ts), so a
// big board shows without waiting for the document to be decoded. Made once per board state.
import { gzipSync } from 'node:zlib'
import { readBoard } from '../shared/index.ts'
import type { Rooms } from './relay/rooms.ts'

export interface BoardJson {
  json: Buffer
  gzip: Buffer
}

export function boardJson(rooms: Rooms, boardId: string): Promise<BoardJson> {
  return rooms.read(boardId, 'content', (room) =>
    room.derive('board-json', (doc) => {
      const { meta, items } = readBoard(doc)
      const json = Buffer.from(JSON.stringify({ meta, items }))
      return { json, gzip: gzipSync(json) }
    }),
  )
}
