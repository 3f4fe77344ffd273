// A simulated network of Y.Docs in the manner of yjs's TestConnector: each directed link queues
// the sender's own updates; the test delivers them in any order, cuts links (dropping whatever
// was in flight) and reconnects them with a state-vector sync, as y-websocket does on reconnect.
import * as Y from 'yjs'
import type { Random } from './random.ts'

/** Origin of updates that arrived over the network, so they are not sent on again. */
const REMOTE = Symbol('remote')

export class TestNetwork {
  readonly docs: Y.Doc[]
  private readonly queues = new Map<string, Uint8Array[]>()
  private readonly cut = new Set<string>()
  readonly stats = { delivered: 0, reordered: 0, dropped: 0, reconnects: 0 }

  constructor(
    count: number,
    private readonly random: Random,
  ) {
    this.docs = Array.from({ length: count }, () => new Y.Doc())
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return
        for (const to of this.docs.keys()) {
          if (to !== from && !this.cut.has(link(from, to))) this.queue(from, to).push(update)
        }
      })
    })
  }

  /** Delivers one queued update, not necessarily the oldest; false when nothing is in flight. */
  deliverOne(): boolean {
    const busy = [...this.queues.entries()].filter(([, queue]) => queue.length > 0)
    if (busy.length === 0) return false
    const [key, queue] = this.random.pick(busy)
    const index = this.random.int(queue.length)
    if (index > 0) this.stats.reordered++
    const [update] = queue.splice(index, 1)
    const to = Number(key.split('>')[1])
    if (update) Y.applyUpdate(this.docOf(to), update, REMOTE)
    this.stats.delivered++
    return true
  }

  /** Cuts the link between two peers; updates in flight on it are lost. */
  disconnect(a: number, b: number): void {
    for (const key of [link(a, b), link(b, a)]) {
      this.stats.dropped += this.queues.get(key)?.length ?? 0
      this.queues.delete(key)
      this.cut.add(key)
    }
  }

  /** Restores the link and exchanges what each side misses, computed from state vectors. */
  reconnect(a: number, b: number): void {
    this.cut.delete(link(a, b))
    this.cut.delete(link(b, a))
    this.syncPair(a, b)
    this.stats.reconnects++
  }

  get cutLinks(): [number, number][] {
    return [...this.cut].map((key) => key.split('>').map(Number) as [number, number])
  }

  /** Reconnects everything, delivers all in flight, then syncs every pair. */
  settle(): void {
    for (const [a, b] of this.cutLinks) this.reconnect(a, b)
    while (this.deliverOne());
    // Two rounds: after the first, peer 0 holds everything; the second passes it to all.
    for (let round = 0; round < 2; round++) {
      for (const b of this.docs.keys()) if (b > 0) this.syncPair(0, b)
    }
  }

  private syncPair(a: number, b: number): void {
    const docA = this.docOf(a)
    const docB = this.docOf(b)
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)), REMOTE)
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)), REMOTE)
  }

  private queue(from: number, to: number): Uint8Array[] {
    const key = link(from, to)
    const queue = this.queues.get(key) ?? []
    this.queues.set(key, queue)
    return queue
  }

  private docOf(index: number): Y.Doc {
    const doc = this.docs[index]
    if (!doc) throw new Error(`no peer ${index}`)
    return doc
  }
}

const link = (from: number, to: number) => `${from}>${to}`
