// A board page's board as JSON (GET /api/boards/<id>/board.json), fetched by the early script
// (early/boot.ts) while the app loads: the page draws it first, and decodes the board's document
// after that frame. Free of imports, like the early script that carries it.

const KEY = Symbol.for('mdo-bord.early-board')

interface EarlyBoard {
  boardId: string
  /** The JSON as the server sent it, or null when it could not (offline, no access, gone). */
  board: Promise<unknown>
}

type Holder = { [KEY]?: EarlyBoard }
const holder = globalThis as Holder

/** Run by the early script. */
export function fetchEarlyBoard(boardId: string, token: string): void {
  const board = fetch(`/api/boards/${encodeURIComponent(boardId)}/board.json`, {
    headers: { Authorization: `Bearer ${token}` },
  })
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
    .catch(() => null)
  holder[KEY] = { boardId, board }
}

/** The JSON fetched early for this board, once; null when none was (any more). Unchecked. */
export function takeEarlyBoard(boardId: string): Promise<unknown> | null {
  const early = holder[KEY]
  delete holder[KEY]
  return early?.boardId === boardId ? early.board : null
}
