// Reads the Redis streams of every document loaded in this process with one blocking XREAD loop,
// and hands each entry that another process appended to its room.
import type { Redis } from 'ioredis'

export interface StreamEntry {
  id: string
  type: 'u' | 'a'
  data: Buffer
  origin: string
}

export type EntryHandler = (entries: StreamEntry[]) => void

interface Subscription {
  lastId: string
  handler: EntryHandler
}

// How long one XREAD waits: also how long a newly loaded room waits to join the loop.
const BLOCK_MS = 100

/** Parses XREAD/XRANGE field lists: [t, type, d, data, p, origin]. */
export function parseEntry(id: Buffer | string, fields: Buffer[]): StreamEntry | null {
  let type: string | null = null
  let data: Buffer | null = null
  let origin = ''
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i]!.toString()
    const value = fields[i + 1]!
    if (name === 't') type = value.toString()
    else if (name === 'd') data = value
    else if (name === 'p') origin = value.toString()
  }
  if ((type !== 'u' && type !== 'a') || !data) return null
  return { id: id.toString(), type, data, origin }
}

type Items = [Buffer, Buffer[]][]

/** XREAD answers a list of [key, items] pairs over RESP2 and a flat key, items, … map over RESP3. */
function streamsOf(reply: unknown): [Buffer, Items][] {
  if (!Array.isArray(reply) || reply.length === 0) return []
  if (Array.isArray(reply[0])) return reply as [Buffer, Items][]
  const pairs: [Buffer, Items][] = []
  for (let i = 0; i + 1 < reply.length; i += 2)
    pairs.push([reply[i] as Buffer, reply[i + 1] as Items])
  return pairs
}

export class StreamReader {
  private readonly subscriptions = new Map<string, Subscription>()
  private running = false
  private stopped: Promise<void> = Promise.resolve()

  constructor(
    private readonly redis: Redis,
    private readonly onError: (err: unknown) => void,
  ) {}

  subscribe(key: string, fromId: string, handler: EntryHandler): void {
    this.subscriptions.set(key, { lastId: fromId, handler })
    if (!this.running) this.start()
  }

  unsubscribe(key: string): void {
    this.subscriptions.delete(key)
  }

  /** The id of the newest entry handed on for this stream: everything up to it is applied. */
  lastId(key: string): string | null {
    return this.subscriptions.get(key)?.lastId ?? null
  }

  async stop(): Promise<void> {
    this.running = false
    await this.stopped
  }

  private start(): void {
    this.running = true
    this.stopped = this.loop()
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const keys = [...this.subscriptions.keys()]
      if (keys.length === 0) {
        this.running = false
        return
      }
      const ids = keys.map((key) => this.subscriptions.get(key)!.lastId)
      let reply: unknown
      try {
        reply = await this.redis.callBuffer(
          'XREAD',
          'COUNT',
          500,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...keys,
          ...ids,
        )
      } catch (err) {
        this.onError(err)
        await new Promise((resolve) => setTimeout(resolve, 250))
        continue
      }
      for (const [key, items] of streamsOf(reply)) {
        const subscription = this.subscriptions.get(key.toString())
        if (!subscription) continue
        const entries: StreamEntry[] = []
        for (const [id, fields] of items) {
          const entry = parseEntry(id, fields)
          subscription.lastId = id.toString()
          if (entry) entries.push(entry)
        }
        subscription.handler(entries)
      }
    }
  }
}
