// Which part of the board React mounts: the viewport plus a margin, and the level of detail. It
// changes only when the viewport leaves the mounted part or the zoom crosses a detail threshold,
// so most pan frames cost React nothing.
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react'
import type { BoardIndex } from '../state/boardIndex.ts'
import { detailAt, type Camera, type Detail } from './camera.ts'
import { boxArea, containsBox, expandBox, type Box } from './geometry.ts'
import { splitVisible, type VisibleItems } from './ItemNodes.tsx'

export interface View {
  box: Box
  detail: Detail
}

/** Mount this share of the viewport's size again on every side. */
const MARGIN = 0.5
/** Re-query while moving at most this often. */
const THROTTLE_MS = 100
const NOTHING: Box = { minX: 0, minY: 0, maxX: 0, maxY: 0 }
// Nothing is mounted until the camera has been placed: mounting at its default spot and zoom
// would lay out items in full detail only to replace them.
const UNPLACED: View = { box: NOTHING, detail: 'full' }

function needsUpdate(view: View, viewport: Box, detail: Detail): boolean {
  if (view.detail !== detail || !containsBox(view.box, viewport)) return true
  // Zoomed far in since the last query: mounting the old area would be wasteful.
  return boxArea(view.box) > 16 * boxArea(viewport)
}

/**
 * The view as a store over the camera. React reads it through useSyncExternalStore, like the
 * index: a camera jump made while the index announces a change (the first zoom to fit) then lands
 * in the same render as that change, instead of a second render after the first one.
 */
function viewStore(camera: Camera) {
  let view = UNPLACED
  let last = 0
  const listeners = new Set<() => void>()
  const update = () => {
    last = performance.now()
    const viewport = camera.viewport()
    const detail = detailAt(camera.scale())
    if (!needsUpdate(view, viewport, detail)) return
    view = { box: expandBox(viewport, MARGIN), detail }
    for (const listener of [...listeners]) listener()
  }
  let off: (() => void) | null = null
  return {
    get: () => view,
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      off ??= camera.subscribe((settled) => {
        if (settled || performance.now() - last > THROTTLE_MS) update()
      })
      return () => {
        listeners.delete(listener)
        if (listeners.size > 0) return
        off?.()
        off = null
      }
    },
  }
}

const noCamera = {
  get: () => UNPLACED,
  subscribe: () => () => {},
}

export function useView(camera: Camera | null): View {
  const store = useMemo(() => (camera ? viewStore(camera) : noCamera), [camera])
  return useSyncExternalStore(store.subscribe, store.get)
}

/** The items intersecting the box, split per layer; the same object until either changes. */
export function useVisibleItems(index: BoardIndex, box: Box): VisibleItems {
  const cache = useRef<{ version: number; box: Box; value: VisibleItems } | null>(null)
  const read = useCallback(() => {
    const cached = cache.current
    if (cached && cached.version === index.version && cached.box === box) return cached.value
    const found = splitVisible(index.search(box))
    // Panning over a board that is all in view finds the same items: keep the old lists, so
    // React does not walk thousands of unchanged nodes.
    const value = cached && sameVisible(cached.value, found) ? cached.value : found
    cache.current = { version: index.version, box, value }
    return value
  }, [index, box])
  return useSyncExternalStore(index.subscribe, read)
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

function sameVisible(a: VisibleItems, b: VisibleItems): boolean {
  return (
    sameList(a.containers, b.containers) &&
    sameList(a.arrows, b.arrows) &&
    sameList(a.others, b.others)
  )
}
