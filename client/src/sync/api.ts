// The JSON API of docs/api.md, and where this device keeps the links of boards it created: the
// server returns the participant links only once, at creation, and stores only their hashes.
import type { TemplateName } from '../../../shared/index.ts'
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
