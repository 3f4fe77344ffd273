// Ondersteuningsroute: the triangle of three levels (1 the basis at the bottom, 3 MDO and
// arrangement at the top); per level, left what works and stays, right what must improve and how.
import { addLabel, addShape } from '../commands/draw.ts'
import type { Label } from '../labels.ts'
import { TEMPLATE_PART_LABELS as P } from './labels.ts'
import { addArea, addHint, type TemplateContext } from './parts.ts'

const TRIANGLE = { w: 1200, h: 1050 }
const SIDE = { w: 620, gap: 60 }

/** "1 De basis: …: wat bevalt en willen we behouden?", so the outline and PDF name the level. */
const sideLabel = (level: Label, side: Label): Label => ({
  nl: `${level.nl}: ${side.nl}`,
  en: `${level.en}: ${side.en}`,
})

// Top to bottom: the fewest pupils reach level 3, at the apex.
const LEVELS: readonly Label[] = [P.level3, P.level2, P.level1]

/** Every name the route writes on a board: its levels and each level's two sides. */
export const ROUTE_LABELS: readonly Label[] = LEVELS.flatMap((level) => [
  level,
  sideLabel(level, P.keep),
  sideLabel(level, P.improve),
])

export function fillRoute(ctx: TemplateContext): void {
  const { doc, ids } = ctx
  const x = -TRIANGLE.w / 2
  const y = -TRIANGLE.h / 2
  const band = TRIANGLE.h / LEVELS.length
  addShape(doc, { ids, shape: 'triangle', x, y, w: TRIANGLE.w, h: TRIANGLE.h, stroke: '#495057' })
  addHint(ctx, P.routeTitle, x + TRIANGLE.w / 2 - 200, y - 90, 500)
  LEVELS.forEach((level, i) => {
    const top = y + i * band
    if (i > 0) {
      // The triangle's half-width grows linearly from the apex down.
      const half = (TRIANGLE.w / 2) * (i / LEVELS.length)
      addShape(doc, {
        ids,
        shape: 'line',
        x: -half,
        y: top,
        w: 2 * half,
        h: 0,
        stroke: '#495057',
      })
    }
    // Level names sit low in their band, where the triangle is widest.
    const text = level.nl
    addLabel(doc, { ids, text, fontSize: 26, x: -text.length * 8, y: top + band - 60 })
    const sides = [
      { side: P.keep, x: x - SIDE.gap - SIDE.w },
      { side: P.improve, x: x + TRIANGLE.w + SIDE.gap },
    ]
    for (const { side, x: left } of sides) {
      addArea(ctx, {
        role: 'other',
        label: sideLabel(level, side),
        x: left,
        y: top + 5,
        w: SIDE.w,
        h: band - 10,
      })
    }
  })
}
