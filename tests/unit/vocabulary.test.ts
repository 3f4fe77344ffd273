// Ids and names: random ids never collide, a sticky's kind never depends on colour alone, and no
// two item types or shape kinds share a name.
import { describe, expect, it } from 'vitest'
import {
  ITEM_TYPE_LABELS,
  isItemId,
  newItemId,
  randomIds,
  SHAPE_KIND_LABELS,
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

describe('item and shape names', () => {
  it('tell every item type and every shape kind apart, in both languages', () => {
    for (const table of [ITEM_TYPE_LABELS, SHAPE_KIND_LABELS]) {
      const labels = Object.values(table)
      for (const lang of ['nl', 'en'] as const) {
        expect(new Set(labels.map((label) => label[lang])).size).toBe(labels.length)
      }
    }
  })
})
