// The page's first script, loaded apart from the app (vite.config.ts): on a board page it asks for
// the board as JSON at once, so the board travels while the app's JavaScript loads and starts.
import { fetchEarlyBoard } from '../sync/earlyBoard.ts'
import { boardIdFromPath, tokenFromHash } from '../sync/links.ts'

const boardId = boardIdFromPath(location.pathname)
const token = tokenFromHash(location.hash)
if (boardId && token) fetchEarlyBoard(boardId, token)
