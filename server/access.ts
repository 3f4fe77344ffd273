// Link tokens: random secrets handed out once, stored only as hashes, compared in constant time.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { BoardRecord, Role } from './store/types.ts'
import { ROLES } from './store/types.ts'

/** 192 random bits, URL-safe. */
export const newToken = (): string => randomBytes(24).toString('base64url')

/** 128 random bits: a board id is not a secret, but it should not be guessable either. */
export const newBoardId = (): string => randomBytes(16).toString('base64url')

// Tokens carry 192 bits of entropy, so a fast hash is enough: there is nothing to brute-force.
export const hashToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('base64url')

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/
const BOARD_ID_SHAPE = /^[A-Za-z0-9_-]{8,64}$/

export const isBoardIdShape = (id: string): boolean => BOARD_ID_SHAPE.test(id)

/** A token derived from a secret one: HMAC-SHA-256 of `message`, 192 bits like any token. */
export const deriveFrom = (secret: string, message: string): string =>
  createHmac('sha256', secret).update(message).digest().subarray(0, 24).toString('base64url')

/**
 * A board's edit or view token, derived from its facilitator token: the facilitator's link can be
 * shown those links again on any device while the server keeps only hashes. Each renewal of a
 * link takes the next generation.
 */
export function deriveLinkToken(
  facilitatorToken: string,
  boardId: string,
  role: 'edit' | 'view',
  generation: number,
): string {
  return deriveFrom(facilitatorToken, `board/${boardId}/${role}/${generation}`)
}

/** Renewals after which a link is random again: finding the generation costs a hash each. */
export const MAX_LINK_GENERATION = 1000

/**
 * The generation of the role's current token if it derives from this facilitator token, else
 * null (a board made before links were derived, a workshop table, or one renewed too often).
 */
export function linkGeneration(
  board: BoardRecord,
  facilitatorToken: string,
  role: 'edit' | 'view',
): number | null {
  for (let generation = 0; generation <= MAX_LINK_GENERATION; generation++) {
    const token = deriveLinkToken(facilitatorToken, board.id, role, generation)
    if (hashToken(token) === board.tokenHashes[role]) return generation
  }
  return null
}

/** Hashes no token has: what an unknown board's token is compared with. */
const DECOY_HASHES: Record<Role, string> = {
  facilitator: hashToken(newToken()),
  edit: hashToken(newToken()),
  view: hashToken(newToken()),
}

/** Whether two hashes are the same, in constant time. */
function sameHash(stored: string, hash: Buffer): boolean {
  const bytes = Buffer.from(stored)
  return bytes.length === hash.length && timingSafeEqual(bytes, hash)
}

/** Whether the token hashes to `stored`, in constant time; as much work for a missing `stored`. */
export function tokenMatches(
  stored: string | undefined,
  token: string | null | undefined,
): boolean {
  if (!token || !TOKEN_SHAPE.test(token)) return false
  const same = sameHash(stored ?? DECOY_HASHES.facilitator, Buffer.from(hashToken(token)))
  return same && stored !== undefined
}

/**
 * The role a token grants on this board, or null. An unknown board (null) costs the same work as
 * a wrong token, so the time of the answer does not tell whether a board exists.
 */
export function roleForToken(
  board: BoardRecord | null | undefined,
  token: string | null | undefined,
): Role | null {
  if (!token || !TOKEN_SHAPE.test(token)) return null
  const hash = Buffer.from(hashToken(token))
  const hashes = board?.tokenHashes ?? DECOY_HASHES
  let found: Role | null = null
  for (const role of ROLES) if (sameHash(hashes[role], hash)) found = role
  return board ? found : null
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim())
  return match?.[1] ?? null
}
