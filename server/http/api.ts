// The JSON API under /api, plus /healthz and /metrics. See docs/api.md for the contract.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { bearerToken } from '../access.ts'
import { boardLink, expiresAt, type Boards, type CreatedBoard } from '../boards.ts'
import type { Metrics } from '../metrics.ts'
import { workshopLink, type Workshops } from '../workshops.ts'
import type { PdfRequest } from '../export/boardPdf.ts'
import type { BoardJson } from '../boardJson.ts'
import type { History } from '../history/history.ts'
import { historyRoutes } from './history.ts'
import type { HeavyWorkLimiter, RateLimiter } from './rateLimit.ts'
import { HttpError, parseJson, readBody, readJson, sendJson } from './respond.ts'

export interface ApiDeps {
  boards: Boards
  workshops: Workshops
  creations: RateLimiter
  /** The address a request comes from, as far as this server can tell. */
  clientAddress: (req: IncomingMessage) => string
  /** Whether this request may read /metrics (server/http/addresses.ts). */
  mayReadMetrics: (req: IncomingMessage) => boolean
  /** False while a shared service (Redis) is down: load balancers send new joins elsewhere. */
  healthy: () => boolean
  nodeId?: string
  metrics: Metrics
  maxJsonBodyBytes: number
  /** A new board may bring a board file (docs/export.md): a larger body than other calls. */
  maxImportBytes: number
  /** The board's report as a PDF (server/export/boardPdf.ts), made in a worker thread. */
  exportPdf(id: string, request: PdfRequest): Promise<Uint8Array>
  /**
   * The board as JSON, plain and gzipped (server/boardJson.ts), made in a worker thread once per
   * state; `admit` is called (and may throw) only when a new one has to be made.
   */
  boardJson(id: string, admit: () => void): Promise<BoardJson>
  /** A new board's content from a request body holding a board file, made in a worker thread. */
  importBoard(body: Uint8Array): Promise<{ title: string; template: string; content: Uint8Array }>
  /** Jobs for the worker threads, counted per client address and per board. */
  heavyWork: HeavyWorkLimiter
  /** Versions of each board's content and their restore (server/http/history.ts). */
  history: History
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>

interface Route {
  pattern: RegExp
  methods: Record<string, Handler>
}

export function createApi(deps: ApiDeps) {
  const { boards, workshops, metrics, maxJsonBodyBytes } = deps
  const body = (req: IncomingMessage) => readJson(req, maxJsonBodyBytes)
  const facilitator = (req: IncomingMessage, id: string) =>
    boards.open(id, bearerToken(req.headers.authorization), 'facilitator')

  /** New boards (one, a next meeting, a workshop's tables) come out of one budget per address. */
  const limitCreations = (req: IncomingMessage, count = 1) => {
    const wait = deps.creations.take(deps.clientAddress(req), count)
    if (wait > 0) {
      throw new HttpError(429, 'too many new boards from this address; try again later', {
        'Retry-After': String(wait),
      })
    }
  }

  /** A PDF, an import or a board's JSON made anew: within the budget of the address and board. */
  const limitHeavyWork = (req: IncomingMessage, boardId?: string) => {
    const wait = deps.heavyWork.take(deps.clientAddress(req), boardId)
    if (wait > 0) {
      metrics.workRefused++
      const what = boardId === undefined ? 'from this address' : 'for this board or address'
      throw new HttpError(429, `too many exports and imports ${what}; try again later`, {
        'Retry-After': String(wait),
      })
    }
  }

  const routes: Route[] = [
    {
      pattern: /^\/healthz$/,
      methods: {
        GET: async (_req, res) => {
          const healthy = deps.healthy()
          sendJson(res, healthy ? 200 : 503, {
            ok: healthy,
            ...(deps.nodeId ? { node: deps.nodeId } : {}),
          })
        },
      },
    },
    {
      pattern: /^\/metrics$/,
      methods: {
        GET: async (req, res) => {
          if (!deps.mayReadMetrics(req)) {
            throw new HttpError(
              403,
              'metrics are served to this machine only, or with METRICS_TOKEN',
            )
          }
          res.writeHead(200, {
            'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
            'Cache-Control': 'no-store',
          })
          res.end(metrics.render())
        },
      },
    },
    {
      pattern: /^\/api\/boards$/,
      methods: {
        POST: async (req, res) => {
          limitCreations(req)
          // Only a board file may use the larger limit; every other body keeps the usual one. A
          // small body is read here; a board file (or a body too large for anything else, which
          // the worker refuses with a 413) is read, checked and made into a board in a worker.
          const bytes = await readBody(req, deps.maxImportBytes)
          const small = bytes.byteLength <= maxJsonBodyBytes
          const value = small ? parseJson(bytes) : undefined
          const isImport = typeof value === 'object' && value !== null && 'board' in value
          if (small && !isImport) return sendCreated(res, await boards.create(value))
          // A large body without even a "board" key is no board file: too large for anything else.
          if (!small && !Buffer.from(bytes).includes('"board"'))
            throw new HttpError(413, `request body larger than ${maxJsonBodyBytes} bytes`)
          limitHeavyWork(req)
          const { title, template, content } = await deps.importBoard(bytes)
          sendCreated(res, await boards.add({ title, template }, content))
        },
      },
    },
    {
      pattern: /^\/api\/boards\/([A-Za-z0-9_-]{1,64})$/,
      methods: {
        GET: async (req, res, [id = '']) => {
          const { board, role } = await boards.open(id, bearerToken(req.headers.authorization))
          sendJson(res, 200, {
            id: board.id,
            title: board.title,
            template: board.template,
            createdAt: board.createdAt,
            role,
            retentionDays: board.retentionDays,
            expiresAt: expiresAt(board),
          })
        },
        PATCH: async (req, res, [id = '']) => {
          await facilitator(req, id)
          sendJson(res, 200, await boards.setRetention(id, await body(req)))
        },
        DELETE: async (req, res, [id = '']) => {
          await facilitator(req, id)
          await boards.delete(id)
          res.writeHead(204, { 'Cache-Control': 'no-store' })
          res.end()
        },
      },
    },
    {
      pattern: /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/board\.json$/,
      methods: {
        GET: async (req, res, [id = '']) => {
          await boards.open(id, bearerToken(req.headers.authorization))
          const { json, gzip } = await deps.boardJson(id, () => limitHeavyWork(req, id))
          const zipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
          const body = zipped ? gzip : json
          res.writeHead(200, {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': String(body.byteLength),
            'Cache-Control': 'no-store',
            Vary: 'Accept-Encoding',
            ...(zipped ? { 'Content-Encoding': 'gzip' } : {}),
          })
          res.end(body)
        },
      },
    },
    {
      pattern: /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/next$/,
      methods: {
        POST: async (req, res, [id = '']) => {
          await facilitator(req, id)
          limitCreations(req)
          sendCreated(res, await boards.next(id, await body(req)))
        },
      },
    },
    {
      pattern: /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/rotate$/,
      methods: {
        POST: async (req, res, [id = '']) => {
          await facilitator(req, id)
          const token = bearerToken(req.headers.authorization) ?? ''
          sendJson(res, 200, await boards.rotate(id, await body(req), token))
        },
      },
    },
    {
      pattern: /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/links$/,
      methods: {
        GET: async (req, res, [id = '']) => {
          await facilitator(req, id)
          const token = bearerToken(req.headers.authorization) ?? ''
          sendJson(res, 200, { links: await boards.links(id, token) })
        },
      },
    },
    {
      pattern: /^\/api\/workshops$/,
      methods: {
        POST: async (req, res) => {
          const request = workshops.parse(await body(req))
          limitCreations(req, request.tables + 1)
          const { leaderToken, view } = await workshops.create(request)
          sendJson(res, 201, { ...view, leaderToken, link: workshopLink(view.id, leaderToken) })
        },
      },
    },
    {
      pattern: /^\/api\/workshops\/([A-Za-z0-9_-]{1,64})$/,
      methods: {
        GET: async (req, res, [id = '']) => {
          const token = bearerToken(req.headers.authorization)
          const workshop = await workshops.open(id, token)
          sendJson(res, 200, await workshops.view(workshop, token ?? ''))
        },
        DELETE: async (req, res, [id = '']) => {
          const token = bearerToken(req.headers.authorization)
          await workshops.delete(await workshops.open(id, token), token ?? '')
          res.writeHead(204, { 'Cache-Control': 'no-store' })
          res.end()
        },
      },
    },
    {
      pattern: /^\/api\/workshops\/([A-Za-z0-9_-]{1,64})\/renew$/,
      methods: {
        POST: async (req, res, [id = '']) => {
          const token = bearerToken(req.headers.authorization)
          const workshop = await workshops.open(id, token)
          const { leaderToken, view } = await workshops.renew(workshop, token ?? '')
          sendJson(res, 200, { ...view, leaderToken, link: workshopLink(view.id, leaderToken) })
        },
      },
    },
    {
      pattern: /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/export\.pdf$/,
      methods: {
        GET: async (req, res, [id = '']) => {
          const { board } = await facilitator(req, id)
          const request = pdfRequest(req.url)
          limitHeavyWork(req, id)
          const pdf = await deps.exportPdf(id, request)
          res.writeHead(200, {
            'Content-Type': 'application/pdf',
            'Content-Disposition': `attachment; filename="${pdfFileName(board.title)}"`,
            'Content-Length': String(pdf.byteLength),
            'Cache-Control': 'no-store',
          })
          res.end(pdf)
        },
      },
    },
    ...historyRoutes(boards, deps.history),
  ]

  /** Handles the request when the path is an API path; false when it is not. */
  return async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<boolean> {
    const isApiPath = path.startsWith('/api/') || path === '/api'
    for (const route of routes) {
      const match = route.pattern.exec(path)
      if (!match) continue
      const handler = route.methods[req.method ?? 'GET']
      if (!handler) {
        const allow = Object.keys(route.methods).join(', ')
        throw new HttpError(405, `use ${allow} here`, { Allow: allow })
      }
      await handler(req, res, match.slice(1))
      return true
    }
    if (isApiPath) throw new HttpError(404, 'no such API path')
    return false
  }
}

/** The answer to anything that makes a board: its id, its three tokens and their links. */
export function createdBody({ id, tokens }: CreatedBoard) {
  return {
    id,
    facilitatorToken: tokens.facilitator,
    editToken: tokens.edit,
    viewToken: tokens.view,
    links: {
      facilitator: boardLink(id, tokens.facilitator),
      edit: boardLink(id, tokens.edit),
      view: boardLink(id, tokens.view),
    },
  }
}

function sendCreated(res: ServerResponse, created: CreatedBoard) {
  sendJson(res, 201, createdBody(created))
}

/** `?paper=a3|a4&lang=nl|en`; anything else is a 400, so a typo is not silently ignored. */
function pdfRequest(url: string | undefined): PdfRequest {
  const query = new URL(url ?? '/', 'http://x').searchParams
  const paper = query.get('paper') ?? 'a4'
  const lang = query.get('lang') ?? 'nl'
  if (paper !== 'a4' && paper !== 'a3') throw new HttpError(400, 'paper must be "a4" or "a3"')
  if (lang !== 'nl' && lang !== 'en') throw new HttpError(400, 'lang must be "nl" or "en"')
  return { paper, lang }
}

/** A file name without anything a header or a file system could trip on. */
export function pdfFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9 _-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60)
  return `${base || 'mdo-bord'}.pdf`
}
