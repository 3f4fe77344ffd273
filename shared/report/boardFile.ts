// The board as a file: a versioned JSON format (docs/export.md) that holds the validated items
// exactly as readers return them (without names unless asked for), and can be made into a new
// board again. A file is untrusted input: importing checks all of it, and a file with any fault is
// refused as a whole.
import * as Y from 'yjs'
import { z } from 'zod'
import { insertItem, wellFormed } from '../commands/write.ts'
import { BoardError, describeIssues } from '../errors.ts'
import { itemsMap, metaMap, readBoard } from '../read.ts'
import { isItemType, LIMITS, SCHEMA_VERSION, SNAPSHOT_SCHEMAS, type Item } from '../schema.ts'
import { boardForExport } from './names.ts'

export const BOARD_FILE_FORMAT = 'mdo-bord/board'
export const BOARD_FILE_VERSION = 1
/** The most items one file may bring; far above any real meeting, low enough to bound the work. */
export const BOARD_FILE_MAX_ITEMS = 20_000

export interface BoardFile {
  format: typeof BOARD_FILE_FORMAT
  version: typeof BOARD_FILE_VERSION
  /** ms since 1970 */
  exportedAt: number
  meta: { title: string; template: string; createdAt: number; schemaVersion: number }
  /** Bottom to top, as readBoard returns them. */
  items: Item[]
}

const fileSchema = z.object({
  format: z.literal(BOARD_FILE_FORMAT, { error: `not a board file (format ${BOARD_FILE_FORMAT})` }),
  version: z.literal(BOARD_FILE_VERSION, { error: 'a board file version this app does not know' }),
  exportedAt: z.number().optional(),
  meta: z.object({
    title: z.string().max(LIMITS.shortText),
    template: z.string().max(LIMITS.shortText),
    createdAt: z.number().min(0).optional(),
    schemaVersion: z
      .number()
      .int()
      .min(0)
      .max(SCHEMA_VERSION, {
        error: `the file comes from a newer version of the app (schema above ${SCHEMA_VERSION})`,
      }),
  }),
  items: z.array(z.unknown()).max(BOARD_FILE_MAX_ITEMS, {
    error: `at most ${BOARD_FILE_MAX_ITEMS} items in one file`,
  }),
})

/**
 * The board as a file. Without `names` a sticky's author and a question's asker are left out
 * (names.ts): a copy that moves a board elsewhere rarely needs who wrote what.
 */
export function exportBoardFile(
  doc: Y.Doc,
  exportedAt: number,
  options: { names: boolean } = { names: false },
): BoardFile {
  const { meta, items } = boardForExport(readBoard(doc), options.names)
  return {
    format: BOARD_FILE_FORMAT,
    version: BOARD_FILE_VERSION,
    exportedAt,
    meta: {
      title: meta.title,
      template: meta.template,
      createdAt: meta.createdAt,
      schemaVersion: SCHEMA_VERSION,
    },
    items,
  }
}

export interface ParsedBoardFile {
  title: string
  template: string
  items: Item[]
}

/** Checks a whole file; throws a BoardError naming the first fault. Writes nothing. */
export function parseBoardFile(value: unknown): ParsedBoardFile {
  const parsed = fileSchema.safeParse(value)
  if (!parsed.success)
    throw new BoardError(`not a valid board file: ${describeIssues(parsed.error)}`)
  const seen = new Set<string>()
  const items = parsed.data.items.map((raw, index) => {
    const type = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'type') : null
    if (!isItemType(type)) throw new BoardError(`item ${index} has no known type`)
    const item = SNAPSHOT_SCHEMAS[type].safeParse(raw)
    if (!item.success) {
      throw new BoardError(`item ${index} (${type}): ${describeIssues(item.error)}`)
    }
    if (seen.has(item.data.id)) throw new BoardError(`${item.data.id} appears twice`)
    seen.add(item.data.id)
    return item.data
  })
  // Links (arrow ends, owners) are judged as readers judge them: on a scratch doc.
  const scratch = new Y.Doc()
  try {
    fill(scratch, { title: parsed.data.meta.title, template: parsed.data.meta.template, items }, 0)
    const problem = readBoard(scratch).problems.find((p) => p.id !== undefined)
    if (problem) throw new BoardError(`${problem.id}: ${problem.reason}`)
  } finally {
    scratch.destroy()
  }
  return { title: parsed.data.meta.title, template: parsed.data.meta.template, items }
}

/**
 * Makes an empty doc into the board of a parsed file: the same items with the same ids and
 * stacking, and the file's title and template. `now` becomes the new board's creation time.
 */
export function importBoardFile(doc: Y.Doc, file: ParsedBoardFile, now: number, origin?: unknown) {
  if (metaMap(doc).size > 0 || itemsMap(doc).size > 0) {
    throw new BoardError('this doc already holds a board')
  }
  doc.transact(() => fill(doc, file, now), origin)
}

function fill(doc: Y.Doc, file: ParsedBoardFile, now: number): void {
  const meta = metaMap(doc)
  meta.set('schemaVersion', SCHEMA_VERSION)
  meta.set('title', wellFormed(file.title))
  meta.set('template', file.template)
  meta.set('createdAt', now)
  for (const item of file.items) insertItem(doc, item)
}
