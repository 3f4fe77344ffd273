// The board's history over HTTP (docs/api.md, "History"): the versions the relay kept, one of them
// as board JSON for a read-only preview, and a restore. The facilitator link only.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { bearerToken } from '../access.ts'
import type { Boards } from '../boards.ts'
import type { History } from '../history/history.ts'
import { HttpError, sendJson } from './respond.ts'

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>

const BOARD = '/api/boards/([A-Za-z0-9_-]{1,64})/versions'
const VERSION = `${BOARD}/([1-9][0-9]{0,8})`

export function historyRoutes(
  boards: Boards,
  history: History,
): { pattern: RegExp; methods: Record<string, Handler> }[] {
  const facilitator = (req: IncomingMessage, id: string) =>
    boards.open(id, bearerToken(req.headers.authorization), 'facilitator')
  const noVersion = () => new HttpError(404, 'this board has no such version')

  return [
    {
      pattern: new RegExp(`^${BOARD}$`),
      methods: {
        GET: async (req, res, [id = '']) => {
          await facilitator(req, id)
          sendJson(res, 200, { versions: await history.list(id) })
        },
      },
    },
    {
      pattern: new RegExp(`^${VERSION}$`),
      methods: {
        GET: async (req, res, [id = '', n = '']) => {
          await facilitator(req, id)
          const preview = await history.preview(id, Number(n))
          if (!preview) throw noVersion()
          sendJson(res, 200, preview)
        },
      },
    },
    {
      pattern: new RegExp(`^${VERSION}/restore$`),
      methods: {
        POST: async (req, res, [id = '', n = '']) => {
          await facilitator(req, id)
          const restored = await history.restore(id, Number(n))
          if (!restored) throw noVersion()
          sendJson(res, 200, restored)
        },
      },
    },
  ]
}
