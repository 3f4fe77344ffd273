// Workshops: a leader runs one session with several tables, each table an ordinary board, and a
// plenary board for the results. The leader's token is the only secret the server hands out for
// it: each board's tokens derive from it (HMAC), so the leader can be shown every table's links
// again later while the server still stores nothing but hashes.
import { createHmac, timingSafeEqual } from 'node:crypto'
import * as Y from 'yjs'
import { createBoard, isTemplateName, WORKSHOP_LABELS, type TemplateName } from '../shared/index.ts'
import { hashToken, newBoardId, newToken, roleForToken } from './access.ts'
import { boardLink, MAX_TITLE_LENGTH, parseTitle, type Boards } from './boards.ts'
import { HttpError } from './http/respond.ts'
import type { Role, Store, WorkshopRecord } from './store/types.ts'
import { ROLES } from './store/types.ts'

export const WORKSHOP_TABLES = { min: 1, max: 12 } as const
/** Room left in a board's title for " – Tafel 12". */
const MAX_WORKSHOP_TITLE = MAX_TITLE_LENGTH - 20

/** The leader's page; the token in the fragment never reaches a server log. */
export const workshopLink = (id: string, token: string) => `/w/${id}#t=${token}`

/** A board's token for one role, derived from the leader's token: 192 bits, like any token. */
export function deriveToken(leaderToken: string, boardId: string, role: Role): string {
  return createHmac('sha256', leaderToken)
    .update(`${boardId}/${role}`)
    .digest()
    .subarray(0, 24)
    .toString('base64url')
}

export interface WorkshopRequest {
  tables: number
  template: TemplateName
  title: string
}

export interface WorkshopBoard {
  id: string
  title: string
  /** Links still valid; a role whose link was renewed on the board itself is left out. */
  links: Partial<Record<Role, string>>
}

export interface WorkshopView {
  id: string
  title: string
  template: string
  createdAt: number
  plenary: WorkshopBoard | null
  /** Tables 1 to N; a table whose board was deleted is null. */
  tables: (WorkshopBoard | null)[]
}

export class Workshops {
  constructor(
    private readonly store: Store,
    private readonly boards: Boards,
    private readonly now: () => number,
  ) {}

  /** Checks a creation request before any rate limit is charged for its boards. */
  parse(input: unknown): WorkshopRequest {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new HttpError(
        400,
        'expected a JSON object like {"tables":4,"template":"mdo","title":"…"}',
      )
    }
    const { tables, template = 'tips-tops-interessant' } = input as Record<string, unknown>
    const { min, max } = WORKSHOP_TABLES
    if (typeof tables !== 'number' || !Number.isInteger(tables) || tables < min || tables > max) {
      throw new HttpError(400, `tables must be a whole number from ${min} to ${max}`)
    }
    if (!isTemplateName(template)) {
      throw new HttpError(400, `unknown template: ${JSON.stringify(template)}`)
    }
    const title = parseTitle(input, '')
    if (title.length > MAX_WORKSHOP_TITLE) {
      throw new HttpError(400, `title is longer than ${MAX_WORKSHOP_TITLE} characters`)
    }
    return { tables, template, title }
  }

  async create(request: WorkshopRequest): Promise<{ leaderToken: string; view: WorkshopView }> {
    const leaderToken = newToken()
    const id = newBoardId()
    const now = this.now()
    const make = async (name: string): Promise<string> => {
      const boardId = newBoardId()
      const tokens = Object.fromEntries(
        ROLES.map((role) => [role, deriveToken(leaderToken, boardId, role)]),
      ) as Record<Role, string>
      const title = request.title ? `${request.title} – ${name}` : name
      const content = new Y.Doc()
      try {
        createBoard(content, { template: request.template, title, now })
        await this.boards.add({ title, template: request.template }, content, {
          id: boardId,
          tokens,
        })
      } finally {
        content.destroy()
      }
      return boardId
    }
    const plenary = await make(WORKSHOP_LABELS.plenary.nl)
    const tables: string[] = []
    for (let n = 1; n <= request.tables; n++) {
      tables.push(await make(`${WORKSHOP_LABELS.table.nl} ${n}`))
    }
    const record: WorkshopRecord = {
      id,
      title: request.title,
      template: request.template,
      createdAt: now,
      leaderHash: hashToken(leaderToken),
      plenary,
      tables,
    }
    await this.store.createWorkshop(record)
    return { leaderToken, view: await this.view(record, leaderToken) }
  }

  /** The workshop, if `token` is its leader's; refuses with 401/403 otherwise. */
  async open(id: string, token: string | null): Promise<WorkshopRecord> {
    if (!token) throw new HttpError(401, 'a token is needed', { 'WWW-Authenticate': 'Bearer' })
    const workshop = await this.store.getWorkshop(id)
    const hash = Buffer.from(hashToken(token))
    const stored = Buffer.from(workshop?.leaderHash ?? '')
    // An unknown workshop and a wrong token answer alike.
    if (!workshop || stored.length !== hash.length || !timingSafeEqual(stored, hash)) {
      throw new HttpError(403, 'this workshop link is not valid (any more)')
    }
    return workshop
  }

  async view(workshop: WorkshopRecord, leaderToken: string): Promise<WorkshopView> {
    const board = async (boardId: string): Promise<WorkshopBoard | null> => {
      const record = await this.store.getBoard(boardId)
      if (!record) return null
      const links: Partial<Record<Role, string>> = {}
      for (const role of ROLES) {
        const token = deriveToken(leaderToken, boardId, role)
        if (roleForToken(record, token) === role) links[role] = boardLink(boardId, token)
      }
      return { id: boardId, title: record.title, links }
    }
    return {
      id: workshop.id,
      title: workshop.title,
      template: workshop.template,
      createdAt: workshop.createdAt,
      plenary: await board(workshop.plenary),
      tables: await Promise.all(workshop.tables.map(board)),
    }
  }

  /** Deletes every board of the workshop for real, then the workshop. */
  async delete(workshop: WorkshopRecord): Promise<void> {
    for (const boardId of [workshop.plenary, ...workshop.tables]) {
      if (await this.store.getBoard(boardId)) await this.boards.delete(boardId)
    }
    await this.store.deleteWorkshop(workshop.id)
  }

  /** Forgets workshops whose boards have all expired or been deleted; returns how many. */
  async sweep(): Promise<number> {
    const empty = await this.store.emptyWorkshops()
    for (const id of empty) await this.store.deleteWorkshop(id)
    return empty.length
  }
}
