// How each sticky kind looks. Colour is never the only signal: every kind also has its own symbol,
// chosen from characters that common fonts (and the PDF's embedded font) carry.
import { STICKY_KIND_LABELS, type Label } from './labels.ts'
import type { StickyKind } from './schema.ts'

export interface StickyKindStyle {
  label: Label
  /** Background of the sticky, unless the sticky overrides it. */
  color: string
  symbol: string
}

export const STICKY_KINDS = {
  plus: { label: STICKY_KIND_LABELS.plus, color: '#a9e5a0', symbol: '+' },
  minus: { label: STICKY_KIND_LABELS.minus, color: '#ffc078', symbol: '−' },
  question: { label: STICKY_KIND_LABELS.question, color: '#a5d8ff', symbol: '?' },
  goal: { label: STICKY_KIND_LABELS.goal, color: '#ff9b9b', symbol: '↑' },
  need: { label: STICKY_KIND_LABELS.need, color: '#d0bfff', symbol: '◆' },
  note: { label: STICKY_KIND_LABELS.note, color: '#fff3a0', symbol: '✎' },
  top: { label: STICKY_KIND_LABELS.top, color: '#c3fae8', symbol: '★' },
  tip: { label: STICKY_KIND_LABELS.tip, color: '#ffe8cc', symbol: '!' },
  interesting: { label: STICKY_KIND_LABELS.interesting, color: '#99e9f2', symbol: '✱' },
  action: { label: STICKY_KIND_LABELS.action, color: '#eebefa', symbol: '▶' },
} as const satisfies Record<StickyKind, StickyKindStyle>
