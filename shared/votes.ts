// Dot voting. The vote itself (budget, hidden, closed) is the facilitator's, in the control doc;
// the dots are everyone's, in the content doc's `votes` map, one entry per vote and voter holding
// the ids that voter gave a dot (twice for two dots). Counts are read, never stored, and a
// voter's list is cut at the budget on read too, so a peer that skips castVote gains nothing.
import type * as Y from 'yjs'
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
  constructor(readonly reason: 'budget' | 'closed' | 'no-vote' | 'not-voted') {
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

/** Gives a dot to a sticky; refuses once the voter's budget is spent or the vote is closed. */
export function castVote(
  doc: Y.Doc,
  voting: VotingState | null,
  vote: { voterId: string; itemId: ItemId },
  origin?: unknown,
): void {
  if (!voting) throw new VoteRefused('no-vote')
  if (voting.closed) throw new VoteRefused('closed')
  checkVoter(vote.voterId)
  const reading = readItem(itemsMap(doc).get(vote.itemId), vote.itemId)
  if (!reading.ok || reading.item.type !== 'sticky') {
    throw new BoardError(`${vote.itemId} is not a sticky on this board`)
  }
  const key = keyOf(voting.id, vote.voterId)
  const dots = dotsOf(doc, key)
  if (dots.length >= voting.budget) throw new VoteRefused('budget')
  doc.transact(() => votesMap(doc).set(key, [...dots, vote.itemId]), origin)
}

/** Takes back one of this voter's dots on the item. */
export function retractVote(
  doc: Y.Doc,
  voting: VotingState | null,
  vote: { voterId: string; itemId: ItemId },
  origin?: unknown,
): void {
  if (!voting) throw new VoteRefused('no-vote')
  if (voting.closed) throw new VoteRefused('closed')
  checkVoter(vote.voterId)
  const key = keyOf(voting.id, vote.voterId)
  const dots = dotsOf(doc, key)
  const at = dots.lastIndexOf(vote.itemId)
  if (at < 0) throw new VoteRefused('not-voted')
  doc.transact(() => votesMap(doc).set(key, dots.toSpliced(at, 1)), origin)
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
