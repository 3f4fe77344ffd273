// One Tab stop for a row of buttons (the toolbar, role="toolbar"): Tab enters at the button used
// last, or the pressed tool; Left and Right go to the previous and next button, Home and End to
// the first and last. Only the buttons on screen count, so the folded tools join in while the
// overflow is open. A popover of its own (the circle menu) keeps the plain Tab order inside it.
import { useEffect, type RefObject } from 'react'

const ITEM = 'button'
const OWN_ORDER = '.popover'

function itemsOf(root: HTMLElement): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>(ITEM)].filter(
    (button) =>
      !button.disabled && !button.closest(OWN_ORDER) && button.getClientRects().length > 0,
  )
}

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
}

export function useRovingFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current
    if (!root) return
    let current: HTMLButtonElement | null = null
    const sync = () => {
      const items = itemsOf(root)
      if (!current || !items.includes(current)) {
        current = items.find((button) => button.getAttribute('aria-pressed') === 'true') ?? null
        current ??= items[0] ?? null
      }
      for (const button of root.querySelectorAll<HTMLButtonElement>(ITEM)) {
        if (!button.closest(OWN_ORDER)) button.tabIndex = button === current ? 0 : -1
      }
    }
    const onFocus = (event: FocusEvent) => {
      const target = event.target
      if (target instanceof HTMLButtonElement && itemsOf(root).includes(target)) {
        current = target
        sync()
      }
    }
    const onKey = (event: KeyboardEvent) => {
      const move = MOVES[event.key]
      if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      const items = itemsOf(root)
      const at = items.indexOf(event.target as HTMLButtonElement)
      if (at < 0) return
      event.preventDefault()
      items[move(at, items.length)]?.focus()
    }
    // Buttons come and go (the sticky kinds, the overflow), and a wider screen unfolds the tools.
    const observer = new MutationObserver(sync)
    observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled', 'hidden', 'data-open', 'aria-pressed'],
    })
    const onResize = () => sync()
    window.addEventListener('resize', onResize)
    root.addEventListener('focusin', onFocus)
    root.addEventListener('keydown', onKey)
    sync()
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', onResize)
      root.removeEventListener('focusin', onFocus)
      root.removeEventListener('keydown', onKey)
    }
  }, [ref])
}
