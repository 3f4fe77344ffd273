// What the canvas writes stands out from what it is written on, at 4.5:1 or more (WCAG 1.4.3 for
// text of any size; titles and badges shrink with the zoom, so the large-text 3:1 is not relied
// on): circle and box titles on their fill, the number badges' white digits on their disc, arrow
// badges and labels on white (their halo), and free labels and other text on the canvas.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { STICKY_KINDS } from '../../../shared/index.ts'
import {
  BOX_COLORS,
  CANVAS,
  CIRCLE_COLORS,
  contrast,
  INK,
  MUTED,
  PAPER,
  VALENCE_STYLES,
} from '../../../client/src/canvas/theme.ts'

const pairs: [what: string, text: string, background: string][] = [
  ...Object.entries(CIRCLE_COLORS).flatMap(([role, c]): [string, string, string][] => [
    [`circle ${role}: title on its fill`, c.stroke, c.fill],
    [`circle ${role}: title on the canvas`, c.stroke, CANVAS],
    [`circle ${role}: number badge`, PAPER, c.stroke],
  ]),
  ...Object.entries(BOX_COLORS).flatMap(([role, c]): [string, string, string][] => [
    [`box ${role}: title on its fill`, c.stroke, c.fill],
    [`box ${role}: number badge`, PAPER, c.stroke],
    [`box ${role}: hint and "+N" on its fill`, MUTED, c.fill],
  ]),
  ...Object.entries(VALENCE_STYLES).map(([valence, s]): [string, string, string] => [
    `arrow ${valence}: badge and label on white`,
    s.stroke,
    PAPER,
  ]),
  ...Object.entries(STICKY_KINDS).map(([kind, k]): [string, string, string] => [
    `sticky ${kind}: text on its colour`,
    INK,
    k.color,
  ]),
  ['a label on the canvas', INK, CANVAS],
  ['muted text on the canvas', MUTED, CANVAS],
]

describe('canvas text contrast', () => {
  it.each(pairs)('%s: 4.5:1 or more', (_, text, background) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5)
  })

  it('checks against the colour the canvas really has', () => {
    const css = readFileSync(
      new URL('../../../client/src/canvas/canvas.css', import.meta.url),
      'utf8',
    )
    expect(/\.board-canvas \{[^}]*background: (#\w+);/.exec(css)?.[1]).toBe(CANVAS)
  })
})
