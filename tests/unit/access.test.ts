// No timing oracle: a link for a board that does not exist costs the server the same work as a
// wrong link for one that does, so the time of the answer does not tell whether a board exists.
import { describe, expect, it } from 'vitest'
import { hashToken, newToken, roleForToken, tokenMatches } from '../../server/access.ts'
import type { BoardRecord } from '../../server/store/types.ts'

const board = {
  tokenHashes: {
    facilitator: hashToken(newToken()),
    edit: hashToken(newToken()),
    view: hashToken(newToken()),
  },
} as BoardRecord

/**
 * The fastest batch of each, batches interleaved so drift hits both alike: the least disturbed by
 * whatever else the machine runs. Without the decoy, an unknown board took a twentieth of the time.
 */
function fastest(a: () => unknown, b: () => unknown): [number, number] {
  const times: [number[], number[]] = [[], []]
  for (let batch = 0; batch < 41; batch++) {
    for (const [i, run] of [a, b].entries()) {
      const start = process.hrtime.bigint()
      for (let n = 0; n < 500; n++) run()
      times[i]!.push(Number(process.hrtime.bigint() - start))
    }
  }
  return [Math.min(...times[0]), Math.min(...times[1])]
}

describe('checking a link', () => {
  it('grants the role of the matching token only', () => {
    const token = newToken()
    const own = { tokenHashes: { ...board.tokenHashes, edit: hashToken(token) } } as BoardRecord
    expect(roleForToken(own, token)).toBe('edit')
    expect(roleForToken(board, token)).toBeNull()
    expect(roleForToken(null, token)).toBeNull()
    expect(tokenMatches(hashToken(token), token)).toBe(true)
    expect(tokenMatches(undefined, token)).toBe(false)
  })

  it('takes as long for an unknown board as for a wrong token', () => {
    const token = newToken()
    const [unknown, wrong] = fastest(
      () => roleForToken(null, token),
      () => roleForToken(board, token),
    )
    expect(unknown / wrong).toBeGreaterThan(0.33)
    expect(unknown / wrong).toBeLessThan(3)
    const [noWorkshop, wrongLeader] = fastest(
      () => tokenMatches(undefined, token),
      () => tokenMatches(board.tokenHashes.edit, token),
    )
    expect(noWorkshop / wrongLeader).toBeGreaterThan(0.33)
    expect(noWorkshop / wrongLeader).toBeLessThan(3)
  })
})
