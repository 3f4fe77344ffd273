// Everything this device keeps of one board, in one place, so a deleted board leaves nothing
// behind: the IndexedDB copies (board, control room, drafts, hidden dots) and the localStorage
// entries (links, role, name, voter id, seat). Every per-board entry is named `mdo-<what>-<boardId>`.

/** The IndexedDB databases the sync layer opens for a board. */
export function boardDatabases(boardId: string): string[] {
  return [
    boardDatabase(boardId),
    `mdo-control-${boardId}`,
    `mdo-drafts-${boardId}`,
    `mdo-votes-${boardId}`,
  ]
}

/** The board document's own copy: the one dropped when the relay refused a change from it. */
export const boardDatabase = (boardId: string) => `mdo-${boardId}`

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `mdo-<word>-<boardId>`, or `mdo-<boardId>`: also what a later part of the app may add. */
function boardEntry(boardId: string): RegExp {
  return new RegExp(`^mdo-(?:[a-z]+-)?${escape(boardId)}$`)
}

/** Resolves once the database is gone; open connections delay it until they close. */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name)
    request.onsuccess = () => resolve()
    // Nothing more this device can do about it; the page must not hang on it either.
    request.onerror = () => resolve()
  })
}

/** Removes every localStorage entry and IndexedDB database of the board from this device. */
export async function forgetBoard(boardId: string): Promise<void> {
  const entry = boardEntry(boardId)
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i))
    for (const key of keys) if (key && entry.test(key)) localStorage.removeItem(key)
  } catch {
    // Storage blocked: nothing was kept there either.
  }
  const names = new Set(boardDatabases(boardId))
  try {
    for (const { name } of await indexedDB.databases())
      if (name && entry.test(name)) names.add(name)
  } catch {
    // Older browsers cannot list databases; the known names are deleted all the same.
  }
  await Promise.all([...names].map(deleteDatabase))
}
