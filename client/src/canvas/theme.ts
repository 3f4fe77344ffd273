// How the board looks: colours per circle role and per valence, and the one font stack (system
// fonts only: the board makes no third-party requests, not even for a web font).
import type { BoxRole, CircleRole, Valence } from '../../../shared/index.ts'

export const FONT = "system-ui, 'Segoe UI', Roboto, sans-serif"
export const INK = '#1d2430'
export const MUTED = '#5c6470'
export const SELECTION = '#1f5fbf'
export const PAPER = '#ffffff'

export const CIRCLE_COLORS: Record<CircleRole, { stroke: string; fill: string }> = {
  kind: { stroke: '#d9480f', fill: '#fff4e6' },
  school: { stroke: '#1864ab', fill: '#e7f5ff' },
  thuis: { stroke: '#2b8a3e', fill: '#ebfbee' },
  zorg: { stroke: '#862e9c', fill: '#f8f0fc' },
  other: { stroke: '#495057', fill: '#f8f9fa' },
}

export const BOX_COLORS: Record<BoxRole, { stroke: string; fill: string }> = {
  questions: { stroke: '#1864ab', fill: '#fdfdfd' },
  agreements: { stroke: '#5f3dc4', fill: '#fdfdfd' },
  column: { stroke: '#868e96', fill: '#fdfdfd' },
  other: { stroke: '#868e96', fill: '#fdfdfd' },
}

/**
 * Each valence differs in three ways at once (colour, line pattern, badge), so it reads in grey
 * print and for colour-blind participants too.
 */
export const VALENCE_STYLES: Record<
  Valence,
  { stroke: string; width: number; dash: number[] | undefined; badge: string }
> = {
  up: { stroke: '#2b8a3e', width: 10, dash: undefined, badge: '↗' },
  down: { stroke: '#c92a2a', width: 8, dash: [24, 16], badge: '↘' },
  neutral: { stroke: '#495057', width: 4, dash: undefined, badge: '↔' },
}

/** A darker edge for a sticky, from its background colour. */
export function darken(hex: string, amount = 0.25): string {
  const n = Number.parseInt(hex.slice(1), 16)
  const channel = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount))
  const out = (channel(16) << 16) | (channel(8) << 8) | channel(0)
  return `#${out.toString(16).padStart(6, '0')}`
}

/** Black or white, whichever reads better on the colour (a user's colour can be light or dark). */
export function readableOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16)
  const luminance = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)
  return luminance > 160 ? INK : '#ffffff'
}
