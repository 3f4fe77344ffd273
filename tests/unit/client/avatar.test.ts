// An avatar is a colour AND initials: the initials are letters of the name, never a bracket, and
// every colour of the palette carries its initials at 4.5:1 or more.
import { describe, expect, it } from 'vitest'
import { contrast, readableOn } from '../../../client/src/canvas/theme.ts'
import { USER_COLORS } from '../../../client/src/panels/JoinDialog.tsx'
import { initialsOf } from '../../../client/src/panels/Presence.tsx'

describe('initialsOf', () => {
  it.each([
    ['Ilse (IB)', 'IB'],
    ['Ilse', 'IL'],
    ['Marieke de Vries', 'MV'],
    ['Anna (voorzitter)', 'AN'],
    ['  jan-willem  ', 'JW'],
    ['Özlem Yılmaz', 'ÖY'],
    ['(…)', '?'],
    ['', '?'],
  ])('%j gives %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials)
  })
})

describe('avatar colours', () => {
  it.each(USER_COLORS)('%s carries its initials at 4.5:1 or more', (color) => {
    expect(contrast(color, readableOn(color))).toBeGreaterThanOrEqual(4.5)
  })

  it('reads black on white as 21:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
  })
})
