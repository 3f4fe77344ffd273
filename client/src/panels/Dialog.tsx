// The one modal dialog: it opens at its heading, keeps Tab and Shift+Tab inside, closes on Escape,
// on its close button or a click beside it, and gives the focus back to where it came from.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useStrings } from '../i18n.ts'

interface Props {
  title: string
  onClose(): void
  /** Extra class for the dialog box, e.g. its width. */
  className?: string
  children: ReactNode
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** The elements Tab can reach inside `root`, in order; hidden ones are skipped. */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  )
}

export function Dialog({ title, onClose, className, children }: Props) {
  const t = useStrings()
  const id = useId()
  const box = useRef<HTMLDivElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    heading.current?.focus()
    return () => {
      if (opener?.isConnected) opener.focus({ preventScroll: true })
    }
  }, [])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
      return
    }
    if (event.key !== 'Tab' || !box.current) return
    const all = focusables(box.current)
    const first = all[0]
    const last = all[all.length - 1]
    if (!first || !last) return
    const active = document.activeElement
    if (event.shiftKey && (active === first || active === heading.current)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && active === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <div
      className="dialog-backdrop"
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        ref={box}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {children}
        <button type="button" className="close" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </div>
  )
}
