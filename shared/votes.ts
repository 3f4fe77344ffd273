// Dot voting. The vote itself (budget, hidden, closed) is the facilitator's, in the control doc;
// the dots are everyone's, in the content doc's `votes` map, one entry per vote and voter holding
// the ids that voter gave a dot (twice for two dots). Counts are read, never stored, and a
// voter's list is cut at the budget on read too, so a peer that skips castVote gains nothing.
// A hidden vote's dots stay on each device until the vote is closed; then each device publishes
// its list once, under a fresh client id (publishHiddenDots), so nothing ties it to the voter.
import { digest } from 'lib0/hash/sha256'
import type * as Y from 'yjs'
import { transactAnonymously } from './anonymous.ts'
import type { VotingState } from './control.ts'
import { BoardError, type Problem } from './errors.ts'
import { isItemId, type ItemId } from './ids.ts'
import { itemsMap, readItem } from './read.ts'

export const VOTES_MAP = 'votes'

const votesMap = (doc: Y.Doc) => doc.getMap<unknown>(VOTES_MAP)

/** A voter is a device: a random id the client keeps per board. */
const VOTER_ID = /^[A-Za-z0-9_-]{1,64}$/

/** Why a vote was refused, for the client to say in its own words. */
export class VoteRefused extends BoardError {
  override name = 'VoteRefused'
  constructor(readonly reason: 'budget' | 'closed' | 'no-vote' | 'not-voted' | 'hidden') {
    super(`vote refused: ${reason}`)
  }
}

export interface VoteResult {
  id: ItemId
  count: number
}

export interface VoteReading {
  /** Most dots first; ties by id, so every peer lists the same order. */
  results: VoteResult[]
  /** Dots given by this device. */
  mine: ItemId[]
  voters: number
  problems: Problem[]
}

const keyOf = (votingId: string, voterId: string) => `${votingId}/${voterId}`

function checkVoter(voterId: string): void {
  if (!VOTER_ID.test(voterId)) throw new BoardError(`not a voter id: ${voterId}`)
}

/** The dots one voter gave, as stored; anything that is not a list of ids reads as none. */
function dotsOf(doc: Y.Doc, key: string): ItemId[] {
  const value = votesMap(doc).get(key)
  return Array.isArray(value) ? value.filter(isItemId) : []
}

/**
 * The voter id a device uses in one vote: derived from a secret the device keeps for the board,
 * so it differs from vote to vote. Whoever can tie an open vote's dots to a person then still
 * cannot find that device's dots in a hidden vote, nor link two hidden votes.
 */
export function voterIdFor(deviceSecret: string, votingId: string): string {
  const hash = digest(new TextEncoder().encode(`${deviceSecret}/${votingId}`))
  return Array.from(hash.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * A voter's dots after giving one more: refused once the budget is spent or the vote is closed.
 * Pure, so a hidden vote's list on the device follows the same rule as the shared one.
 */
export function withDot(
  dots: readonly ItemId[],
  voting: VotingState | null,
  itemId: ItemId,
): ItemId[] {
  if (!voting) throw new VoteRefused('no-vote')
  if (voting.closed) throw new VoteRefused('closed')
  if (dots.length >= voting.budget) throw new VoteRefused('budget')
  return [...dots, itemId]
}

/** A voter's dots after taking back one of those on the item. */
export function withoutDot(
  dots: readonly ItemId[],
  voting: VotingState | null,
  itemId: ItemId,
): ItemId[] {
  if (!voting) throw new VoteRefused('no-vote')
  if (voting.closed) throw new VoteRefused('closed')
  const at = dots.lastIndexOf(itemId)
  if (at < 0) throw new VoteRefused('not-voted')
  return dots.toSpliced(at, 1)
}

function checkSticky(doc: Y.Doc, itemId: ItemId): void {
  if (!isSticky(itemsMap(doc).get(itemId), itemId)) {
    throw new BoardError(`${itemId} is not a sticky on this board`)
  }
}

/**
 * Gives a dot to a sticky in an open vote; refuses once the voter's budget is spent or the vote
 * is closed, and always in a hidden vote, whose dots stay on the device until it closes.
 */
export function castVote(
  doc: Y.Doc,
  voting: VotingState | null,
  vote: { voterId: string; itemId: ItemId },
  origin?: unknown,
): void {
  if (voting && !voting.closed && voting.hidden) throw new VoteRefused('hidden')
  checkVoter(vote.voterId)
  checkSticky(doc, vote.itemId)
  const key = keyOf(voting?.id ?? '', vote.voterId)
  const dots = withDot(dotsOf(doc, key), voting, vote.itemId)
  doc.transact(() => votesMap(doc).set(key, dots), origin)
}

/** Takes back one of this voter's dots on the item, in an open vote. */
export function retractVote(
  doc: Y.Doc,
  voting: VotingState | null,
  vote: { voterId: string; itemId: ItemId },
  origin?: unknown,
): void {
  if (voting && !voting.closed && voting.hidden) throw new VoteRefused('hidden')
  checkVoter(vote.voterId)
  const key = keyOf(voting?.id ?? '', vote.voterId)
  const dots = withoutDot(dotsOf(doc, key), voting, vote.itemId)
  doc.transact(() => votesMap(doc).set(key, dots), origin)
}

/** A dot given on the device in a hidden vote: the same rule as castVote, without the doc. */
export function giveHiddenDot(
  doc: Y.Doc,
  voting: VotingState | null,
  dots: readonly ItemId[],
  itemId: ItemId,
): ItemId[] {
  if (voting && !voting.hidden) throw new BoardError('an open vote writes its dots to the board')
  checkSticky(doc, itemId)
  return withDot(dots, voting, itemId)
}

/** Whether a hidden vote's dots may now enter the board: only once the vote is closed. */
export function hiddenDotsDue(voting: VotingState | null): voting is VotingState {
  return voting !== null && voting.hidden && voting.closed
}

/**
 * Puts one voter's dots of a closed hidden vote on the board, once, from a fresh client id.
 * Dots on stickies that are gone are left out, and the list is cut at the budget. Returns how
 * many dots it wrote: 0 when there were none, or the list is on the board already (another tab,
 * or a reload after publishing).
 */
export function publishHiddenDots(
  doc: Y.Doc,
  voting: VotingState,
  vote: { voterId: string; dots: readonly ItemId[] },
  origin?: unknown,
): number {
  if (!hiddenDotsDue(voting)) throw new BoardError('hidden dots are published once the vote closed')
  checkVoter(vote.voterId)
  const key = keyOf(voting.id, vote.voterId)
  if (votesMap(doc).has(key)) return 0
  const items = itemsMap(doc)
  const dots = vote.dots.filter((id) => isItemId(id) && isSticky(items.get(id), id))
  const counted = dots.slice(0, voting.budget)
  if (counted.length === 0) return 0
  transactAnonymously(doc, (scratch) => votesMap(scratch).set(key, counted), origin)
  return counted.length
}

/** The count per sticky for one vote, over dots on stickies that are still on the board. */
export function readVotes(doc: Y.Doc, voting: VotingState, voterId?: string): VoteReading {
  const prefix = `${voting.id}/`
  const counts = new Map<ItemId, number>()
  const problems: Problem[] = []
  let voters = 0
  let mine: ItemId[] = []
  const items = itemsMap(doc)
  votesMap(doc).forEach((value, key) => {
    if (!key.startsWith(prefix)) return
    const voter = key.slice(prefix.length)
    if (!VOTER_ID.test(voter) || !Array.isArray(value)) {
      problems.push({ reason: `votes: skipped entry ${key.slice(0, 100)}` })
      return
    }
    const dots = (value as unknown[]).filter(
      (id): id is ItemId => isItemId(id) && isSticky(items.get(id), id),
    )
    if (dots.length > voting.budget) {
      problems.push({ reason: `votes: ${voter.slice(0, 64)} gave more dots than the budget` })
    }
    const counted = dots.slice(0, voting.budget)
    if (voter === voterId) mine = counted
    if (counted.length > 0) voters++
    for (const id of counted) counts.set(id, (counts.get(id) ?? 0) + 1)
  })
  const results = [...counts].map(([id, count]) => ({ id, count }))
  results.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { results, mine, voters, problems }
}

function isSticky(value: unknown, id: string): boolean {
  const reading = readItem(value, id)
  return reading.ok && reading.item.type === 'sticky'
}

// What the relay lets into the votes map (server/relay/rights.ts): the read side's rules, checked
// before a dot is stored rather than after.

/** The two parts of a `votes` key, or null for a key that is not `<votingId>/<voterId>`. */
export function parseVoteKey(key: string): { votingId: string; voterId: string } | null {
  const slash = key.indexOf('/')
  if (slash < 0) return null
  const votingId = key.slice(0, slash)
  const voterId = key.slice(slash + 1)
  return VOTER_ID.test(votingId) && VOTER_ID.test(voterId) ? { votingId, voterId } : null
}

/**
 * Whether dots may be written now: an open vote takes them as they are given; a hidden one only
 * once it is closed, when each device publishes the dots it kept until then.
 */
export function dotsAccepted(voting: VotingState | null): voting is VotingState {
  return voting !== null && voting.hidden === voting.closed
}

/** A voter's stored list as readVotes counts it: item ids, no more than the budget. */
export function isDotList(value: unknown, budget: number): value is ItemId[] {
  return Array.isArray(value) && value.length <= budget && value.every(isItemId)
}
