// The "kies de 3 belangrijkste" badge: it counts the plus and minus markers a circle owns and
// speaks up only past three of one kind; other kinds never count.
import { describe, expect, it } from 'vitest'
import type { Item, StickyKind } from '../../../shared/index.ts'
import { tooManyMarkers } from '../../../client/src/canvas/Circle.tsx'
import { STRINGS } from '../../../client/src/i18n.ts'

const sticky = (kind: StickyKind, n: number): Item =>
  ({
    id: `sticky:${kind}${n}`,
    type: 'sticky',
    kind,
    x: 0,
    y: 0,
    w: 1,
    h: 1,
    z: 'a0',
    text: '',
  }) as Item
const many = (kind: StickyKind, count: number) =>
  Array.from({ length: count }, (_, n) => sticky(kind, n))

describe('tooManyMarkers', () => {
  it('is quiet up to three of each kind', () => {
    expect(
      tooManyMarkers([...many('plus', 3), ...many('minus', 3), ...many('question', 9)]),
    ).toEqual([])
  })

  it('names each kind past three, plus before minus', () => {
    expect(tooManyMarkers([...many('minus', 4), ...many('plus', 5)])).toEqual([
      { kind: 'plus', count: 5 },
      { kind: 'minus', count: 4 },
    ])
  })

  it('reads as symbol, number and words', () => {
    expect(STRINGS.nl.tooMany(5, '+')).toBe('5 + · kies de 3 belangrijkste')
  })
})
