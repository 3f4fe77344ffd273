// Whether the side panels are open, remembered per device (not per board): a parent who closed
// them on her phone finds them closed on the next board too. Without a choice yet, they are open
// only for the voorzitter on a screen wide enough to keep most of it for the board.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'

const KEY = 'mdo:panels'

/** From this width (CSS px) the drawer leaves the board enough room to open by itself. */
export const WIDE_SCREEN_PX = 1600

function stored(): boolean | null {
  try {
    const value = localStorage.getItem(KEY)
    return value === 'open' ? true : value === 'closed' ? false : null
  } catch {
    return null
  }
}

function remember(open: boolean): void {
  try {
    localStorage.setItem(KEY, open ? 'open' : 'closed')
  } catch {
    // Storage blocked (private mode): the choice lasts as long as the page.
  }
}

export function panelsOpenAtStart(facilitator: boolean, width: number): boolean {
  return stored() ?? (facilitator && width >= WIDE_SCREEN_PX)
}

/**
 * The panels' state: `toggle` is the person's choice and is remembered; `reveal` opens them for
 * something the app needs them for (a draft to write) without changing the remembered choice;
 * `bare` hides the top bar, the steps and the panels too, until the person shows them again.
 */
export function usePanels(facilitator: boolean) {
  const [open, setOpen] = useState(() => panelsOpenAtStart(facilitator, window.innerWidth))
  const toggle = useCallback(() => {
    remember(!open)
    setOpen(!open)
  }, [open])
  const reveal = useCallback(() => setOpen(true), [])
  // "Alleen het bord": everything but the canvas and the tools out of sight, for this page only.
  const [bare, setBare] = useState(false)
  return { open, toggle, reveal, bare, setBare }
}

/**
 * When the drawer opens or closes beside the canvas, the canvas changes width: the board keeps its
 * zoom and the middle of what was in view stays in the middle, so nothing slides out of sight.
 */
export function useKeepViewCentre(
  apiRef: RefObject<CanvasApi | null>,
  canvasArea: RefObject<HTMLElement | null>,
  open: boolean,
): void {
  const seen = useRef(open)
  useLayoutEffect(() => {
    if (seen.current === open) return
    seen.current = open
    const api = apiRef.current
    const stage = api?.stage()
    const element = canvasArea.current?.querySelector('.board-canvas')
    // The stage still has its old size here; the element already has its new one.
    if (!api || !stage || !element || element.clientWidth === stage.width()) return
    const view = api.viewport()
    const scale = stage.width() / Math.max(1, view.maxX - view.minX)
    const centre = { x: (view.minX + view.maxX) / 2, y: (view.minY + view.maxY) / 2 }
    const half = { x: element.clientWidth / scale / 2, y: element.clientHeight / scale / 2 }
    const width = element.clientWidth
    // Other view changes (a gesture settling) may come first: wait for the one of the new size.
    const stop = api.onViewChange(() => {
      if (stage.width() !== width) return
      stop()
      api.showView({
        minX: centre.x - half.x,
        minY: centre.y - half.y,
        maxX: centre.x + half.x,
        maxY: centre.y + half.y,
      })
    })
    return stop
  }, [apiRef, canvasArea, open])
}
