// What the board shows, kept up to date item by item: a change re-reads only the items it touched
// (and the arrows and children that depend on them), so a big board stays cheap to edit and React
// can skip every item whose snapshot object did not change. Shows the same items as readBoard.
import RBush from 'rbush'
import type * as Y from 'yjs'
import {
  canHaveParent,
  compareByZ,
  isContainer,
  ITEMS_MAP,
  META_MAP,
  readItem,
  readMeta,
  type BoardMeta,
  type Item,
  type ItemId,
  type Problem,
  type ShownBoard,
} from '../../../shared/index.ts'
import {
  addTo,
  boxOf,
  compareProblems,
  removeFrom,
  sameBox,
  sameData,
  unionOf,
  type Box,
} from './indexHelpers.ts'

export type { Box }

interface Entry extends Box {
  id: ItemId
}

export class BoardIndex {
  /** Increases on every change to the items or the meta. */
  version = 0
  problems: readonly Problem[] = []

  private readonly items: Y.Map<unknown>
  /** Items that are valid on their own, before links between items are checked. */
  private readonly raw = new Map<string, Item>()
  /** What the board shows: valid, with working arrow ends and a parent that exists. */
  private readonly shown = new Map<ItemId, Item>()
  private readonly itemProblems = new Map<string, Problem>()
  private readonly linkProblems = new Map<string, Problem>()
  private readonly arrowsAt = new Map<string, Set<ItemId>>()
  private readonly childIds = new Map<string, Set<ItemId>>()
  private readonly entries = new Map<ItemId, Entry>()
  private readonly tree = new RBush<Entry>()
  /** Entries waiting for one bulk load into the empty tree, during the first big update. */
  private pending: Entry[] | null = null
  private readonly listeners = new Set<() => void>()
  // Caches stay the same object until their content changes, so React can compare by identity.
  private sorted: readonly Item[] | null = null
  private readonly children = new Map<string, Item[]>()
  private extent: Box | null | undefined = undefined
  private metaCache: BoardMeta
  private readonly repairedFrom = new WeakMap<Item, Item>()
  /** Items shown from the relay's JSON (seed) that the document has not yet confirmed. */
  private unconfirmed: Set<string> | null = null

  constructor(private readonly doc: Y.Doc) {
    this.items = doc.getMap<unknown>(ITEMS_MAP)
    this.metaCache = readMeta(doc)
    this.update(new Set(this.items.keys()))
    this.items.observeDeep(this.onItems)
    doc.getMap<unknown>(META_MAP).observe(this.onMeta)
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get(id: ItemId): Item | undefined {
    return this.shown.get(id)
  }

  /** Sorted bottom to top, by z then id. */
  all(): readonly Item[] {
    this.sorted ??= [...this.shown.values()].sort(compareByZ)
    return this.sorted
  }

  /** Items whose bounds intersect the box (arrows span their two ends), bottom to top. */
  search(box: Box): Item[] {
    return this.tree
      .search(box)
      .flatMap((entry) => this.shown.get(entry.id) ?? [])
      .sort(compareByZ)
  }

  childrenOf(id: ItemId): Item[] {
    let list = this.children.get(id)
    if (!list) {
      const ids = this.childIds.get(id) ?? []
      list = [...ids].flatMap((child) => this.shown.get(child) ?? []).sort(compareByZ)
      list = list.filter((child) => child.parent === id)
      this.children.set(id, list)
    }
    return list
  }

  bounds(): Box | null {
    if (this.extent === undefined) {
      let box: Box | null = null
      for (const entry of this.entries.values()) box = box ? unionOf(box, entry) : entry
      this.extent = box && { minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY }
    }
    return this.extent
  }

  /** Title, template and creation time; defaults until the board has synced. */
  meta(): BoardMeta {
    return this.metaCache
  }

  /**
   * Shows the board the relay sent as JSON while the document is still on its way. The document's
   * first change then re-reads every item, and each one it says the same of keeps its object, so
   * React redraws only what changed in between.
   */
  seed(board: ShownBoard): void {
    if (this.raw.size > 0 || this.items.size > 0) return
    this.metaCache = board.meta
    for (const item of board.items) {
      this.raw.set(item.id, item)
      this.link(item)
    }
    this.unconfirmed = new Set(this.raw.keys())
    this.rederive(this.unconfirmed)
    this.changed()
  }

  destroy(): void {
    this.items.unobserveDeep(this.onItems)
    this.doc.getMap<unknown>(META_MAP).unobserve(this.onMeta)
    this.listeners.clear()
  }

  private readonly onItems = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const keys = new Set<string>()
    for (const event of events) {
      if (event.target === this.items) {
        for (const key of event.changes.keys.keys()) keys.add(key)
      } else {
        const key = event.path[0]
        if (typeof key === 'string') keys.add(key)
      }
    }
    // Seeded items the document lacks were deleted meanwhile: re-reading removes them.
    for (const key of this.unconfirmed ?? []) keys.add(key)
    this.unconfirmed = null
    this.update(keys)
    this.changed()
  }

  private readonly onMeta = () => {
    this.metaCache = readMeta(this.doc)
    this.changed()
  }

  private changed() {
    this.version++
    for (const listener of [...this.listeners]) listener()
  }

  private update(keys: Set<string>) {
    for (const key of keys) this.reread(key)
    this.rederive(keys)
  }

  /** Derives what shows for the re-read items and all that depends on them. */
  private rederive(keys: Set<string>) {
    // An arrow depends on its ends, and an item's parent must still be a container.
    const affected = new Set<string>(keys)
    for (const key of keys) {
      for (const id of this.arrowsAt.get(key) ?? []) {
        affected.add(id)
        // Only a hostile doc parents items to an arrow, but whether that arrow shows decides them.
        for (const child of this.childIds.get(id) ?? []) affected.add(child)
      }
      for (const id of this.childIds.get(key) ?? []) affected.add(id)
    }
    let problemsChanged = keys.size > 0
    // A whole board (the first sync, or the copy on this device) goes into the empty tree in one
    // bulk load: faster than inserting item by item, and the tree it builds answers faster.
    if (this.entries.size === 0) this.pending = []
    for (const id of affected) problemsChanged = this.derive(id as ItemId) || problemsChanged
    if (this.pending) this.tree.load(this.pending)
    this.pending = null
    if (problemsChanged) {
      this.problems = [...this.itemProblems.values(), ...this.linkProblems.values()].sort(
        compareProblems,
      )
    }
  }

  private reread(key: string) {
    const old = this.raw.get(key)
    if (old) this.unlink(old)
    this.raw.delete(key)
    this.itemProblems.delete(key)
    if (!this.items.has(key)) return
    const reading = readItem(this.items.get(key), key)
    if (reading.ok) {
      // Unchanged (a seeded item the document confirms): the same object, so nothing redraws.
      const item = old && sameData(old, reading.item) ? old : reading.item
      this.raw.set(key, item)
      this.link(item)
    } else {
      this.itemProblems.set(key, reading.problem)
    }
  }

  private link(item: Item) {
    if (item.type === 'arrow') {
      addTo(this.arrowsAt, item.from, item.id)
      addTo(this.arrowsAt, item.to, item.id)
    }
    if (item.parent !== undefined) addTo(this.childIds, item.parent, item.id)
  }

  private unlink(item: Item) {
    if (item.type === 'arrow') {
      removeFrom(this.arrowsAt, item.from, item.id)
      removeFrom(this.arrowsAt, item.to, item.id)
    }
    if (item.parent !== undefined) removeFrom(this.childIds, item.parent, item.id)
  }

  /** Decides what the board shows for one id; returns whether its link problem changed. */
  private derive(id: ItemId): boolean {
    const before = this.shown.get(id)
    const oldReason = this.linkProblems.get(id)?.reason
    const raw = this.raw.get(id)
    let next = raw
    let reason: string | undefined
    if (raw?.type === 'arrow') {
      reason = this.arrowProblem(raw.from, raw.to)
      if (reason) next = undefined
    }
    if (next && next.parent !== undefined) {
      const parentReason = this.parentProblem(next, next.parent)
      if (parentReason) {
        reason = `${parentReason}; parent cleared`
        // The same repair of the same raw item keeps its object, so React sees no change.
        if (before && this.repairedFrom.get(before) === raw) next = before
        else {
          next = { ...next }
          delete next.parent
          if (raw) this.repairedFrom.set(next, raw)
        }
      }
    }
    if (reason) this.linkProblems.set(id, { id, reason })
    else this.linkProblems.delete(id)
    if (next !== before) this.replace(id, before, next)
    // An arrow's extent follows its ends even when the arrow itself did not change.
    this.place(id, next)
    return reason !== oldReason
  }

  private replace(id: ItemId, before: Item | undefined, next: Item | undefined) {
    if (next) this.shown.set(id, next)
    else this.shown.delete(id)
    if (before?.parent !== undefined) this.children.delete(before.parent)
    if (next?.parent !== undefined) this.children.delete(next.parent)
    this.sorted = null
  }

  private place(id: ItemId, item: Item | undefined) {
    const old = this.entries.get(id)
    const box = item && this.extentOf(item)
    if (old === box || (old && box && sameBox(old, box))) return
    if (old) this.tree.remove(old)
    this.entries.delete(id)
    if (box) {
      const entry = { ...box, id }
      this.entries.set(id, entry)
      if (this.pending) this.pending.push(entry)
      else this.tree.insert(entry)
    }
    this.extent = undefined
  }

  private extentOf(item: Item): Box {
    if (item.type !== 'arrow') return boxOf(item)
    const from = this.raw.get(item.from)
    const to = this.raw.get(item.to)
    if (!from || !to) return boxOf(item)
    return unionOf(boxOf(from), boxOf(to))
  }

  private arrowProblem(from: string, to: string): string | undefined {
    if (from === to) return 'arrow starts and ends at the same item'
    for (const end of [from, to]) {
      const target = this.raw.get(end)
      if (!target) return `arrow end ${end} is missing`
      if (target.type === 'arrow') return `arrow end ${end} is another arrow`
    }
    return undefined
  }

  private parentProblem(item: Item, parentId: string): string | undefined {
    if (!canHaveParent(item)) return `a ${item.type} cannot belong to another item`
    const parent = this.raw.get(parentId)
    // A broken arrow is not on the board, so to its would-be children it is missing.
    const gone = parent?.type === 'arrow' && this.arrowProblem(parent.from, parent.to)
    if (!parent || gone) return `parent ${parentId} is missing`
    if (!isContainer(parent)) return `parent ${parentId} is a ${parent.type}, not a circle or box`
    return undefined
  }
}
