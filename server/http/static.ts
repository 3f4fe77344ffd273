// Serves the built client. Hashed assets are cached for good; every other path gets index.html,
// which the browser app routes itself (/b/<board>). Text files go out gzipped to browsers that
// accept it, compressed once per file and kept in memory (the client is a few MB at most).
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
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

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.ttf'])
const gzipped = promisify(gzip)

/** The path with its % escapes decoded; a malformed escape (`%zz`) is the client's error: 400. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch (err) {
    if (err instanceof URIError) throw new HttpError(400, 'the address has a malformed % escape')
    throw err
  }
}

export function createStatic(clientDir: string) {
  const root = normalize(clientDir + sep)
  /** Gzipped files by path and modification time, so a rebuilt client is compressed anew. */
  const zipped = new Map<string, { mtimeMs: number; body: Promise<Buffer> }>()

  function gzipOf(file: string, mtimeMs: number): Promise<Buffer> {
    const known = zipped.get(file)
    if (known?.mtimeMs === mtimeMs) return known.body
    const body = readFile(file).then((data) => gzipped(data))
    body.catch(() => zipped.delete(file))
    zipped.set(file, { mtimeMs, body })
    return body
  }

  async function fileAt(path: string): Promise<{ file: string; mtimeMs: number } | null> {
    const file = normalize(join(root, decodedPath(path)))
    if (!file.startsWith(root)) return null
    const info = await stat(file).catch(() => null)
    return info?.isFile() ? { file, mtimeMs: info.mtimeMs } : null
  }

  return async function serveStatic(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'use GET here', { Allow: 'GET, HEAD' })
    }
    let found = path === '/' ? null : await fileAt(path)
    const isAsset = found !== null && path.startsWith('/assets/')
    if (!found) {
      // A missing asset is a 404; any other path is a page of the app.
      if (path.startsWith('/assets/')) throw new HttpError(404, 'not found')
      found = await fileAt('/index.html')
      if (!found) throw new HttpError(503, 'the client is not built yet: run `npm run build`')
    }
    const { file, mtimeMs } = found
    const zip =
      COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding']))
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
    }
    if (!zip) {
      res.writeHead(200, headers)
      if (req.method === 'HEAD') return void res.end()
      return void createReadStream(file).pipe(res)
    }
    const body = await gzipOf(file, mtimeMs)
    res.writeHead(200, {
      ...headers,
      'Content-Encoding': 'gzip',
      'Content-Length': String(body.byteLength),
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
