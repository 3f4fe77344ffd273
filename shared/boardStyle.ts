// How the board looks wherever it is drawn (the canvas and the PDF's board page): colours per
// circle and box role, and per valence a colour, a line pattern and a badge. A stroke is also the
// colour of its title and the disc of its number badge (white digits): each carries text at 4.5:1
// or more on its fill, on white and on the canvas (tests/unit/client/canvasContrast.test.ts).
import type { BoxRole, CircleRole, Valence } from './schema.ts'

export const CIRCLE_COLORS: Record<CircleRole, { stroke: string; fill: string }> = {
  kind: { stroke: '#c2410c', fill: '#fff4e6' },
  school: { stroke: '#1864ab', fill: '#e7f5ff' },
  thuis: { stroke: '#2b7a3b', fill: '#ebfbee' },
  zorg: { stroke: '#862e9c', fill: '#f8f0fc' },
  other: { stroke: '#495057', fill: '#f8f9fa' },
}

export const BOX_COLORS: Record<BoxRole, { stroke: string; fill: string }> = {
  questions: { stroke: '#1864ab', fill: '#fdfdfd' },
  agreements: { stroke: '#5f3dc4', fill: '#fdfdfd' },
  column: { stroke: '#687078', fill: '#fdfdfd' },
  other: { stroke: '#687078', fill: '#fdfdfd' },
}

/**
 * Each valence differs in three ways at once (colour, line pattern, badge), so it reads in grey
 * print and for colour-blind participants too. An empty dash is a solid line.
 */
export const VALENCE_STYLES: Record<
  Valence,
  { stroke: string; width: number; dash: readonly number[]; badge: string }
> = {
  up: { stroke: '#2b7a3b', width: 10, dash: [], badge: '↗' },
  down: { stroke: '#c92a2a', width: 8, dash: [24, 16], badge: '↘' },
  neutral: { stroke: '#495057', width: 4, dash: [], badge: '↔' },
}
