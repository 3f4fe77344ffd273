// "Kies 3": the table picks (usually by dot vote) up to three stickies and turns each into an
// agreement in the board's one list of actions (5. Afspraken, or the Acties box of a kies-3 sheet):
// its wat is the point's text, its hoe and wie are left to fill in. Action cards (stickies of kind
// 'action') from before stay readable and editable with setActionFields.
import type * as Y from 'yjs'
import { BoardError } from '../errors.ts'
import type { IdSource, ItemId } from '../ids.ts'
import { BOX_ROLE_LABELS } from '../labels.ts'
import { readBoard } from '../read.ts'
import { LIMITS, type Item } from '../schema.ts'
import { TEMPLATE_PART_LABELS } from '../templates/labels.ts'
import { methodOf } from '../templates/method.ts'
import type { VoteResult } from '../votes.ts'
import { addAgreement, addBox } from './create.ts'
import { requireItem, updateItem } from './write.ts'

export const ACTIONS_TO_CHOOSE = 3

/** Where a missing list of actions goes: beside everything on the board, as the side panel does. */
const NEW_BOX = { w: 640, h: 1070, gap: 120 }

/** The `count` stickies with most dots; ties are broken as readVotes ordered them. */
export function topVoted(results: readonly VoteResult[], count = ACTIONS_TO_CHOOSE): ItemId[] {
  return results.slice(0, count).map((result) => result.id)
}

/**
 * Adds one agreement per chosen sticky (at most three), in one transaction, to the board's box of
 * agreements, made beside the board when it has none. A point that already has its agreement (kies
 * 3 run again) gets no second one. Returns the new agreements' ids, in the order chosen.
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
  const { items, meta } = readBoard(doc)
  const byId = new Map(items.map((item) => [item.id, item]))
  const chosen = sources.map((id) => {
    const item = byId.get(id)
    if (!item || item.type !== 'sticky') throw new BoardError(`${id} is not a sticky on this board`)
    return item
  })
  const agreed = new Set(items.flatMap((item) => (item.type === 'agreement' ? item.source : [])))
  const fresh = chosen.filter((source) => !agreed.has(source.id))
  if (fresh.length === 0) return []
  const ids = opts.ids ? { ids: opts.ids } : {}
  let made: ItemId[] = []
  doc.transact(() => {
    const parent = actionsBox(items) ?? addActionsBox(doc, items, meta.template, ids)
    made = fresh.map((source) =>
      addAgreement(doc, { ...ids, parent, wat: source.text, source: source.id }),
    )
  }, origin)
  return made
}

/** The box that lists the board's agreements: the first, top to bottom, left to right. */
function actionsBox(items: readonly Item[]): ItemId | undefined {
  const boxes = items.filter((item) => item.type === 'box' && item.role === 'agreements')
  return boxes.sort((a, b) => a.y - b.y || a.x - b.x)[0]?.id
}

/**
 * 5. Afspraken where the side panel offers agreements (an MDO, a blank board), Acties on a
 * workshop sheet; right of what is on the board.
 */
function addActionsBox(
  doc: Y.Doc,
  items: readonly Item[],
  template: string,
  ids: { ids?: IdSource },
): ItemId {
  const placed = items.filter((item) => item.type !== 'arrow')
  const right = placed.reduce((max, item) => Math.max(max, item.x + item.w), 0)
  const top = placed.reduce((min, item) => Math.min(min, item.y), Infinity)
  const mdo = methodOf(template).lists
  return addBox(doc, {
    ...ids,
    role: 'agreements',
    label: mdo ? BOX_ROLE_LABELS.agreements.nl : TEMPLATE_PART_LABELS.actions.nl,
    ...(mdo ? { number: 5 as const } : {}),
    x: placed.length > 0 ? right + NEW_BOX.gap : 0,
    y: Number.isFinite(top) ? top : 0,
    w: NEW_BOX.w,
    h: NEW_BOX.h,
  })
}

/** The hoe and wie of an older action card; fields left out stay as they are. */
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
