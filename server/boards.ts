// Creating, opening, rotating and deleting boards: the rules behind the JSON API, without HTTP.
import * as Y from 'yjs'
import { BoardError, createBoard, isTemplateName, prepareNextMeeting } from '../shared/index.ts'
import {
  importBoardFile,
  parseBoardFile,
  type ParsedBoardFile,
} from '../shared/report/boardFile.ts'
import {
  deriveLinkToken,
  hashToken,
  linkGeneration,
  MAX_LINK_GENERATION,
  newBoardId,
  newToken,
  roleForToken,
} from './access.ts'
import { HttpError } from './http/respond.ts'
import type { Metrics } from './metrics.ts'
import type { Rooms } from './relay/rooms.ts'
import type { BoardRecord, Role, Store } from './store/types.ts'
import { ROLES } from './store/types.ts'

export const MAX_TITLE_LENGTH = 200
const DAY_MS = 86_400_000

export interface CreatedBoard {
  id: string
  tokens: Record<Role, string>
}

/** The path a browser opens; the token sits in the fragment so it never reaches a server log. */
export const boardLink = (id: string, token: string) => `/b/${id}#t=${token}`

export class Boards {
  constructor(
    private readonly store: Store,
    private readonly rooms: Rooms,
    private readonly metrics: Metrics,
    private readonly now: () => number,
    /** The longest a board is kept without activity; a facilitator may only shorten it. */
    private readonly retentionDays: number,
  ) {}

  async create(input: unknown): Promise<CreatedBoard> {
    const { template, title, file } = parseCreate(input)
    const content = new Y.Doc()
    if (file) importBoardFile(content, { ...file, title, template }, this.now())
    else createBoard(content, { template, title, now: this.now() })
    try {
      return await this.add({ title, template }, content)
    } finally {
      content.destroy()
    }
  }

  /**
   * A new board for the next meeting of a series: the old board's content as it is now, with the
   * running agreements set up for evaluation (shared/commands/nextMeeting.ts). New links, a fresh
   * control room; the old board stays as it was.
   */
  async next(id: string, input: unknown): Promise<CreatedBoard> {
    const previous = await this.store.getBoard(id)
    if (!previous) throw new HttpError(404, 'board not found')
    const title = parseTitle(input, previous.title)
    const source = new Y.Doc()
    const content = new Y.Doc()
    try {
      Y.applyUpdate(source, await this.rooms.readState(id, 'content'))
      prepareNextMeeting(source, content, { now: this.now(), title })
      return await this.add({ title, template: previous.template }, content)
    } finally {
      source.destroy()
      content.destroy()
    }
  }

  /**
   * Stores a new board holding `content`, with a fresh control room. Its id and tokens are new
   * unless given (a workshop derives its boards' tokens from the leader's). `content` may be the
   * document's state already encoded (an import made in a worker thread).
   */
  async add(
    meta: { title: string; template: string },
    content: Y.Doc | Uint8Array,
    given?: { id: string; tokens: Record<Role, string> },
  ): Promise<CreatedBoard> {
    const id = given?.id ?? newBoardId()
    const tokens = given?.tokens ?? linkTokens(id, newToken())
    const now = this.now()
    const record: BoardRecord = {
      id,
      title: meta.title,
      template: meta.template,
      createdAt: now,
      lastActiveAt: now,
      retentionDays: this.retentionDays,
      tokenHashes: {
        facilitator: hashToken(tokens.facilitator),
        edit: hashToken(tokens.edit),
        view: hashToken(tokens.view),
      },
    }
    await this.store.createBoard(record, {
      content: content instanceof Uint8Array ? content : Y.encodeStateAsUpdate(content),
      control: Y.encodeStateAsUpdate(new Y.Doc()),
    })
    this.metrics.boardsCreated++
    return { id, tokens }
  }

  /** The board and the role the token grants; refuses with 401/403 otherwise. */
  async open(
    id: string,
    token: string | null,
    needed?: Role,
  ): Promise<{ board: BoardRecord; role: Role }> {
    if (!token) throw new HttpError(401, 'a token is needed', { 'WWW-Authenticate': 'Bearer' })
    const board = await this.store.getBoard(id)
    // Unknown board and wrong token answer alike, in the same time: a board id alone tells nothing.
    const role = roleForToken(board, token)
    if (!board || !role) throw new HttpError(403, 'this link is not valid (any more)')
    if (needed && role !== needed) throw new HttpError(403, `only the ${needed} link may do this`)
    return { board, role }
  }

  /**
   * A new link for a role; the old one stops at once. An edit or view link takes the next one
   * derived from the facilitator's token. A new facilitator link renews the other two as well:
   * whoever held the old one could work them out.
   */
  async rotate(
    id: string,
    input: unknown,
    facilitatorToken: string,
  ): Promise<{ role: Role; token: string; link: string; links: Partial<Record<Role, string>> }> {
    const role = parseRole(input)
    const board = await this.store.getBoard(id)
    if (!board) throw new HttpError(404, 'board not found')
    const tokens: Partial<Record<Role, string>> =
      role === 'facilitator'
        ? linkTokens(id, newToken())
        : { [role]: nextLinkToken(board, facilitatorToken, role) }
    for (const [changed, token] of Object.entries(tokens) as [Role, string][]) {
      if (!(await this.store.setTokenHash(id, changed, hashToken(token)))) {
        throw new HttpError(404, 'board not found')
      }
      await this.rooms.announce({ type: 'rotated', boardId: id, role: changed })
    }
    const token = tokens[role]!
    const links = Object.fromEntries(
      Object.entries(tokens).map(([changed, value]) => [changed, boardLink(id, value)]),
    )
    return { role, token, link: boardLink(id, token), links }
  }

  /**
   * The edit and view links, worked out again from the facilitator's token: what Delen shows on
   * a device that did not make the board. A link that does not derive from it (a board made
   * before, a workshop table) is left out; renewing it makes one that does.
   */
  async links(id: string, facilitatorToken: string): Promise<Partial<Record<Role, string>>> {
    const board = await this.store.getBoard(id)
    if (!board) throw new HttpError(404, 'board not found')
    const links: Partial<Record<Role, string>> = {
      facilitator: boardLink(id, facilitatorToken),
    }
    for (const role of ['edit', 'view'] as const) {
      const generation = linkGeneration(board, facilitatorToken, role)
      if (generation !== null) {
        links[role] = boardLink(id, deriveLinkToken(facilitatorToken, id, role, generation))
      }
    }
    return links
  }

  /** Closes the open sockets of these roles on the board, whose links were replaced elsewhere. */
  async replaced(id: string, roles: readonly Role[]): Promise<void> {
    for (const role of roles) await this.rooms.announce({ type: 'rotated', boardId: id, role })
  }

  /** Shortens (or restores up to the maximum) how long the board is kept without activity. */
  async setRetention(
    id: string,
    input: unknown,
  ): Promise<{ retentionDays: number; expiresAt: number }> {
    const days = (input as { retentionDays?: unknown } | null)?.retentionDays
    if (
      typeof days !== 'number' ||
      !Number.isInteger(days) ||
      days < 1 ||
      days > this.retentionDays
    ) {
      throw new HttpError(
        400,
        `retentionDays must be a whole number from 1 to ${this.retentionDays}`,
      )
    }
    if (!(await this.store.setRetention(id, days))) throw new HttpError(404, 'board not found')
    const board = await this.store.getBoard(id)
    return { retentionDays: days, expiresAt: expiresAt(board!) }
  }

  /** Deletes every board whose time ran out; returns how many. */
  async sweep(): Promise<number> {
    const expired = await this.store.expiredBoards(this.now())
    let deleted = 0
    for (const id of expired) {
      // A board someone has open is in use, whatever its dates say.
      if (this.rooms.isOpen(id)) await this.store.touchBoard(id, this.now())
      else {
        await this.delete(id)
        deleted++
      }
    }
    return deleted
  }

  async delete(id: string): Promise<void> {
    await this.store.deleteBoard(id)
    await this.rooms.announce({ type: 'deleted', boardId: id })
  }
}

export const expiresAt = (board: BoardRecord) => board.lastActiveAt + board.retentionDays * DAY_MS

/** A new board's tokens, or a renewed facilitator's: edit and view derive from the facilitator's. */
function linkTokens(id: string, facilitator: string): Record<Role, string> {
  return {
    facilitator,
    edit: deriveLinkToken(facilitator, id, 'edit', 0),
    view: deriveLinkToken(facilitator, id, 'view', 0),
  }
}

/** The token after the role's current one; random once the generations run out. */
function nextLinkToken(board: BoardRecord, facilitatorToken: string, role: 'edit' | 'view') {
  const generation = linkGeneration(board, facilitatorToken, role) ?? -1
  return generation < MAX_LINK_GENERATION
    ? deriveLinkToken(facilitatorToken, board.id, role, generation + 1)
    : newToken()
}

/** A create request's template and title, and its board file when it brings one (checked whole). */
export function parseCreate(input: unknown): {
  template: Parameters<typeof createBoard>[1]['template']
  title: string
  file?: ParsedBoardFile
} {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new HttpError(400, 'expected a JSON object like {"template":"mdo","title":"…"}')
  }
  const fields = input as Record<string, unknown>
  if (fields.board !== undefined) return parseImport(fields.board, fields.title)
  const { template = 'mdo' } = fields
  if (!isTemplateName(template))
    throw new HttpError(400, `unknown template: ${JSON.stringify(template)}`)
  return { template, title: parseTitle(input, '') }
}

/** The request's title, trimmed; `fallback` when it has none. */
export function parseTitle(input: unknown, fallback: string): string {
  const title = (input as { title?: unknown } | null)?.title ?? fallback
  if (typeof title !== 'string') throw new HttpError(400, 'title must be a string')
  if (title.length > MAX_TITLE_LENGTH) {
    throw new HttpError(400, `title is longer than ${MAX_TITLE_LENGTH} characters`)
  }
  return title.trim()
}

/** A new board from a board file (docs/export.md); the whole file is checked before anything is stored. */
function parseImport(board: unknown, title: unknown): ReturnType<typeof parseCreate> {
  let file: ParsedBoardFile
  try {
    file = parseBoardFile(board)
  } catch (err) {
    if (err instanceof BoardError) throw new HttpError(400, `cannot import: ${err.message}`)
    throw err
  }
  const template = isTemplateName(file.template) ? file.template : 'blank'
  return { template, title: parseTitle({ title }, file.title), file }
}

function parseRole(input: unknown): Role {
  const role = (input as { role?: unknown } | null)?.role
  if (typeof role === 'string' && (ROLES as readonly string[]).includes(role)) return role as Role
  throw new HttpError(400, 'role must be "facilitator", "edit" or "view"')
}
