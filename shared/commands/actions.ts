// "Kies 3": the table picks (usually by dot vote) up to three stickies and turns each into an
// action card, a sticky of kind 'action' whose text is the wat, with a hoe and a wie to fill in.
import type * as Y from 'yjs'
import { BoardError } from '../errors.ts'
import { newItemId, randomIds, type IdSource, type ItemId } from '../ids.ts'
import { readBoard } from '../read.ts'
import { LIMITS, type Item } from '../schema.ts'
import type { VoteResult } from '../votes.ts'
import { placeFree } from '../placement.ts'
import { STICKY_SIZE } from './create.ts'
import { checkItem, insertItem, requireItem, updateItem, zKeysOnTop } from './write.ts'

export const ACTIONS_TO_CHOOSE = 3

/** The `count` stickies with most dots; ties are broken as readVotes ordered them. */
export function topVoted(results: readonly VoteResult[], count = ACTIONS_TO_CHOOSE): ItemId[] {
  return results.slice(0, count).map((result) => result.id)
}

/**
 * Creates one action card per chosen sticky (at most three), in one transaction. They go into a
 * box whose label mentions actions ("Acties") when the board has one, else in a row below the
 * board. Returns the new cards' ids, in the order chosen.
 */
export function chooseActions(
  doc: Y.Doc,
  sources: readonly ItemId[],
  opts: { ids?: IdSource } = {},
  origin?: unknown,
): ItemId[] {
  if (sources.length === 0) throw new BoardError('choose at least one sticky')
  if (sources.length > ACTIONS_TO_CHOOSE) {
    throw new BoardError(`choose at most ${ACTIONS_TO_CHOOSE} stickies`)
  }
  if (new Set(sources).size !== sources.length) throw new BoardError('a sticky was chosen twice')
  const { items } = readBoard(doc)
  const byId = new Map(items.map((item) => [item.id, item]))
  const chosen = sources.map((id) => {
    const item = byId.get(id)
    if (!item || item.type !== 'sticky') throw new BoardError(`${id} is not a sticky on this board`)
    return item
  })
  const place = actionPlaces(items, chosen.length)
  const keys = zKeysOnTop(doc, chosen.length)
  const cards: Item[] = chosen.map((source, i) => ({
    id: newItemId('sticky', opts.ids ?? randomIds),
    type: 'sticky',
    kind: 'action',
    text: source.text,
    hoe: '',
    wie: '',
    ...STICKY_SIZE,
    h: STICKY_SIZE.h + 60,
    ...place[i]!,
    z: keys[i] ?? '',
  }))
  for (const card of cards) checkItem(card)
  doc.transact(() => cards.forEach((card) => insertItem(doc, card)), origin)
  return cards.map((card) => card.id)
}

function actionPlaces(items: readonly Item[], count: number) {
  const gap = 30
  const box = items.find(
    (item) => item.type === 'box' && /actie|action/i.test(item.label) && item.w >= STICKY_SIZE.w,
  )
  if (box) {
    // Free places in the box (placement.ts): never on a card or sticky already there.
    const inside = items.filter((item) => item.parent === box.id && item.type !== 'arrow')
    const size = { w: STICKY_SIZE.w, h: STICKY_SIZE.h + 60 }
    return placeFree({ ...box, shape: 'box' }, inside, size, count, { top: box.y + 90 }).map(
      (at) => ({ ...at, parent: box.id }),
    )
  }
  const left = items.reduce((min, item) => Math.min(min, item.x), 0)
  const bottom = items.reduce((max, item) => Math.max(max, item.y + item.h), 0)
  return Array.from({ length: count }, (_, i) => ({
    x: left + i * (STICKY_SIZE.w + gap),
    y: bottom + 120,
  }))
}

/** The hoe and wie of an action card; fields left out stay as they are. */
export function setActionFields(
  doc: Y.Doc,
  id: ItemId,
  fields: { hoe?: string; wie?: string },
  origin?: unknown,
): void {
  const { hoe, wie } = fields
  if (hoe !== undefined && hoe.length > LIMITS.textLength) throw new BoardError('hoe is too long')
  if (wie !== undefined && wie.length > LIMITS.shortText) throw new BoardError('wie is too long')
  if (requireItem(doc, id, 'sticky').item.kind !== 'action') {
    throw new BoardError(`${id} is not an action card`)
  }
  const patch = Object.fromEntries(
    Object.entries({ hoe, wie }).filter(([, value]) => value !== undefined),
  )
  updateItem(doc, id, 'sticky', patch, origin)
}
