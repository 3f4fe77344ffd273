// What a Yjs update would change in a document, worked out before it is applied: for every struct
// it inserts and every item it deletes, the top-level entry it lands in (root map, key, field).
// Pure: no sockets, and the document is only read. The rights check (rights.ts) judges the result.
import * as Y from 'yjs'

/** Where in the document a change lands. */
export interface Place {
  /** The root type's name: `items`, `votes`, `meta`, or whatever a hostile peer names. */
  readonly root: string
  /** The entry of the root map (an item id, a vote key, a meta field); null in a root list. */
  readonly key: string | null
  /** For a change inside the entry's map: its field; null for the entry itself. */
  readonly field: string | null
  /** 0 the root itself, 1 the entry, 2 a field of the entry's map, 3 inside that field's type. */
  readonly depth: number
  /** From depth 2: the entry's map (the document's, or one this update makes). */
  readonly entry: Y.AbstractType<unknown> | null
  /** From depth 2: the entry's map is made by this update (a new item), not the document's. */
  readonly fresh: boolean
  /** At depth 3: the field's type is a Y.Text (these are its letters). */
  readonly inText: boolean
}

export type Content = Y.Item['content']

export interface Change {
  place: Place
  /** What is written, or what is removed. */
  content: Content
  removal: boolean
}

export type Inspection =
  | {
      ok: true
      /** Inserted content and removed items; deleted-on-arrival content writes nothing, so none. */
      changes: Change[]
      /** Structs the document did not have yet (0: the update only deletes, or repeats). */
      newStructs: number
      /** Items the update deletes that the document still shows. */
      removals: number
    }
  | {
      ok: false
      reason: string
      /**
       * It builds on changes the relay lacks, as a client's edits do that overtake the sync step
       * 2 which brings those changes after a reconnect: it may apply once they have arrived.
       */
      waiting: boolean
    }

/** A struct whose parent Yjs would not find: it is stored as garbage, and changes nothing. */
const GONE = Symbol('gone')
/** A struct whose place is being worked out: meeting it again means the update is circular. */
const WORKING = Symbol('working')

class Missing extends Error {
  constructor(
    message: string,
    readonly waiting = false,
  ) {
    super(message)
  }
}

const LACKED = 'update builds on changes the relay lacks'

const ROOT_DEPTH = 0

export class UpdateInspector {
  /** The place of each of the document's types: types never move, so this never goes stale. */
  private readonly typePlaces = new WeakMap<Y.AbstractType<unknown>, Place>()

  constructor(private readonly doc: Y.Doc) {}

  inspect(update: Uint8Array): Inspection {
    try {
      return this.run(update)
    } catch (err) {
      if (err instanceof Missing) return { ok: false, reason: err.message, waiting: err.waiting }
      // A malformed update, or one built to exhaust the stack.
      return { ok: false, reason: 'update does not apply', waiting: false }
    }
  }

  private run(update: Uint8Array): Inspection {
    const { structs, ds } = Y.decodeUpdate(update)
    const store = this.doc.store
    const byClient = new Map<number, (Y.Item | Y.GC)[]>()
    const fresh: Y.Item[] = []
    let newStructs = 0
    for (const struct of structs) {
      if (struct instanceof Y.Skip) throw new Missing('update has a gap')
      const { client, clock } = struct.id
      const known = Y.getState(store, client)
      let list = byClient.get(client)
      if (!list) {
        // Later structs of a client follow its first; that one must follow what the doc has.
        if (clock > known) throw new Missing(LACKED, true)
        byClient.set(client, (list = []))
      }
      list.push(struct as Y.Item | Y.GC)
      if (clock + struct.length <= known) continue
      newStructs++
      if (struct instanceof Y.Item) fresh.push(struct)
    }
    const local = new Local(this, store, byClient)
    const changes: Change[] = []
    for (const item of fresh) {
      const place = local.placeOf(item)
      if (place !== GONE && !(item.content instanceof Y.ContentDeleted)) {
        changes.push({ place, content: item.content, removal: false })
      }
    }
    const removals = this.removals(ds, byClient, changes)
    return { ok: true, changes, newStructs, removals }
  }

  /** Items the delete set removes that the doc still shows; appended to `changes`. */
  private removals(
    ds: { clients: Map<number, { clock: number; len: number }[]> },
    byClient: Map<number, (Y.Item | Y.GC)[]>,
    changes: Change[],
  ): number {
    const store = this.doc.store
    let removed = 0
    for (const [client, ranges] of ds.clients) {
      const known = Y.getState(store, client)
      const last = byClient.get(client)?.at(-1)
      const end = Math.max(known, last ? last.id.clock + last.length : 0)
      const structs = store.clients.get(client)
      for (const { clock, len } of ranges) {
        // Yjs would keep the rest pending and delete it once it arrives, never inspected.
        if (clock + len > end) throw new Missing(LACKED, true)
        const stop = Math.min(clock + len, known)
        if (!structs || clock >= stop) continue
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const struct = structs[i]
          if (!struct || struct.id.clock >= stop) break
          if (!(struct instanceof Y.Item) || struct.deleted) continue
          removed++
          changes.push({
            place: this.placeOfDocItem(struct),
            content: struct.content,
            removal: true,
          })
        }
      }
    }
    return removed
  }

  /** The place of an item the document holds (integrated: its parent is a type). */
  placeOfDocItem(item: Y.Item): Place {
    const parent = item.parent as Y.AbstractType<unknown>
    return inside(this.placeOfDocType(parent), parent, false, item.parentSub)
  }

  placeOfDocType(type: Y.AbstractType<unknown>): Place {
    let place = this.typePlaces.get(type)
    if (!place) {
      place =
        type._item === null ? rootPlace(Y.findRootTypeKey(type)) : this.placeOfDocItem(type._item)
      this.typePlaces.set(type, place)
    }
    return place
  }
}

/** One update's structs: finds them by id and works out their places, once each. */
class Local {
  private readonly places = new Map<Y.Item, Place | typeof GONE | typeof WORKING>()

  constructor(
    private readonly inspector: UpdateInspector,
    private readonly store: Y.Doc['store'],
    private readonly byClient: Map<number, (Y.Item | Y.GC)[]>,
  ) {}

  /**
   * An item's place. An item with a left or right origin carries no parent in the encoding: it
   * sits where its origin sits, which may be in the doc or earlier in this update.
   */
  placeOf(start: Y.Item): Place | typeof GONE {
    const chain: Y.Item[] = []
    let current: Y.Item = start
    let place: Place | typeof GONE
    for (;;) {
      const known = this.places.get(current)
      if (known === WORKING) throw new Missing('update refers to itself in a circle')
      if (known !== undefined) {
        place = known
        break
      }
      this.places.set(current, WORKING)
      chain.push(current)
      // Yjs holds an item back until both its neighbours are there; the right one only so.
      if (current.origin && current.rightOrigin) this.find(current, current.rightOrigin)
      const parent = current.parent as unknown
      if (typeof parent === 'string') {
        place = inside(rootPlace(parent), null, false, current.parentSub)
        break
      }
      if (parent instanceof Y.ID) {
        place = this.insideParent(current, parent)
        break
      }
      const neighbour = current.origin ?? current.rightOrigin
      if (!neighbour) throw new Missing('item without parent or neighbour')
      const found = this.find(current, neighbour)
      if (!(found.struct instanceof Y.Item)) {
        place = GONE
        break
      }
      if (!found.local) {
        place = this.inspector.placeOfDocItem(found.struct)
        break
      }
      current = found.struct
    }
    for (const item of chain) this.places.set(item, place)
    return place
  }

  private insideParent(item: Y.Item, id: Y.ID): Place | typeof GONE {
    const found = this.find(item, id)
    const owner = found.struct
    if (!(owner instanceof Y.Item) || !(owner.content instanceof Y.ContentType)) return GONE
    const type = owner.content.type as Y.AbstractType<unknown>
    if (!found.local)
      return inside(this.inspector.placeOfDocType(type), type, false, item.parentSub)
    const ownerPlace = this.placeOf(owner)
    return ownerPlace === GONE ? GONE : inside(ownerPlace, type, true, item.parentSub)
  }

  /** The struct holding `id`: the doc's when it has that clock, else this update's. */
  private find(from: Y.Item, id: Y.ID): { struct: Y.Item | Y.GC; local: boolean } {
    if (id.client === from.id.client && id.clock >= from.id.clock) {
      throw new Missing('item refers to a later change of its own client')
    }
    if (id.clock < Y.getState(this.store, id.client)) {
      return { struct: Y.getItem(this.store, id) as Y.Item | Y.GC, local: false }
    }
    const list = this.byClient.get(id.client)
    let low = 0
    let high = (list?.length ?? 0) - 1
    while (list && low <= high) {
      const mid = (low + high) >> 1
      const struct = list[mid]!
      if (id.clock < struct.id.clock) high = mid - 1
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1
      else return { struct, local: true }
    }
    throw new Missing(LACKED, true)
  }
}

function rootPlace(root: string): Place {
  return {
    root,
    key: null,
    field: null,
    depth: ROOT_DEPTH,
    entry: null,
    fresh: false,
    inText: false,
  }
}

/** The place of an item inside `type`, whose own place is `outer`. */
function inside(
  outer: Place,
  type: Y.AbstractType<unknown> | null,
  typeIsNew: boolean,
  parentSub: string | null,
): Place {
  switch (outer.depth) {
    case ROOT_DEPTH:
      return { ...outer, key: parentSub, depth: 1 }
    case 1:
      return { ...outer, field: parentSub, depth: 2, entry: type, fresh: typeIsNew }
    case 2:
      return { ...outer, depth: 3, inText: type instanceof Y.Text }
    default:
      return { ...outer, depth: outer.depth + 1, inText: false }
  }
}
