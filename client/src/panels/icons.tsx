// Line icons drawn inline (no icon font, no request to another host). Decorative: every button
// that shows one also carries a text name, so the icons are hidden from screen readers.
import type { ReactNode } from 'react'
import type { Tool } from '../state/ui.ts'

type ActionIcon =
  'undo' | 'redo' | 'fit' | 'zoomIn' | 'zoomOut' | 'more' | 'menu' | 'panels' | 'trash'

const PATHS: Record<Tool | ActionIcon, ReactNode> = {
  select: <path d="M5 3l14 8-6 1.5L10 19z" />,
  hand: (
    <path d="M8 12V5.5a1.5 1.5 0 013 0V11m0-6.5a1.5 1.5 0 013 0V11m0-5a1.5 1.5 0 013 0v8a6 6 0 01-6 6h-1a6 6 0 01-5-2.7L4.5 13a1.5 1.5 0 012.5-1.6L8 13" />
  ),
  sticky: <path d="M4 4h16v11l-5 5H4zM15 20v-5h5" />,
  pen: <path d="M4 20l1-5L16 4l4 4L9 19zM14 6l4 4" />,
  eraser: <path d="M8 20h12M4 15l9-11 7 6-9 10H8z" />,
  line: <path d="M5 19L19 5" />,
  arrow: <path d="M5 19L19 5M10 5h9v9" />,
  rect: <rect x="4" y="6" width="16" height="12" rx="1" />,
  ellipse: <ellipse cx="12" cy="12" rx="9" ry="6.5" />,
  triangle: <path d="M12 4l9 16H3z" />,
  text: <path d="M5 6V4h14v2M12 4v16M9 20h6" />,
  connect: (
    <>
      <circle cx="6" cy="17" r="3" />
      <circle cx="18" cy="7" r="3" />
      <path d="M8.5 15l7-6M12 9h3.5v3.5" />
    </>
  ),
  undo: <path d="M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3" />,
  redo: <path d="M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3" />,
  fit: <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />,
  zoomIn: <path d="M11 4a7 7 0 110 14 7 7 0 010-14zM20 20l-4-4M8 11h6M11 8v6" />,
  zoomOut: <path d="M11 4a7 7 0 110 14 7 7 0 010-14zM20 20l-4-4M8 11h6" />,
  more: <path d="M5 12h.01M12 12h.01M19 12h.01" strokeWidth="3.5" />,
  menu: <path d="M12 5h.01M12 12h.01M12 19h.01" strokeWidth="3.5" />,
  panels: <path d="M4 5h16v14H4zM14 5v14M16.5 9h1.5M16.5 12h1.5" />,
  trash: <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />,
}

export type IconName = keyof typeof PATHS

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  )
}
