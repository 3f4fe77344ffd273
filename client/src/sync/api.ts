// The JSON API of docs/api.md, and where this device keeps the links of boards it created: the
// server returns the participant links only once, at creation, and stores only their hashes.
import type { BoardMeta, Item, Lang, TemplateName } from '../../../shared/index.ts'
import type { AccessRole } from './session.ts'

export type LinkRole = AccessRole

export interface BoardLinks {
  facilitator?: string
  edit?: string
  view?: string
}

export interface CreatedBoard {
  id: string
  links: Required<BoardLinks>
}

export interface BoardInfo {
  id: string
  title: string
  template: string
  role: AccessRole
}

/** Carries the HTTP status, so a page can tell a refused link (401/403/404) from a network fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  const res = await fetch(path, init)
  const body: unknown = await res.json().catch(() => ({}))
  if (!res.ok) {
    const error = (body as { error?: unknown }).error
    throw new ApiError(res.status, typeof error === 'string' ? error : res.statusText)
  }
  return body as T
}

export function absoluteLink(path: string): string {
  return new URL(path, window.location.href).href
}

export function createBoard(template: TemplateName, title: string): Promise<CreatedBoard> {
  return postBoard({ template, title })
}

/** A new board from a board file (docs/export.md); the server checks all of it first. */
export function createBoardFromFile(board: unknown): Promise<CreatedBoard> {
  return postBoard({ board })
}

async function postBoard(request: unknown): Promise<CreatedBoard> {
  const body = await call<CreatedBoard>('/api/boards', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  })
  return keepCreated(body)
}

/**
 * A new board for the next meeting: this board's content, the running agreements set up for
 * evaluation. Facilitator token only; the new board's links are kept on this device like any other.
 */
export async function prepareNextMeeting(
  boardId: string,
  token: string,
  title?: string,
): Promise<CreatedBoard> {
  const body = await call<CreatedBoard>(`/api/boards/${encodeURIComponent(boardId)}/next`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(title ? { title } : {}),
  })
  return keepCreated(body)
}

/** Makes a created board's links absolute and keeps them on this device. */
export function keepCreated(body: CreatedBoard): CreatedBoard {
  const links = {
    facilitator: absoluteLink(body.links.facilitator),
    edit: absoluteLink(body.links.edit),
    view: absoluteLink(body.links.view),
  }
  storeLinks(body.id, links)
  return { id: body.id, links }
}

export function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfo> {
  return call<BoardInfo>(`/api/boards/${encodeURIComponent(boardId)}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
}

/** Makes a new link for a role; the old one stops working at once. Facilitator token only. */
export async function rotateLink(boardId: string, token: string, role: LinkRole): Promise<string> {
  const body = await call<{ link: string }>(`/api/boards/${encodeURIComponent(boardId)}/rotate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ role }),
  })
  const link = absoluteLink(body.link)
  storeLinks(boardId, { ...storedLinks(boardId), [role]: link })
  return link
}

/**
 * The edit and view links as the server works them out from the facilitator's token, for a
 * device that did not make the board; kept on this device like a created board's. A link that
 * does not derive from the token (a workshop table, an older board) is missing.
 */
export async function fetchLinks(boardId: string, token: string): Promise<BoardLinks> {
  const body = await call<{ links: Record<string, string> }>(
    `/api/boards/${encodeURIComponent(boardId)}/links`,
    { headers: { Authorization: `Bearer ${token}` } },
  )
  const links: BoardLinks = { ...storedLinks(boardId) }
  for (const role of ['edit', 'view'] as const) {
    const link = body.links[role]
    if (typeof link === 'string') links[role] = absoluteLink(link)
  }
  storeLinks(boardId, links)
  return links
}

const linksKey = (boardId: string) => `mdo-links-${boardId}`

export function storedLinks(boardId: string): BoardLinks {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(linksKey(boardId)) ?? '{}')
    if (typeof value !== 'object' || value === null) return {}
    const links: BoardLinks = {}
    for (const role of ['facilitator', 'edit', 'view'] as const) {
      const link = (value as Record<string, unknown>)[role]
      if (typeof link === 'string') links[role] = link
    }
    return links
  } catch {
    return {}
  }
}

function storeLinks(boardId: string, links: BoardLinks) {
  try {
    localStorage.setItem(linksKey(boardId), JSON.stringify(links))
  } catch {
    // Without storage the facilitator can still make new links from the share panel.
  }
}

export function rememberRole(boardId: string, role: AccessRole) {
  try {
    localStorage.setItem(`mdo-role-${boardId}`, role)
  } catch {
    // Only used to open the board offline; nothing breaks without it.
  }
}

/** The role this link had last time, for opening the board from this device while offline. */
export function rememberedRole(boardId: string): AccessRole | null {
  const role = localStorage.getItem(`mdo-role-${boardId}`)
  return role === 'facilitator' || role === 'edit' || role === 'view' ? role : null
}

export interface WorkshopBoard {
  id: string
  title: string
  /** Absolute links; a role whose link was renewed on the board itself is missing. */
  links: BoardLinks
  /** Its voorzitter renewed a link on the board itself: the leader's link no longer deletes it. */
  takenOver: boolean
}

export interface Workshop {
  id: string
  title: string
  template: string
  plenary: WorkshopBoard | null
  /** Tables 1 to N; null where a table's board was deleted. */
  tables: (WorkshopBoard | null)[]
}

export interface CreatedWorkshop extends Workshop {
  /** The leader's overview, `/w/<id>#t=<leader token>`, absolute. */
  link: string
}

function absoluteBoard(board: WorkshopBoard | null): WorkshopBoard | null {
  if (!board) return null
  const links: BoardLinks = {}
  for (const role of ['facilitator', 'edit', 'view'] as const) {
    const link = board.links[role]
    if (link) links[role] = absoluteLink(link)
  }
  return { ...board, links }
}

function absoluteWorkshop<T extends Workshop>(workshop: T): T {
  return {
    ...workshop,
    plenary: absoluteBoard(workshop.plenary),
    tables: workshop.tables.map(absoluteBoard),
  }
}

/** A workshop of `tables` table boards and one plenary board, all from one template. */
export async function createWorkshop(
  tables: number,
  template: TemplateName,
  title: string,
  lang: Lang,
): Promise<CreatedWorkshop> {
  const body = await call<CreatedWorkshop>('/api/workshops', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tables, template, title, lang }),
  })
  return { ...absoluteWorkshop(body), link: absoluteLink(body.link) }
}

/** The workshop and every board's links; the leader's token only. */
export async function fetchWorkshop(workshopId: string, token: string): Promise<Workshop> {
  const body = await call<Workshop>(`/api/workshops/${encodeURIComponent(workshopId)}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  return absoluteWorkshop(body)
}

/**
 * A new leader link; the old one stops at once, and so do the links of every board the workshop
 * still holds (they come from the leader's). Boards taken over by their voorzitter keep theirs.
 */
export async function renewWorkshopLink(
  workshopId: string,
  token: string,
): Promise<CreatedWorkshop & { leaderToken: string }> {
  const body = await call<CreatedWorkshop & { leaderToken: string }>(
    `/api/workshops/${encodeURIComponent(workshopId)}/renew`,
    { method: 'POST', headers: { Authorization: `Bearer ${token}` } },
  )
  return { ...absoluteWorkshop(body), link: absoluteLink(body.link) }
}

/**
 * Deletes every board of the workshop for real, then the workshop; the leader's token only.
 * Boards taken over by their own voorzitter stay.
 */
export async function deleteWorkshop(workshopId: string, token: string): Promise<void> {
  await call<unknown>(`/api/workshops/${encodeURIComponent(workshopId)}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}` },
  })
}

// History (docs/api.md, "History"): the versions the relay keeps of the board; facilitator only.

export type VersionReason = 'first' | 'interval' | 'step' | 'restore'

export interface BoardVersion {
  n: number
  at: number
  /** The step the board was in; for a step change, the step that ended. */
  step: string | null
  /** Stickies on the board in this version. */
  points: number
  reason: VersionReason
  bytes: number
}

export interface VersionPreview {
  version: BoardVersion
  meta: BoardMeta
  items: Item[]
}

const versionsPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/versions`

/** The board's versions, newest first. */
export async function fetchVersions(boardId: string, token: string): Promise<BoardVersion[]> {
  const body = await call<{ versions: BoardVersion[] }>(versionsPath(boardId), {
    headers: { Authorization: `Bearer ${token}` },
  })
  return body.versions
}

/** One version as board JSON, for a read-only preview. */
export function fetchVersion(boardId: string, token: string, n: number): Promise<VersionPreview> {
  return call<VersionPreview>(`${versionsPath(boardId)}/${n}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
}

/** Makes the board equal to version `n` for everyone; `before` undoes it. */
export function restoreVersion(
  boardId: string,
  token: string,
  n: number,
): Promise<{ restored: BoardVersion; before: BoardVersion }> {
  return call(`${versionsPath(boardId)}/${n}/restore`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  })
}
