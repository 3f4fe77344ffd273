// How the board looks on screen: the board colours of shared/boardStyle.ts, the UI's own, and the
// one font stack (system fonts only: no third-party requests, not even for a web font).
export { BOX_COLORS, CIRCLE_COLORS, VALENCE_STYLES } from '../../../shared/boardStyle.ts'

export const FONT = "system-ui, 'Segoe UI', Roboto, sans-serif"
export const INK = '#1d2430'
export const MUTED = '#5c6470'
export const SELECTION = '#1f5fbf'
export const PAPER = '#ffffff'

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
