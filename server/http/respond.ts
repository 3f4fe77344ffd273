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
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, `request body larger than ${limit} bytes`)
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (text === '') return { value: {}, size }
  try {
    return { value: JSON.parse(text) as unknown, size }
  } catch {
    throw new HttpError(400, 'request body is not valid JSON')
  }
}
