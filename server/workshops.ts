// Workshops: a leader runs one session with several tables, each table an ordinary board, and a
// plenary board for the results. The leader's token is the only secret the server hands out for
// it: each board's tokens derive from it (HMAC), so the leader can be shown every table's links
// again later while the server still stores nothing but hashes. A board whose voorzitter renewed
// one of its links on the board itself has been taken over: the leader's link leaves it alone.
import * as Y from 'yjs'
import {
  createBoard,
  isTemplateName,
  WORKSHOP_LABELS,
  type Lang,
  type TemplateName,
} from '../shared/index.ts'
import {
  deriveFrom,
  hashToken,
  newBoardId,
  newToken,
  roleForToken,
  tokenMatches,
} from './access.ts'
import { boardLink, MAX_TITLE_LENGTH, parseTitle, type Boards } from './boards.ts'
import { HttpError } from './http/respond.ts'
import type { BoardRecord, RehashedBoard, Role, Store, WorkshopRecord } from './store/types.ts'
import { ROLES } from './store/types.ts'

export const WORKSHOP_TABLES = { min: 1, max: 12 } as const
/** Room left in a board's title for " – Tafel 12". */
const MAX_WORKSHOP_TITLE = MAX_TITLE_LENGTH - 20

/** The leader's page; the token in the fragment never reaches a server log. */
export const workshopLink = (id: string, token: string) => `/w/${id}#t=${token}`

/** A board's token for one role, derived from the leader's token: 192 bits, like any token. */
export function deriveToken(leaderToken: string, boardId: string, role: Role): string {
  return deriveFrom(leaderToken, `${boardId}/${role}`)
}

const derivedHashes = (leaderToken: string, boardId: string) =>
  Object.fromEntries(
    ROLES.map((role) => [role, hashToken(deriveToken(leaderToken, boardId, role))]),
  ) as Record<Role, string>

/** The roles of the board whose links are still the ones the workshop derived. */
const derivedRoles = (record: BoardRecord, leaderToken: string): Role[] =>
  ROLES.filter((role) => roleForToken(record, deriveToken(leaderToken, record.id, role)) === role)

export interface WorkshopRequest {
  tables: number
  template: TemplateName
  title: string
  /** The leader's language: the boards are named in it ("Tafel 3", "Table 3"). */
  lang: Lang
}

export interface WorkshopBoard {
  id: string
  title: string
  /** Links still valid; a role whose link was renewed on the board itself is left out. */
  links: Partial<Record<Role, string>>
  /**
   * A link was renewed on the board itself: its voorzitter took it over. The leader's link no
   * longer deletes it nor renews its links.
   */
  takenOver: boolean
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
    const {
      tables,
      template = 'tips-tops-interessant',
      lang = 'nl',
    } = input as Record<string, unknown>
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
    if (lang !== 'nl' && lang !== 'en') {
      throw new HttpError(400, `lang must be "nl" or "en", not ${JSON.stringify(lang)}`)
    }
    return { tables, template, title, lang }
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
    const plenary = await make(WORKSHOP_LABELS.plenary[request.lang])
    const tables: string[] = []
    for (let n = 1; n <= request.tables; n++) {
      tables.push(await make(`${WORKSHOP_LABELS.table[request.lang]} ${n}`))
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
    // An unknown workshop and a wrong token answer alike, in the same time.
    if (!tokenMatches(workshop?.leaderHash, token) || !workshop) {
      throw new HttpError(403, 'this workshop link is not valid (any more)')
    }
    return workshop
  }

  async view(workshop: WorkshopRecord, leaderToken: string): Promise<WorkshopView> {
    const board = async (boardId: string): Promise<WorkshopBoard | null> => {
      const record = await this.store.getBoard(boardId)
      if (!record) return null
      const roles = derivedRoles(record, leaderToken)
      const links = Object.fromEntries(
        roles.map((role) => [role, boardLink(boardId, deriveToken(leaderToken, boardId, role))]),
      )
      return { id: boardId, title: record.title, links, takenOver: roles.length < ROLES.length }
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

  /**
   * Deletes every board of the workshop for real, then the workshop. A board taken over by its
   * own voorzitter is theirs now: it stays, with its links, and returns among `kept`.
   */
  async delete(workshop: WorkshopRecord, leaderToken: string): Promise<{ kept: string[] }> {
    const kept: string[] = []
    for (const record of await this.records(workshop)) {
      if (derivedRoles(record, leaderToken).length < ROLES.length) kept.push(record.id)
      else await this.boards.delete(record.id)
    }
    await this.store.deleteWorkshop(workshop.id)
    return { kept }
  }

  /**
   * A new leader link; the old one stops working at once. The boards' links change with it: they
   * derive from the leader's token, so whoever held the old link could derive them all. Everyone
   * connected with an old board link is disconnected (4403) and needs the new one from the
   * overview. A board taken over by its own voorzitter keeps its links, and stays taken over.
   */
  async renew(
    workshop: WorkshopRecord,
    leaderToken: string,
  ): Promise<{ leaderToken: string; view: WorkshopView; renewed: string[] }> {
    const next = newToken()
    const boards: RehashedBoard[] = (await this.records(workshop))
      .filter((record) => derivedRoles(record, leaderToken).length === ROLES.length)
      .map((record) => ({
        id: record.id,
        from: record.tokenHashes,
        to: derivedHashes(next, record.id),
      }))
    const renewed = await this.store.renewWorkshopLeader(
      workshop.id,
      workshop.leaderHash,
      hashToken(next),
      boards,
    )
    // Renewed by someone else meanwhile: this token is no longer the leader's.
    if (!renewed) throw new HttpError(403, 'this workshop link is not valid (any more)')
    for (const boardId of renewed) await this.boards.replaced(boardId, ROLES)
    const record = { ...workshop, leaderHash: hashToken(next) }
    return { leaderToken: next, view: await this.view(record, next), renewed }
  }

  /** The workshop's boards that still exist, plenary first. */
  private async records(workshop: WorkshopRecord): Promise<BoardRecord[]> {
    const records = await Promise.all(
      [workshop.plenary, ...workshop.tables].map((boardId) => this.store.getBoard(boardId)),
    )
    return records.filter((record): record is BoardRecord => record !== null)
  }

  /** Forgets workshops whose boards have all expired or been deleted; returns how many. */
  async sweep(): Promise<number> {
    const empty = await this.store.emptyWorkshops()
    for (const id of empty) await this.store.deleteWorkshop(id)
    return empty.length
  }
}
