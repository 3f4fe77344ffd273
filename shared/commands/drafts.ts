// The reveal of a private round (Ik-ronde): what a participant wrote stayed on their device as
// drafts; now each becomes a sticky on the board. The sticky's id comes from the draft's id, so
// publishing twice (a reload mid-reveal, a second tab) adds nothing the second time. An anonymous
// round's drafts are written under a fresh client id (anonymous.ts), without a name.
import type * as Y from 'yjs'
import { transactAnonymously } from '../anonymous.ts'
import { BoardError } from '../errors.ts'
import type { ItemId } from '../ids.ts'
import { itemsMap, readBoard } from '../read.ts'
import { LIMITS, STICKY_KIND_VALUES, isContainer, type Item, type StickyKind } from '../schema.ts'
import { placeInContainer, type Rect } from '../placement.ts'
import { STICKY_SIZE } from './create.ts'
import { checkItem, insertItem, requireItem, writeFields, zKeysOnTop } from './write.ts'

const DRAFT_ID = /^[A-Za-z0-9_-]{8,48}$/

export interface Draft {
  /** Random, made on the author's device; the sticky becomes `sticky:d-<id>`. */
  id: string
  round: string
  kind: StickyKind
  text: string
  /** A circle or box the author meant it for. */
  parent?: ItemId
}

export function draftStickyId(draftId: string): ItemId {
  if (!DRAFT_ID.test(draftId)) throw new BoardError(`not a draft id: ${draftId}`)
  return `sticky:d-${draftId}` as ItemId
}

/** Small deterministic spread, so stickies published at the same moment do not hide each other. */
function spread(id: string, range: number): number {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  return hash % Math.max(1, range)
}

export interface PublishOptions {
  /** The name shown on the stickies; left out, and ignored when anonymous. */
  author?: string
  /** Nothing in the update ties the stickies to the device that wrote them (anonymous.ts). */
  anonymous?: boolean
}

/**
 * Puts the drafts on the board in one transaction, with the author's name unless the round is
 * anonymous. A draft for a circle or box lands inside it; others land in a column per kind to
 * the right of the board. Returns the ids of the stickies it added (not those already there).
 */
export function publishDrafts(
  doc: Y.Doc,
  drafts: readonly Draft[],
  opts: PublishOptions,
  origin?: unknown,
): ItemId[] {
  if (!opts.anonymous) return insertDrafts(doc, drafts, opts.author, origin)
  if (drafts.every((draft) => itemsMap(doc).has(draftStickyId(draft.id)))) return []
  return transactAnonymously(doc, (scratch) => insertDrafts(scratch, drafts, undefined), origin)
}

function insertDrafts(
  doc: Y.Doc,
  drafts: readonly Draft[],
  name: string | undefined,
  origin?: unknown,
): ItemId[] {
  const { items } = readBoard(doc)
  const byId = new Map(items.map((item) => [item.id, item]))
  const fresh = drafts.filter((draft) => !itemsMap(doc).has(draftStickyId(draft.id)))
  if (fresh.length === 0) return []
  // The columns stand right of the board itself, not of earlier revealed drafts.
  const board = items.filter((item) => !(item.id.startsWith('sticky:d-') && !item.parent))
  const right = board.reduce((max, item) => Math.max(max, item.x + item.w), 0) + 120
  const top = board.reduce((min, item) => Math.min(min, item.y), 0)
  const stacked = new Map<string, number>()
  const keys = zKeysOnTop(doc, fresh.length)
  const author = name?.trim().slice(0, LIMITS.shortText) || undefined
  const spots = spotsInContainers(items, fresh)
  const stickies: Item[] = fresh.map((draft, i) => {
    const parent = draft.parent ? byId.get(draft.parent) : undefined
    const container = parent && isContainer(parent) ? parent : undefined
    const { w, h } = STICKY_SIZE
    let x: number
    let y: number
    if (container) {
      // A free place in it (placement.ts), so no revealed point covers another.
      ;({ x, y } = spots.get(draft.id) ?? container)
    } else {
      const column = STICKY_KIND_VALUES.indexOf(draft.kind)
      const below = (stacked.get(draft.kind) ?? countInColumn(items, right, column)) + 1
      stacked.set(draft.kind, below)
      x = right + column * (w + 40) + spread(draft.id, 30)
      y = top + (below - 1) * (h + 20) + spread(`${draft.id}y`, 40)
    }
    return {
      id: draftStickyId(draft.id),
      type: 'sticky',
      kind: draft.kind,
      text: draft.text.slice(0, LIMITS.textLength),
      x: Math.round(x),
      y: Math.round(y),
      w,
      h,
      z: keys[i] ?? '',
      parent: container?.id,
      author,
    }
  })
  for (const sticky of stickies) checkItem(sticky)
  doc.transact(() => stickies.forEach((sticky) => insertItem(doc, sticky)), origin)
  return stickies.map((sticky) => sticky.id)
}

/** Per draft meant for a circle or box, a free place there, clear of what it already holds. */
function spotsInContainers(items: readonly Item[], drafts: readonly Draft[]) {
  const spots = new Map<string, { x: number; y: number }>()
  for (const container of items.filter(isContainer)) {
    const mine = drafts.filter((draft) => draft.parent === container.id)
    if (mine.length === 0) continue
    const held = items.filter((item) => item.parent === container.id && item.type !== 'arrow')
    const places = placeInContainer(container, held, STICKY_SIZE, mine.length)
    mine.forEach((draft, i) => spots.set(draft.id, places[i] ?? container))
  }
  return spots
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/**
 * Two devices that reveal at the same moment each place their points on a board that does not
 * hold the other's yet, so both can pick the same free spot. One device (the voorzitter's) passes
 * the points that just arrived from elsewhere here: each that covers something already in its
 * circle or box, or an arrival with a smaller id, moves to a free place there. Nothing else
 * moves, so a point someone laid on another on purpose stays. The move is written anonymously
 * (anonymous.ts), so it ties no point to the device that moved it. Returns the ids it moved.
 */
export function spaceArrivedDrafts(
  doc: Y.Doc,
  arrived: readonly ItemId[],
  origin?: unknown,
): ItemId[] {
  const { items } = readBoard(doc)
  const fresh = new Set(arrived.filter((id) => id.startsWith('sticky:d-')))
  const moves: { id: ItemId; x: number; y: number }[] = []
  for (const container of items.filter(isContainer)) {
    const held = items.filter((item) => item.parent === container.id && item.type !== 'arrow')
    const settled = held.filter((item) => !fresh.has(item.id))
    const arrivals = held
      .filter((item) => fresh.has(item.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
    for (const item of arrivals) {
      if (settled.some((other) => overlaps(item, other))) {
        const [at = item] = placeInContainer(container, settled, { w: item.w, h: item.h })
        checkItem({ ...item, ...at })
        moves.push({ id: item.id, ...at })
        settled.push({ ...item, ...at })
      } else settled.push(item)
    }
  }
  if (moves.length === 0) return []
  transactAnonymously(
    doc,
    (scratch) => {
      for (const { id, x, y } of moves) writeFields(requireItem(scratch, id).map, { x, y })
    },
    origin,
  )
  return moves.map((move) => move.id)
}

/** Published stickies already in a kind's column, so a later reveal stacks below them. */
function countInColumn(items: readonly Item[], right: number, column: number): number {
  const x0 = right + column * (STICKY_SIZE.w + 40)
  return items.filter(
    (item) =>
      item.type === 'sticky' && item.parent === undefined && item.x >= x0 && item.x < x0 + 40,
  ).length
}

export function isDraftId(value: unknown): value is string {
  return typeof value === 'string' && DRAFT_ID.test(value)
}

/** Drafts are read from the device's own store, which a bug could still have damaged. */
export function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false
  const d = value as Record<string, unknown>
  return (
    isDraftId(d.id) &&
    typeof d.round === 'string' &&
    typeof d.text === 'string' &&
    (STICKY_KIND_VALUES as readonly unknown[]).includes(d.kind) &&
    (d.parent === undefined || typeof d.parent === 'string')
  )
}
