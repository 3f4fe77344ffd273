// A small live picture of one board: areas, circles, shapes and stickies as plain SVG, no text
// but the area names. Cheap enough to draw a dozen boards side by side, several times a second.
import { memo } from 'react'
import { shownLabel, STICKY_KINDS, type Item, type StickyItem } from '../../../shared/index.ts'
import { useLang } from '../i18n.ts'

interface Props {
  items: readonly Item[]
  selected: ReadonlySet<string>
  label: string
  onToggle?: (sticky: StickyItem) => void
}

const MARGIN = 40

function bounds(items: readonly Item[]) {
  const framed = items.filter((item) => item.type !== 'arrow')
  if (framed.length === 0) return { x: -500, y: -400, w: 1000, h: 800 }
  const minX = Math.min(...framed.map((item) => Math.min(item.x, item.x + item.w)))
  const minY = Math.min(...framed.map((item) => Math.min(item.y, item.y + item.h)))
  const maxX = Math.max(...framed.map((item) => Math.max(item.x, item.x + item.w)))
  const maxY = Math.max(...framed.map((item) => Math.max(item.y, item.y + item.h)))
  return {
    x: minX - MARGIN,
    y: minY - MARGIN,
    w: maxX - minX + 2 * MARGIN,
    h: maxY - minY + 2 * MARGIN,
  }
}

export const Thumbnail = memo(function Thumbnail({ items, selected, label, onToggle }: Props) {
  const box = bounds(items)
  const lang = useLang()
  return (
    <svg
      className="thumbnail"
      viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={label}
    >
      {items.map((item) => {
        switch (item.type) {
          case 'box':
            return (
              <g key={item.id}>
                <rect x={item.x} y={item.y} width={item.w} height={item.h} className="thumb-box" />
                <text x={item.x + 20} y={item.y + 50} className="thumb-label">
                  {shownLabel(item, lang).slice(0, 40)}
                </text>
              </g>
            )
          case 'circle':
            return (
              <circle
                key={item.id}
                cx={item.x + item.w / 2}
                cy={item.y + item.h / 2}
                r={item.w / 2}
                className="thumb-box"
              />
            )
          case 'shape':
            return item.shape === 'triangle' ? (
              <polygon
                key={item.id}
                points={`${item.x + item.w / 2},${item.y} ${item.x + item.w},${item.y + item.h} ${item.x},${item.y + item.h}`}
                className="thumb-box"
              />
            ) : (
              <line
                key={item.id}
                x1={item.x}
                y1={item.y}
                x2={item.x + item.w}
                y2={item.y + item.h}
                className="thumb-box"
              />
            )
          case 'sticky': {
            const on = selected.has(item.id)
            return (
              <g
                key={item.id}
                className={on ? 'thumb-sticky selected' : 'thumb-sticky'}
                onClick={onToggle && (() => onToggle(item))}
              >
                <rect
                  x={item.x}
                  y={item.y}
                  width={item.w}
                  height={item.h}
                  fill={item.color ?? STICKY_KINDS[item.kind].color}
                />
                {/* Selected reads as a tick as well as a thick outline, not by colour alone. */}
                {on && (
                  <text x={item.x + item.w / 2} y={item.y + item.h * 0.75} className="thumb-tick">
                    ✓
                  </text>
                )}
              </g>
            )
          }
          default:
            return null
        }
      })}
    </svg>
  )
})
