// Where a request comes from: the client address the limits per address count, and whether a
// request is this machine's own (for /metrics, which tells an outsider more than it should).
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { bearerToken, hashToken } from '../access.ts'

const forwardedFor = (req: IncomingMessage): string[] => {
  const header = req.headers['x-forwarded-for']
  return (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
}

/** The address a request comes from; behind a trusted proxy the first X-Forwarded-For entry. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const first = trustProxy ? forwardedFor(req)[0] : undefined
  return first || req.socket.remoteAddress || 'unknown'
}

const isLoopback = (address: string | undefined) =>
  address !== undefined &&
  (address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address))

/**
 * A request from this machine itself: over loopback, and not passed on by a proxy for someone
 * else (an X-Forwarded-For header counts only behind a trusted proxy, and then every address in
 * it must be loopback too).
 */
export function isLocalRequest(req: IncomingMessage, trustProxy: boolean): boolean {
  if (!isLoopback(req.socket.remoteAddress)) return false
  const forwarded = forwardedFor(req)
  if (forwarded.length === 0) return true
  return trustProxy && forwarded.every(isLoopback)
}

/** GET /metrics: this machine, or anyone with `Authorization: Bearer <METRICS_TOKEN>`. */
export function mayReadMetrics(
  req: IncomingMessage,
  trustProxy: boolean,
  metricsToken: string | null,
): boolean {
  if (isLocalRequest(req, trustProxy)) return true
  const given = bearerToken(req.headers.authorization)
  if (!metricsToken || !given) return false
  // Hashes of equal length, so the comparison takes the same time whatever was sent.
  return timingSafeEqual(Buffer.from(hashToken(given)), Buffer.from(hashToken(metricsToken)))
}
