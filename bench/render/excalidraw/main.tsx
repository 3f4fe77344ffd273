// The render bench's peer page: Excalidraw 0.18.1 full-window, nothing else. `?scene=<url>` opens
// a saved scene (the bench's stickies as rectangles with bound text) through `initialData`,
// zoomed to fit; `?make` only exposes `window.__benchMakeScene`, which builds such a scene with
// Excalidraw's own skeleton API, so the saved scene is what Excalidraw itself would store.
import './assetPath.ts'
import { convertToExcalidrawElements, Excalidraw, FONT_FAMILY } from '@excalidraw/excalidraw'
import '@excalidraw/excalidraw/index.css'
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

type Elements = ReturnType<typeof convertToExcalidrawElements>

export interface StickyCell {
  x: number
  y: number
  w: number
  h: number
  text: string
  color: string
}

interface BenchPeerWindow {
  __benchExcalidraw?: ExcalidrawImperativeAPI
  __benchMakeScene?: (cells: StickyCell[]) => Promise<string>
}
const bench = window as unknown as BenchPeerWindow

/** The view that shows every element, as Excalidraw's zoom to fit would (its zoom stays ≥ 0.1). */
function fitted(elements: Elements) {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const element of elements) {
    minX = Math.min(minX, element.x)
    minY = Math.min(minY, element.y)
    maxX = Math.max(maxX, element.x + element.width)
    maxY = Math.max(maxY, element.y + element.height)
  }
  const margin = 0.95
  const zoom = Math.min(
    30,
    Math.max(
      0.1,
      Math.min(window.innerWidth / (maxX - minX), window.innerHeight / (maxY - minY)) * margin,
    ),
  )
  return {
    zoom: { value: zoom as never },
    scrollX: window.innerWidth / 2 / zoom - (minX + maxX) / 2,
    scrollY: window.innerHeight / 2 / zoom - (minY + maxY) / 2,
  }
}

async function openScene(url: string) {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`scene ${url}: ${res.status}`)
  const { elements } = (await res.json()) as { elements: Elements }
  return { elements, appState: fitted(elements), scrollToContent: false }
}

bench.__benchMakeScene = async (cells) => {
  const elements = convertToExcalidrawElements(
    cells.map((cell) => ({
      type: 'rectangle',
      x: cell.x,
      y: cell.y,
      width: cell.w,
      height: cell.h,
      backgroundColor: cell.color,
      fillStyle: 'solid',
      label: { text: cell.text, fontSize: 16, fontFamily: FONT_FAMILY.Excalifont },
    })),
  )
  return JSON.stringify({ type: 'excalidraw', version: 2, elements })
}

const params = new URLSearchParams(location.search)
const scene = params.get('scene')
const initialData = scene ? openScene(scene) : null

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <div style={{ position: 'fixed', inset: 0 }}>
      <Excalidraw
        initialData={initialData}
        excalidrawAPI={(api) => {
          bench.__benchExcalidraw = api
        }}
      />
    </div>
  </StrictMode>,
)
