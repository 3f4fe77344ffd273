// Creating a board: the meta every reader needs, then the chosen template, in one transaction.
import type * as Y from 'yjs'
import { BoardError } from '../errors.ts'
import { randomIds, type IdSource } from '../ids.ts'
import { itemsMap, metaMap } from '../read.ts'
import { LIMITS, SCHEMA_VERSION } from '../schema.ts'
import { isTemplateName, TEMPLATES, type TemplateName } from '../templates.ts'
import { wellFormed } from './write.ts'

export interface NewBoard {
  template: TemplateName
  title: string
  /** Creation time in ms since the epoch; passed in so shared/ needs no clock. */
  now: number
  ids?: IdSource
}

export function createBoard(doc: Y.Doc, input: NewBoard, origin?: unknown): void {
  const { template, title, now } = input
  if (metaMap(doc).size > 0 || itemsMap(doc).size > 0) {
    throw new BoardError('this doc already holds a board')
  }
  if (!isTemplateName(template)) throw new BoardError(`unknown template '${String(template)}'`)
  if (title.length > LIMITS.shortText) {
    throw new BoardError(`a title is at most ${LIMITS.shortText} characters`)
  }
  if (!Number.isFinite(now) || now < 0) throw new BoardError('now must be a time in ms')
  doc.transact(() => {
    const meta = metaMap(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', wellFormed(title))
    meta.set('template', template)
    meta.set('createdAt', now)
    TEMPLATES[template].fill({ doc, ids: input.ids ?? randomIds })
  }, origin)
}
