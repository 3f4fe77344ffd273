// The selection bar sits at the foot of the canvas, unless that would cover what is selected:
// then it goes to the top, under the chips. Checked on every render and every camera move.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'

export type BarPlace = 'foot' | 'top'

interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export function useBarPlace(
  bar: RefObject<HTMLElement | null>,
  selected: readonly Rect[],
  canvas: RefObject<CanvasApi | null>,
): BarPlace {
  const [place, setPlace] = useState<BarPlace>('foot')
  // Where the bar is when it sits at the foot: measured there, kept while it is at the top.
  const foot = useRef<DOMRect | null>(null)
  useLayoutEffect(() => {
    const check = () => {
      const el = bar.current
      const stage = canvas.current?.stage()
      if (!el || !stage) return
      if (place === 'foot') foot.current = el.getBoundingClientRect()
      const zone = foot.current
      if (!zone) return
      const origin = stage.container().getBoundingClientRect()
      const scale = stage.scaleX()
      const covered = selected.some((box) => {
        const left = origin.left + stage.x() + box.x * scale
        const top = origin.top + stage.y() + box.y * scale
        const right = left + box.w * scale
        const bottom = top + box.h * scale
        return left < zone.right && right > zone.left && top < zone.bottom && bottom > zone.top
      })
      setPlace(covered ? 'top' : 'foot')
    }
    check()
    return canvas.current?.onViewChange(check)
  })
  return place
}
