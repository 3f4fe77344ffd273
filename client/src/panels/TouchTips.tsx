// A finger has no hover: pressing and holding a button with a tooltip (its `title`) shows that
// text above the finger, as phones do, and letting go then does not press the button. One
// listener for the whole board page, so every icon button gets it without wiring of its own.
import { useEffect, useState } from 'react'

/** How long a finger rests on a button before its tip shows. */
const HOLD_MS = 450
/** A finger that moves this far is scrolling or dragging, not holding. */
const SLOP_PX = 10
/** How long the tip stays after the finger lifts. */
const LINGER_MS = 1500

interface Tip {
  text: string
  x: number
  y: number
  /** Below the button: a button at the top of the screen has no room above it. */
  below: boolean
}

/** Half the tip's widest, so a tip beside the screen's edge stays on it. */
const HALF_WIDTH = 100

function tipTarget(target: EventTarget | null): HTMLElement | null {
  const element = target instanceof Element ? target.closest<HTMLElement>('[title]') : null
  return element?.closest('button, summary, [role="button"]') ? element : null
}

export function TouchTips() {
  const [tip, setTip] = useState<Tip | null>(null)
  useEffect(() => {
    let hold: ReturnType<typeof setTimeout> | undefined
    let linger: ReturnType<typeof setTimeout> | undefined
    let start: { x: number; y: number } | null = null
    let shown = false
    const cancel = () => {
      clearTimeout(hold)
      start = null
    }
    const onDown = (event: PointerEvent) => {
      cancel()
      shown = false
      if (event.pointerType !== 'touch') return
      const element = tipTarget(event.target)
      const text = element?.getAttribute('title')
      if (!element || !text) return
      start = { x: event.clientX, y: event.clientY }
      hold = setTimeout(() => {
        const box = element.getBoundingClientRect()
        clearTimeout(linger)
        shown = true
        const middle = box.left + box.width / 2
        const x = Math.min(Math.max(middle, HALF_WIDTH), window.innerWidth - HALF_WIDTH)
        const below = box.top < 80
        setTip({ text, x, y: below ? box.bottom : box.top, below })
      }, HOLD_MS)
    }
    const onMove = (event: PointerEvent) => {
      if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > SLOP_PX) cancel()
    }
    const onUp = () => {
      cancel()
      if (!shown) return
      clearTimeout(linger)
      linger = setTimeout(() => setTip(null), LINGER_MS)
    }
    // The press that showed a tip was a question, not a choice: its click is swallowed.
    const onClick = (event: MouseEvent) => {
      if (!shown) return
      shown = false
      event.preventDefault()
      event.stopPropagation()
    }
    // A long press would otherwise open the browser's own menu over the tip.
    const onContextMenu = (event: Event) => {
      if (tipTarget(event.target)) event.preventDefault()
    }
    document.addEventListener('pointerdown', onDown, true)
    document.addEventListener('pointermove', onMove, true)
    document.addEventListener('pointerup', onUp, true)
    document.addEventListener('pointercancel', cancel, true)
    document.addEventListener('click', onClick, true)
    document.addEventListener('contextmenu', onContextMenu, true)
    return () => {
      cancel()
      clearTimeout(linger)
      document.removeEventListener('pointerdown', onDown, true)
      document.removeEventListener('pointermove', onMove, true)
      document.removeEventListener('pointerup', onUp, true)
      document.removeEventListener('pointercancel', cancel, true)
      document.removeEventListener('click', onClick, true)
      document.removeEventListener('contextmenu', onContextMenu, true)
    }
  }, [])
  if (!tip) return null
  // The button keeps its own accessible name; the tip is what a sighted finger-user reads.
  return (
    <div
      className="touch-tip"
      data-below={tip.below}
      aria-hidden="true"
      data-testid="touch-tip"
      style={{ left: tip.x, top: tip.y }}
    >
      {tip.text}
    </div>
  )
}
