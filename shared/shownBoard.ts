// The board as the relay hands it to a page that is still loading (GET /api/boards/<id>/board.json,
// server/boardJson.ts): the meta and items readBoard found valid, as plain JSON. It comes from the
// server that serves the app itself, and lasts a frame or two: the page's Y.Doc, read item by item
// with readItem as always, replaces it. So the page checks its outline here, not every field.
import { isItemType, metaSchemas, type BoardMeta, type Item } from './schema.ts'

export interface ShownBoard {
  meta: BoardMeta
  items: Item[]
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The board in `value`, without anything that is not an item; null when it is no board. */
export function parseShownBoard(value: unknown): ShownBoard | null {
  if (!isRecord(value) || !isRecord(value.meta) || !Array.isArray(value.items)) return null
  const meta: Partial<BoardMeta> = {}
  for (const key of Object.keys(metaSchemas) as (keyof BoardMeta)[]) {
    const parsed = metaSchemas[key].safeParse(value.meta[key])
    if (!parsed.success) return null
    Object.assign(meta, { [key]: parsed.data })
  }
  const items = value.items.filter(
    (raw: unknown): raw is Item =>
      isRecord(raw) &&
      isItemType(raw.type) &&
      typeof raw.id === 'string' &&
      [raw.x, raw.y, raw.w, raw.h].every(Number.isFinite),
  )
  return { meta: meta as BoardMeta, items }
}
