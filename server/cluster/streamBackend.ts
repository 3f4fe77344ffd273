// Several relay processes, one board: every document has a Redis stream holding the raw updates
// and presence that any process received. Each process reads the streams of the rooms it has
// loaded; one process at a time holds a lease per document and folds its stream into a
// PostgreSQL snapshot, then trims it. Modelled on the y-redis design (not its code).
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../log.ts'
import type { BoardEvent, RoomBackend } from '../relay/backend.ts'
import type { Room } from '../relay/room.ts'
import type { ClusterStore } from '../store/postgres.ts'
import type { DocKind, DocSource, StoredDoc } from '../store/types.ts'
import { StreamReader, parseEntry, type StreamEntry } from './streams.ts'

export interface ClusterOptions {
  redisUrl: string
  store: ClusterStore
  log: Logger
  onPersisted: (bytes: number) => void
  /** Key prefix, so several deployments (or test runs) can share one Redis. */
  prefix?: string
  /** How long a lease lives without renewal: how soon another process takes over. */
  leaseMs?: number
  /** How often a lease holder folds a grown stream into its snapshot. */
  compactEveryMs?: number
}

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

export class StreamBackend implements RoomBackend {
  readonly nodeId = randomBytes(8).toString('hex')
  private readonly me = this.nodeId
  private readonly prefix: string
  private readonly leaseMs: number
  private readonly compactEveryMs: number
  private readonly cmd: Redis
  private readonly reader: StreamReader
  private readonly readerConnection: Redis
  private readonly subscriber: Redis
  private readonly rooms = new Map<string, Room>()
  private readonly leases = new Set<string>()
  private readonly lastCompaction = new Map<string, number>()
  private readonly inFlight = new Set<Promise<unknown>>()
  private boardEvent: (event: BoardEvent) => Promise<void> = async () => {}
  private up = false
  private wasDown = false
  private readonly timer: NodeJS.Timeout

  constructor(private readonly options: ClusterOptions) {
    this.prefix = options.prefix ?? 'mdo'
    this.leaseMs = options.leaseMs ?? 15_000
    this.compactEveryMs = options.compactEveryMs ?? 5_000
    const connect = (name: string) =>
      new Redis(options.redisUrl, {
        connectionName: `mdo-${name}-${this.me}`,
        // Fail fast while Redis is away instead of queueing without bound; clients resync later.
        enableOfflineQueue: name !== 'cmd',
        maxRetriesPerRequest: name === 'cmd' ? 1 : null,
        retryStrategy: (times) => Math.min(times * 100, 1000),
      })
    this.cmd = connect('cmd')
    this.readerConnection = connect('reader')
    this.subscriber = connect('events')
    this.reader = new StreamReader(this.readerConnection, () => this.markDown())
    this.cmd.on('ready', () => this.markUp())
    this.cmd.on('close', () => this.markDown())
    this.cmd.on('error', () => undefined) // 'close' follows; ioredis reconnects by itself
    this.readerConnection.on('error', () => undefined)
    this.subscriber.on('error', () => undefined)
    void this.subscriber.subscribe(this.channel).catch(() => undefined)
    this.subscriber.on('message', (_channel: string, message: string) => this.onMessage(message))
    this.timer = setInterval(() => void this.tick(), Math.max(50, Math.floor(this.leaseMs / 3)))
  }

  /** Resolves once Redis answers; a relay starts serving only then. */
  async ready(timeoutMs = 10_000): Promise<void> {
    if (this.cmd.status === 'ready') return
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('redis did not answer in time')), timeoutMs)
      this.cmd.once('ready', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  async open(room: Room): Promise<StoredDoc> {
    const key = this.streamKey(room)
    const { snapshot, streamId } = await this.options.store.loadSnapshot(room.boardId, room.kind)
    const raw = (await this.cmd.callBuffer(
      'XRANGE',
      key,
      streamId ? `(${streamId}` : '-',
      '+',
    )) as [Buffer, Buffer[]][]
    const updates: Uint8Array[] = []
    let lastId = streamId ?? '0-0'
    for (const [id, fields] of raw) {
      lastId = id.toString()
      const entry = parseEntry(id, fields)
      if (entry?.type === 'u') updates.push(entry.data)
    }
    this.rooms.set(key, room)
    this.reader.subscribe(key, lastId, (entries) => this.deliver(room, entries))
    return { snapshot, updates }
  }

  /**
   * The stream is read before the snapshot: a compaction saves its snapshot before it trims, so
   * whatever the stream had lost by then is in the snapshot read after it. Entries the snapshot
   * holds already are left out.
   */
  async read(boardId: string, kind: DocKind): Promise<DocSource> {
    // Answered as storage briefly unavailable (503), as the relay answers PostgreSQL being away.
    if (!this.up) throw Object.assign(new Error('redis is unreachable'), { code: 'ECONNREFUSED' })
    await this.flush()
    const key = this.docKey(boardId, kind)
    const raw = (await this.cmd.callBuffer('XRANGE', key, '-', '+')) as [Buffer, Buffer[]][]
    const { snapshot, streamId } = await this.options.store.loadSnapshot(boardId, kind)
    const updates: Uint8Array[] = []
    for (const [id, fields] of raw) {
      const entry = parseEntry(id, fields)
      const held = streamId !== null && !isAfter(entry?.id ?? '0-0', streamId)
      if (entry?.type === 'u' && !held) updates.push(entry.data)
    }
    return { from: 'rows', snapshot, updates }
  }

  persist(room: Room, update: Uint8Array): void {
    this.append(room, 'u', update)
  }

  shareAwareness(room: Room, update: Uint8Array): void {
    this.append(room, 'a', update)
  }

  async compact(room: Room): Promise<void> {
    const key = this.streamKey(room)
    if (!(await this.holdLease(room))) return
    // Every entry up to `mark` has reached this room's doc (the others' through the reader, ours
    // when we sent it), so the snapshot holds them all and the stream can drop what lies before.
    const mark = this.reader.lastId(key) ?? '0-0'
    const snapshot = room.encodeSnapshot()
    await this.options.store.saveSnapshot(room.boardId, room.kind, snapshot, mark)
    await this.cmd.xtrim(key, 'MINID', mark)
    this.lastCompaction.set(key, Date.now())
  }

  async close(room: Room): Promise<void> {
    const key = this.streamKey(room)
    this.reader.unsubscribe(key)
    this.rooms.delete(key)
    this.lastCompaction.delete(key)
    if (this.leases.delete(key)) {
      await this.cmd.eval(RELEASE, 1, this.leaseKey(room), this.me).catch(() => undefined)
    }
  }

  async forget(boardId: string): Promise<void> {
    const keys: string[] = []
    for (const kind of ['content', 'control']) {
      const key = `${this.prefix}:doc:${boardId}:${kind}`
      this.reader.unsubscribe(key)
      this.rooms.delete(key)
      this.leases.delete(key)
      keys.push(key, `${this.prefix}:lease:${boardId}:${kind}`)
    }
    await this.cmd.del(...keys).catch(() => undefined)
  }

  async flush(): Promise<void> {
    await Promise.all([...this.inFlight])
  }

  healthy(): boolean {
    return this.up
  }

  async announce(event: BoardEvent): Promise<void> {
    await this.boardEvent(event)
    try {
      await this.cmd.publish(this.channel, JSON.stringify({ origin: this.me, event }))
    } catch (err) {
      this.options.log.error('could not tell the other relays', { error: String(err) })
    }
  }

  onBoardEvent(handler: (event: BoardEvent) => Promise<void>): void {
    this.boardEvent = handler
  }

  async shutdown(): Promise<void> {
    clearInterval(this.timer)
    await this.flush()
    for (const room of [...this.rooms.values()]) await this.close(room)
    await this.reader.stop()
    for (const connection of [this.cmd, this.readerConnection, this.subscriber])
      connection.disconnect()
  }

  private get channel(): string {
    return `${this.prefix}:events`
  }

  private streamKey(room: Room): string {
    return this.docKey(room.boardId, room.kind)
  }

  private docKey(boardId: string, kind: DocKind): string {
    return `${this.prefix}:doc:${boardId}:${kind}`
  }

  private leaseKey(room: Room): string {
    return `${this.prefix}:lease:${room.boardId}:${room.kind}`
  }

  private append(room: Room, type: 'u' | 'a', data: Uint8Array): void {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    const write = this.cmd
      .xadd(this.streamKey(room), '*', 't', type, 'd', bytes, 'p', this.me)
      .then(
        () => type === 'u' && this.options.onPersisted(bytes.byteLength),
        // The peers here have it already; the others get it when their clients resync.
        () => this.markDown(),
      )
      .finally(() => this.inFlight.delete(write))
    this.inFlight.add(write)
  }

  private deliver(room: Room, entries: StreamEntry[]): void {
    for (const entry of entries) {
      if (entry.origin === this.me) continue
      if (entry.type === 'u') room.receiveRemoteUpdate(entry.data)
      else room.receiveRemoteAwareness(entry.data)
    }
  }

  private onMessage(message: string): void {
    try {
      const { origin, event } = JSON.parse(message) as { origin: string; event: BoardEvent }
      if (origin !== this.me) void this.boardEvent(event)
    } catch {
      // not ours
    }
  }

  private async holdLease(room: Room): Promise<boolean> {
    const key = this.streamKey(room)
    if (this.leases.has(key)) return true
    const won = await this.cmd
      .set(this.leaseKey(room), this.me, 'PX', this.leaseMs, 'NX')
      .catch(() => null)
    if (won === 'OK') this.leases.add(key)
    return won === 'OK'
  }

  /** Renews or takes leases, and lets lease holders fold their grown streams. */
  private async tick(): Promise<void> {
    if (!this.up) return
    for (const [key, room] of this.rooms) {
      try {
        if (this.leases.has(key)) {
          const renewed = await this.cmd.eval(RENEW, 1, this.leaseKey(room), this.me, this.leaseMs)
          if (renewed !== 1) this.leases.delete(key)
        }
        const due = Date.now() - (this.lastCompaction.get(key) ?? 0) >= this.compactEveryMs
        if (due && room.loggedRowCount > 0) await this.compact(room)
      } catch (err) {
        this.options.log.warn('lease or compaction failed', {
          board: room.boardId,
          error: String(err),
        })
      }
    }
  }

  private markDown(): void {
    if (this.up) this.options.log.warn('redis unreachable: serving connected clients only')
    this.up = false
    this.wasDown = true
  }

  private markUp(): void {
    this.up = true
    if (!this.wasDown) return
    this.wasDown = false
    this.options.log.info('redis back: sharing every loaded document again')
    // Redis may have restarted empty, and the other relays missed what this one received while it
    // was away: hand them this room's whole state, and ask the clients here for anything more.
    for (const room of this.rooms.values()) {
      this.append(room, 'u', room.fullState())
      room.requestResync()
    }
  }
}

/** Whether stream id `a` ("ms-seq") comes after `b`. */
function isAfter(a: string, b: string): boolean {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map(BigInt)
  const [bMs = 0n, bSeq = 0n] = b.split('-').map(BigInt)
  return aMs > bMs || (aMs === bMs && aSeq > bSeq)
}
