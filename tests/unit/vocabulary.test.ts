// Ids and sticky kinds: random ids never collide, and a sticky's kind never depends on colour alone.
import { describe, expect, it } from 'vitest'
import {
  isItemId,
  newItemId,
  randomIds,
  STICKY_KIND_VALUES,
  STICKY_KINDS,
} from '../../shared/index.ts'

describe('ids', () => {
  it('are typed by prefix and do not repeat', () => {
    const ids = Array.from({ length: 2000 }, () => newItemId('sticky', randomIds))
    expect(ids.every((id) => isItemId(id) && id.startsWith('sticky:'))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('refuse a source that makes unusable ids', () => {
    expect(() => newItemId('sticky', () => 'has spaces')).toThrow(/invalid id/)
    expect(isItemId('sticky:')).toBe(false)
  })
})

describe('sticky kinds', () => {
  it('each have their own symbol and colour, never colour alone', () => {
    const styles = STICKY_KIND_VALUES.map((kind) => STICKY_KINDS[kind])
    expect(new Set(styles.map((style) => style.symbol)).size).toBe(styles.length)
    expect(new Set(styles.map((style) => style.color)).size).toBe(styles.length)
    expect(STICKY_KINDS.goal.symbol).toBe('↑')
  })
})
