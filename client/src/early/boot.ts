// The page's first script, loaded apart from the app (vite.config.ts): on a board page it opens
// the board's socket at once, so the board travels while the app's JavaScript loads and starts.
import { openEarlySocket } from '../sync/earlySocket.ts'
import { boardIdFromPath, boardProtocols, tokenFromHash, wsBase } from '../sync/links.ts'

const boardId = boardIdFromPath(location.pathname)
const token = tokenFromHash(location.hash)
if (boardId && token) openEarlySocket(`${wsBase(location)}/${boardId}`, boardProtocols(token))
