// Link tokens: random secrets handed out once, stored only as hashes, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
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

/** The role a token grants on this board, or null. */
export function roleForToken(board: BoardRecord, token: string | null | undefined): Role | null {
  if (!token || !TOKEN_SHAPE.test(token)) return null
  const hash = Buffer.from(hashToken(token))
  let found: Role | null = null
  for (const role of ROLES) {
    const stored = Buffer.from(board.tokenHashes[role])
    if (stored.length === hash.length && timingSafeEqual(stored, hash)) found = role
  }
  return found
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim())
  return match?.[1] ?? null
}
