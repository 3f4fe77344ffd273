// Serves the built client. Hashed assets are cached for good; every other path gets index.html,
// which the browser app routes itself (/b/<board>).
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { HttpError } from './respond.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
}

export function createStatic(clientDir: string) {
  const root = normalize(clientDir + sep)

  async function fileAt(path: string): Promise<string | null> {
    const file = normalize(join(root, decodeURIComponent(path)))
    if (!file.startsWith(root)) return null
    const info = await stat(file).catch(() => null)
    return info?.isFile() ? file : null
  }

  return async function serveStatic(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'use GET here', { Allow: 'GET, HEAD' })
    }
    let file = path === '/' ? null : await fileAt(path)
    const isAsset = file !== null && path.startsWith('/assets/')
    if (!file) {
      // A missing asset is a 404; any other path is a page of the app.
      if (path.startsWith('/assets/')) throw new HttpError(404, 'not found')
      file = await fileAt('/index.html')
      if (!file) throw new HttpError(503, 'the client is not built yet: run `npm run build`')
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).pipe(res)
  }
}
