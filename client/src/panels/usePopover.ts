// A button that opens a small panel beside it (the circle menu, the colours of a sticky). The
// panel follows its button in the page, so Tab walks into it; Escape or a press elsewhere closes it.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

export function usePopover() {
  const [open, setOpen] = useState(false)
  const triggerRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)

  /** Closes the panel and gives the focus back to its button, where the user left off. */
  const close = useCallback(() => {
    setOpen(false)
    triggerRef.current?.focus()
  }, [])
  const toggle = useCallback(() => setOpen((was) => !was), [])

  // Opens towards the left when there is no room on the right (a button at the end of a row).
  useLayoutEffect(() => {
    const panel = panelRef.current
    if (!open || !panel) return
    panel.style.removeProperty('left')
    panel.style.removeProperty('right')
    if (panel.getBoundingClientRect().right > document.documentElement.clientWidth) {
      panel.style.left = 'auto'
      panel.style.right = '0'
    }
  }, [open])

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      const target = event.target instanceof Node ? event.target : null
      if (panelRef.current?.contains(target) || triggerRef.current?.contains(target)) return
      setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      close()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open, close])

  return { open, toggle, close, triggerRef, panelRef }
}
