// The next meeting of a series starts from the last board: everything on it is copied so the
// analysis carries on, and the agreements still running move to their own area to be evaluated.
import type * as Y from 'yjs'
import { BoardError } from '../errors.ts'
import { newItemId, randomIds, type IdSource, type ItemId } from '../ids.ts'
import { NEXT_MEETING_LABELS } from '../labels.ts'
import { itemsMap, metaMap, readBoard } from '../read.ts'
import { LIMITS, SCHEMA_VERSION, type AgreementItem, type BoxItem, type Item } from '../schema.ts'
import { PLACE_GAP, PLACE_STEP, placeFree } from '../placement.ts'
import { checkItem, insertItem, wellFormed, zKeysOnTop } from './write.ts'

export interface NextMeeting {
  /** Creation time of the new board, in ms since the epoch. */
  now: number
  /** The new board's title; the old one's when absent. */
  title?: string
  ids?: IdSource
}

export interface NextMeetingResult {
  /** Agreements carried over for evaluation, with their status back to open. */
  carried: number
  /** The area that holds them; absent when there were none. */
  evaluationBox?: ItemId
}

const EVALUATION = { w: 640, minH: 1070, gap: 120, header: 80, padding: 20 }

/**
 * Fills the empty `target` with a copy of `source` for the next meeting. Every readable item keeps
 * its id, place and links. Agreements that were still open or marked "loopt door" move into a
 * new area, "Afspraken vorig overleg", status open, so the table can mark each one done, not done
 * or continuing; agreements already settled (done, not done) stay behind on the old board.
 */
export function prepareNextMeeting(
  source: Y.Doc,
  target: Y.Doc,
  input: NextMeeting,
  origin?: unknown,
): NextMeetingResult {
  if (metaMap(target).size > 0 || itemsMap(target).size > 0) {
    throw new BoardError('the next meeting needs an empty doc')
  }
  if (!Number.isFinite(input.now) || input.now < 0) throw new BoardError('now must be a time in ms')
  const { meta, items } = readBoard(source)
  const title = input.title ?? meta.title
  if (title.length > LIMITS.shortText) {
    throw new BoardError(`a title is at most ${LIMITS.shortText} characters`)
  }
  const running = (item: Item): item is AgreementItem =>
    item.type === 'agreement' && (item.status === 'open' || item.status === 'continue')
  const kept = items.filter((item) => item.type !== 'agreement')
  const carried = items.filter(running)
  const box = carried.length > 0 ? evaluationBox(items, input.ids ?? randomIds) : null
  const rows = box ? carriedRows(box, carried) : []
  // The area and its rows go on top, the rows above the area, in the order they had.
  const [boxZ = '', ...rowZ] = box ? zKeysOnTop(source, 1 + carried.length) : []
  const placed: Item[] = [
    ...kept,
    ...(box ? [{ ...box, h: areaHeight(box, rows), z: boxZ }] : []),
    ...rows.map((row, i): AgreementItem => ({ ...row, z: rowZ[i] ?? row.z })),
  ]
  for (const item of placed) checkItem(item)
  target.transact(() => {
    const targetMeta = metaMap(target)
    targetMeta.set('schemaVersion', SCHEMA_VERSION)
    targetMeta.set('title', wellFormed(title))
    targetMeta.set('template', meta.template)
    targetMeta.set('createdAt', input.now)
    for (const item of placed) insertItem(target, item)
  }, origin)
  return { carried: carried.length, ...(box ? { evaluationBox: box.id } : {}) }
}

/** The new area beside everything else on the board; carriedRows fills it, areaHeight sizes it. */
function evaluationBox(items: readonly Item[], ids: IdSource): BoxItem {
  const framed = items.filter((item) => item.type !== 'arrow')
  const right = framed.length > 0 ? Math.max(...framed.map((item) => item.x + item.w)) : 0
  const top = framed.length > 0 ? Math.min(...framed.map((item) => item.y)) : 0
  return {
    id: newItemId('box', ids),
    type: 'box',
    x: Math.min(right + EVALUATION.gap, LIMITS.coordinate - EVALUATION.w),
    y: top,
    w: EVALUATION.w,
    h: EVALUATION.minH,
    z: '',
    role: 'other',
    label: NEXT_MEETING_LABELS.previousAgreements.nl,
  }
}

/**
 * The carried agreements in the area, open again, each on the next free place below its header
 * (placement.ts) in the order they had, however tall each one was: a full-width row each. The
 * region reaches down far enough for all, so none spills beside the area; areaHeight grows it.
 */
function carriedRows(box: BoxItem, carried: readonly AgreementItem[]): AgreementItem[] {
  const w = (agreement: AgreementItem) =>
    Math.min(agreement.w, EVALUATION.w - 2 * EVALUATION.padding)
  const region = {
    shape: 'box' as const,
    x: box.x + EVALUATION.padding,
    y: box.y,
    w: EVALUATION.w - 2 * EVALUATION.padding,
    h: box.h + carried.reduce((sum, agreement) => sum + agreement.h + PLACE_GAP + PLACE_STEP, 0),
  }
  const rows: AgreementItem[] = []
  for (const agreement of carried) {
    const size = { w: w(agreement), h: agreement.h }
    const [at = box] = placeFree(region, rows, size, 1, { top: box.y + EVALUATION.header })
    rows.push({ ...agreement, parent: box.id, x: at.x, y: at.y, w: size.w, status: 'open' })
  }
  return rows
}

/** Tall enough for every carried agreement. */
function areaHeight(box: BoxItem, rows: readonly AgreementItem[]): number {
  const bottom = Math.max(0, ...rows.map((row) => row.y + row.h - box.y + EVALUATION.padding))
  return Math.min(Math.max(box.h, bottom), LIMITS.size)
}
