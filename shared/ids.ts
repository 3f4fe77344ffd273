// Typed item ids in tldraw style (`sticky:3fK9…`). The random part comes from an IdSource that
// callers pass in, so tests and the convergence simulation stay deterministic.

export type ItemId = string & { readonly __brand: 'ItemId' }

/** Returns a fresh random part for an id; must not repeat within one board. */
export type IdSource = () => string

const ID_PATTERN = /^[a-z][a-z-]{0,31}:[A-Za-z0-9_-]{1,64}$/

export function isItemId(value: unknown): value is ItemId {
  return typeof value === 'string' && ID_PATTERN.test(value)
}

export function newItemId(type: string, ids: IdSource): ItemId {
  const id = `${type}:${ids()}`
  if (!isItemId(id)) throw new Error(`id source produced an invalid id: ${id}`)
  return id
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** 16 characters from a 62-letter alphabet: about 95 bits, enough that peers never collide. */
export const randomIds: IdSource = () => {
  let out = ''
  while (out.length < 16) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      // Bytes from 248 up are dropped: 248 = 4 × 62, so every letter stays equally likely.
      if (byte < 248 && out.length < 16) out += ALPHABET.charAt(byte % 62)
    }
  }
  return out
}
