// What this user is doing right now (tool, selection, text being edited): local, never synced.
// A plain observable store so the canvas and the DOM panels can share it without React context.
import type { ItemId, StickyKind, TextField, Valence } from '../../../shared/index.ts'

export const TOOLS = [
  'select',
  'hand',
  'sticky',
  'pen',
  'eraser',
  'line',
  'arrow',
  'rect',
  'ellipse',
  'triangle',
  'text',
  'connect',
] as const
export type Tool = (typeof TOOLS)[number]

export interface UiState {
  tool: Tool
  /**
   * The sticky and text tools go back to select after one placement, unless this is set (a
   * double-click on the tool's button) or Shift is held.
   */
  toolLocked: boolean
  /** Kind used by the sticky tool and the "n" key. */
  stickyKind: StickyKind
  /** Valence of the next arrow the connect tool draws. */
  valence: Valence
  selection: ItemId[]
  editing: { id: ItemId; field: TextField } | null
}

export const INITIAL_UI: UiState = {
  tool: 'select',
  toolLocked: false,
  stickyKind: 'plus',
  valence: 'neutral',
  selection: [],
  editing: null,
}

function sameIds(a: readonly ItemId[], b: readonly ItemId[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}

function unchanged<K extends keyof UiState>(key: K, a: UiState[K], b: UiState[K]): boolean {
  if (key === 'selection') return sameIds(a as ItemId[], b as ItemId[])
  if (key === 'editing') {
    const x = a as UiState['editing']
    const y = b as UiState['editing']
    return x === y || (x !== null && y !== null && x.id === y.id && x.field === y.field)
  }
  return a === b
}

export class UiStore {
  private state: UiState
  private readonly listeners = new Set<() => void>()

  constructor(initial: Partial<UiState> = {}) {
    this.state = { ...INITIAL_UI, ...initial }
  }

  /** The same object until something changes, as useSyncExternalStore requires. */
  get = (): UiState => this.state

  /** Merges the patch; listeners hear only about real changes. */
  set = (patch: Partial<UiState>): void => {
    const keys = (Object.keys(patch) as (keyof UiState)[]).filter(
      (key) => patch[key] !== undefined && !unchanged(key, this.state[key], patch[key]),
    )
    if (keys.length === 0) return
    const next = { ...this.state }
    for (const key of keys) Object.assign(next, { [key]: patch[key] })
    // A selection never lists an id twice, whoever built it.
    if (keys.includes('selection')) next.selection = [...new Set(next.selection)]
    this.state = next
    for (const listener of [...this.listeners]) listener()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
