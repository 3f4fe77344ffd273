// A room kept loaded while a worker job made from its state runs: a loop of exports of a board no
// one has open then loads its document once, not once per export (loading is the main thread's).
import type { Room } from '../relay/room.ts'
import type { Rooms } from '../relay/rooms.ts'
import type { DocKind } from '../store/types.ts'

export async function whileHeld<T>(
  rooms: Rooms,
  boardId: string,
  kind: DocKind,
  use: (room: Room) => Promise<T>,
): Promise<T> {
  const room = await rooms.acquire(boardId, kind)
  try {
    return await use(room)
  } finally {
    rooms.released(room)
  }
}
