// How the board looks on screen: the board colours of shared/boardStyle.ts, the UI's own, and the
// one font stack (system fonts only: no third-party requests, not even for a web font).
export { BOX_COLORS, CIRCLE_COLORS, VALENCE_STYLES } from '../../../shared/boardStyle.ts'

export const FONT = "system-ui, 'Segoe UI', Roboto, sans-serif"
export const INK = '#1d2430'
export const MUTED = '#5c6470'
export const SELECTION = '#1f5fbf'
export const PAPER = '#ffffff'
/** The canvas behind the board (canvas.css, .board-canvas). */
export const CANVAS = '#f6f4ef'

/** Text smaller than this on screen, in CSS pixels, is not worth drawing: nobody can read it. */
export const READABLE_PX = 6
/**
 * A normal sticky's smallest font, in board units: 11 px or more on screen where a laptop opens
 * an MDO board (fitted at about 0.49), and still READABLE_PX at a quarter scale.
 */
export const STICKY_MIN_FONT = 24

/** A darker edge for a sticky, from its background colour. */
export function darken(hex: string, amount = 0.25): string {
  const n = Number.parseInt(hex.slice(1), 16)
  const channel = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount))
  const out = (channel(16) << 16) | (channel(8) << 8) | channel(0)
  return `#${out.toString(16).padStart(6, '0')}`
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const n = Number.parseInt(hex.slice(1), 16)
    const [r, g, bl] = [16, 8, 0].map((shift) => {
      const c = ((n >> shift) & 255) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** Ink or white, whichever stands out more on the colour (a user's colour can be light or dark). */
export function readableOn(hex: string): string {
  return contrast(hex, INK) > contrast(hex, PAPER) ? INK : PAPER
}
