// Freehand strokes: perfect-freehand turns points with pen pressure into the outline of a filled
// shape, so a stroke thickens where the pen presses harder. Used for stored ink and the live draft.
import { getStroke } from 'perfect-freehand'
import { INK_STRIDE } from '../../../shared/index.ts'

/** Flat x, y, pressure triples → flat x, y outline of the stroke, ready for a closed Konva.Line. */
export function strokeOutline(
  points: readonly number[],
  width: number,
  complete: boolean,
): number[] {
  const input: [number, number, number][] = []
  for (let i = 0; i + 2 < points.length; i += INK_STRIDE) {
    input.push([points[i] ?? 0, points[i + 1] ?? 0, points[i + 2] ?? 0.5])
  }
  const outline = getStroke(input, {
    size: width,
    thinning: 0.6,
    smoothing: 0.5,
    streamline: 0.4,
    simulatePressure: false,
    last: complete,
  })
  return outline.flat()
}

/** Distance from a point to the nearest point of a stroke, in the stroke's own coordinates. */
export function distanceToStroke(points: readonly number[], x: number, y: number): number {
  let best = Infinity
  for (let i = 0; i + 1 < points.length; i += INK_STRIDE) {
    const d = Math.hypot((points[i] ?? 0) - x, (points[i + 1] ?? 0) - y)
    if (d < best) best = d
  }
  return best
}
