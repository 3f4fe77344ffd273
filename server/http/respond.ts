// Small helpers for JSON over node:http: every refusal is JSON with a message a person can read.
import type { IncomingMessage, ServerResponse } from 'node:http'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(JSON.stringify(body))
}

export function sendError(res: ServerResponse, err: HttpError) {
  sendJson(res, err.status, { error: err.message }, err.headers)
}

/** Reads a JSON body of at most `limit` bytes; an empty body reads as {}. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  return (await readSizedJson(req, limit)).value
}

/** readJson, plus the body's size in bytes, for a route whose limit depends on what was sent. */
export async function readSizedJson(
  req: IncomingMessage,
  limit: number,
): Promise<{ value: unknown; size: number }> {
  const body = await readBody(req, limit)
  return { value: parseJson(body), size: body.byteLength }
}

/** The body's bytes, at most `limit` of them, in a buffer of their own (one a worker may take). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, `request body larger than ${limit} bytes`)
    chunks.push(chunk)
  }
  const body = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    body.set(chunk, at)
    at += chunk.length
  }
  return body
}

/** A JSON body as read by readBody; an empty body reads as {}. */
export function parseJson(body: Uint8Array): unknown {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8').trim()
  if (text === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'request body is not valid JSON')
  }
}
