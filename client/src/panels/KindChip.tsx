// A sticky kind's mark in the DOM: its symbol on its colour, so kinds never differ by colour alone.
import { STICKY_KINDS, type StickyKind } from '../../../shared/index.ts'

export function KindChip({ kind, color }: { kind: StickyKind; color?: string | undefined }) {
  const style = STICKY_KINDS[kind]
  return (
    <span
      className="kind-chip"
      style={{ backgroundColor: color ?? style.color }}
      aria-hidden="true"
    >
      {style.symbol}
    </span>
  )
}
