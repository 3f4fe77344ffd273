// What each link may write to a board's content document, judged on an update's inspection
// (inspect.ts) before it is applied: the schema's roots and fields, the voorzitter's locks (the
// rule in shared/control.ts, the same the client's command gate uses), authors, and dots.
import * as Y from 'yjs'
import { lockRefusal, type ChangeKind, type ControlState } from '../../shared/control.ts'
import { isItemId, type ItemId } from '../../shared/ids.ts'
import {
  ITEMS_MAP,
  META_MAP,
  metaSchemas,
  SNAPSHOT_SCHEMAS,
  TEXT_FIELDS,
  isItemType,
  type ItemType,
} from '../../shared/schema.ts'
import { dotsAccepted, isDotList, parseVoteKey, VOTES_MAP } from '../../shared/votes.ts'
import type { Role } from '../store/types.ts'
import type { Change, Place } from './inspect.ts'

export interface RightsContext {
  role: Role
  control: ControlState
  /** The document's items map as it is before the update. */
  items: Y.Map<unknown>
  /** Ties the voter to the sending connection; false when another connection holds it. */
  claimVoter(votingId: string, voterId: string): boolean
}

const META_FIELDS: ReadonlySet<string> = new Set(Object.keys(metaSchemas))

function perType(fields: (type: ItemType) => Iterable<string>): Record<ItemType, Set<string>> {
  const sets = {} as Record<ItemType, Set<string>>
  for (const type of Object.keys(TEXT_FIELDS) as ItemType[]) sets[type] = new Set(fields(type))
  return sets
}
const ITEM_FIELDS = perType((type) =>
  Object.keys((SNAPSHOT_SCHEMAS[type] as unknown as { shape: object }).shape),
)
const TEXTS = perType((type) => TEXT_FIELDS[type])
// An item whose type is missing or unknown (readers skip it) may hold what some type knows.
const ANY_FIELD = new Set(Object.values(ITEM_FIELDS).flatMap((fields) => [...fields]))
const ANY_TEXT = new Set(Object.values(TEXTS).flatMap((fields) => [...fields]))

/** Draft stickies (shared/commands/drafts.ts) are `sticky:d-<draft id>`. */
const DRAFT_PREFIX = 'sticky:d-'

/** What the update does to one item: what the lock rule needs to know. */
interface ItemTouch {
  /** Circles or boxes it is written into. */
  parents: Set<ItemId>
  /** Only a new map for an id no item on the board has: a new item, not a change of one. */
  created: boolean
}

/** Why the update may not be applied, or null when it may. */
export function refusal(changes: readonly Change[], ctx: RightsContext): string | null {
  const { control } = ctx
  // The common case: nothing is locked, the meeting is on, or the voorzitter writes.
  const locks =
    ctx.role !== 'facilitator' &&
    (control.ended || control.boardLocked || control.lockedItems.length > 0)
  const typesOfNew = typesOfNewItems(changes)
  const touched = new Map<string, ItemTouch>()
  let voted = false
  let otherEdit = false
  for (const change of changes) {
    const { place } = change
    const problem =
      place.root === ITEMS_MAP
        ? itemProblem(change, typesOfNew, ctx.role)
        : place.root === VOTES_MAP
          ? voteProblem(change, ctx)
          : change.removal
            ? null // taking away what a screen never showed is cleaning up
            : place.root === META_MAP
              ? metaProblem(change)
              : `unknown root type ${quote(place.root)}`
    if (problem) return problem
    if (!locks) continue
    if (place.root === VOTES_MAP) voted = true
    else if (place.root === ITEMS_MAP) touch(touched, change, ctx.items)
    else otherEdit = true
  }
  return locks ? lockProblem(control, touched, voted, otherEdit) : null
}

function itemProblem(
  change: Change,
  typesOfNew: Map<Y.AbstractType<unknown>, unknown>,
  role: Role,
): string | null {
  const { place, content, removal } = change
  if (place.key === null) return `${ITEMS_MAP} is a map, not a list`
  // Once on the board, a sticky's author is the voorzitter's to change alone: a participant may
  // name one only on a sticky it makes (a revealed draft), as people name themselves on joining.
  if (place.depth === 2 && place.field === 'author' && !place.fresh && role !== 'facilitator') {
    return `forged author on ${quote(place.key)}`
  }
  if (removal) return null
  switch (place.depth) {
    case 1:
      // A plain value is no item, and readers skip it; any other Yjs type is not in the schema.
      return content instanceof Y.ContentAny ||
        (content instanceof Y.ContentType && content.type instanceof Y.Map)
        ? null
        : `item ${quote(place.key)} is not a map`
    case 2:
      return fieldProblem(place, content, typesOfNew)
    case 3:
      return place.inText && content instanceof Y.ContentString
        ? null
        : `${quote(place.key)}.${quote(place.field)} holds no such content`
    default:
      return `${quote(place.key)} is written deeper than the schema goes`
  }
}

function fieldProblem(
  place: Place,
  content: Change['content'],
  typesOfNew: Map<Y.AbstractType<unknown>, unknown>,
): string | null {
  const field = place.field ?? ''
  const type = place.fresh ? typesOfNew.get(place.entry!) : place.entry?._map.get('type')
  const declared = type === undefined ? undefined : currentValue(type)
  const known = isItemType(declared) ? ITEM_FIELDS[declared] : ANY_FIELD
  if (!known.has(field)) return `unknown field ${quote(field)} on ${quote(place.key)}`
  if (content instanceof Y.ContentAny) return null
  const texts = isItemType(declared) ? TEXTS[declared] : ANY_TEXT
  if (content instanceof Y.ContentType && content.type instanceof Y.Text && texts.has(field)) {
    return null
  }
  return `${quote(place.key)}.${quote(field)} holds no such content`
}

/** The `type` each new item's map is given in this update. */
function typesOfNewItems(changes: readonly Change[]): Map<Y.AbstractType<unknown>, unknown> {
  const types = new Map<Y.AbstractType<unknown>, unknown>()
  for (const { place, content, removal } of changes) {
    if (place.fresh && place.depth === 2 && place.field === 'type' && !removal) {
      types.set(place.entry!, content instanceof Y.ContentAny ? content.arr.at(-1) : undefined)
    }
  }
  return types
}

/** A map entry's value as Yjs reads it: the last value of its item. */
function currentValue(value: unknown): unknown {
  if (value instanceof Y.Item) {
    return value.deleted ? undefined : value.content.getContent()[value.length - 1]
  }
  return value
}

function metaProblem({ place, content }: Change): string | null {
  if (place.depth !== 1 || place.key === null || !META_FIELDS.has(place.key)) {
    return `unknown board field ${quote(place.key ?? '')}`
  }
  return content instanceof Y.ContentAny ? null : `board field ${quote(place.key)} is plain`
}

/**
 * Dots: only the current vote's, while it takes them, within the budget, and for one voter per
 * connection (the first it writes), which no other open connection holds.
 */
function voteProblem({ place, content, removal }: Change, ctx: RightsContext): string | null {
  const vote = place.key === null ? null : parseVoteKey(place.key)
  if (!vote || (place.depth !== 1 && !removal)) return `not a vote: ${quote(place.key ?? '')}`
  const { voting } = ctx.control
  if (!dotsAccepted(voting) || voting.id !== vote.votingId) {
    return 'dots for a vote that does not take them now'
  }
  if (!ctx.claimVoter(vote.votingId, vote.voterId)) return 'dots of another voter'
  if (removal) return null
  return content instanceof Y.ContentAny &&
    content.arr.length === 1 &&
    isDotList(content.arr[0], voting.budget)
    ? null
    : 'more dots than the budget, or not a list of dots'
}

function touch(touched: Map<string, ItemTouch>, change: Change, items: Y.Map<unknown>): void {
  const key = change.place.key!
  let entry = touched.get(key)
  if (!entry) {
    entry = { parents: new Set(), created: !items.has(key) }
    const current = items.get(key)
    const parent = current instanceof Y.Map ? current.get('parent') : undefined
    if (isItemId(parent)) entry.parents.add(parent)
    touched.set(key, entry)
  }
  const { place, content, removal } = change
  if (place.depth >= 2 && !place.fresh) entry.created = false
  if (place.depth === 2 && place.field === 'parent' && content instanceof Y.ContentAny) {
    const parent = content.arr.at(-1)
    if (!removal && isItemId(parent)) entry.parents.add(parent)
  }
}

function lockProblem(
  control: ControlState,
  touched: Map<string, ItemTouch>,
  voted: boolean,
  otherEdit: boolean,
): string | null {
  if (voted && lockRefusal(control, 'vote', [])) return 'the meeting has ended'
  if (otherEdit && lockRefusal(control, 'edit', [])) return 'the board is locked'
  for (const [id, { parents, created }] of touched) {
    const kind: ChangeKind = created && id.startsWith(DRAFT_PREFIX) ? 'publish' : 'edit'
    const places = parents.size === 0 ? [undefined] : [...parents]
    const items = places.map((parent) => ({ id: id as ItemId, ...(parent ? { parent } : {}) }))
    if (lockRefusal(control, kind, items)) return `${quote(id)} is locked`
  }
  return null
}

const quote = (text: string | null) => JSON.stringify((text ?? '').slice(0, 40))

/**
 * Which connection gives the dots of which voter in the current vote: each connection one voter
 * (the first it writes), and no voter two connections that are open at the same time.
 */
export class VoterClaims<P extends object> {
  private readonly byPeer = new WeakMap<P, { votingId: string; voterId: string }>()
  private votingId: string | null = null
  private readonly owners = new Map<string, P>()

  constructor(private readonly isOpen: (peer: P) => boolean) {}

  claim(peer: P, votingId: string, voterId: string): boolean {
    const mine = this.byPeer.get(peer)
    if (mine?.votingId === votingId) return mine.voterId === voterId
    if (this.votingId !== votingId) {
      this.votingId = votingId
      this.owners.clear()
    }
    const owner = this.owners.get(voterId)
    if (owner && owner !== peer && this.isOpen(owner)) return false
    this.byPeer.set(peer, { votingId, voterId })
    this.owners.set(voterId, peer)
    return true
  }

  /** A refused connection is closing: its device may come back at once on a new one. */
  release(peer: P): void {
    const mine = this.byPeer.get(peer)
    this.byPeer.delete(peer)
    if (mine && this.owners.get(mine.voterId) === peer) this.owners.delete(mine.voterId)
  }
}
