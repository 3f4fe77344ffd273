// The board's side of copy and paste: the system clipboard when the browser lets us use it, a copy
// kept in this tab when it does not, and where a paste lands. No React and no doc: easy to test.
import { CLIPBOARD_FORMAT, type Clipboard } from '../../../shared/index.ts'
import type { Box } from './boardIndex.ts'

/** The part of navigator.clipboard we use; undefined where the browser has none (plain http). */
export type SystemClipboard = Pick<globalThis.Clipboard, 'readText' | 'writeText'>

/** Board units between an original and its copy, and between copies pasted one after another. */
export const PASTE_STEP = 40

export class BoardClipboard {
  private memory: string | null = null
  /** Whether the last copy reached the system clipboard; if not, the kept copy is the newer. */
  private onSystem = false
  private lastPasted: { text: string; times: number } | null = null

  constructor(private readonly system: SystemClipboard | undefined) {}

  /** Keeps the text and tries the system clipboard; resolves with where it ended up. */
  async write(text: string): Promise<'system' | 'memory'> {
    this.memory = text
    this.onSystem = false
    try {
      if (!this.system) return 'memory'
      await this.system.writeText(text)
      // A copy made meanwhile wins: only the newest write decides where the clipboard is.
      if (this.memory === text) this.onSystem = true
      return 'system'
    } catch {
      return 'memory'
    }
  }

  /**
   * The system clipboard's text, so what was copied in another tab or board pastes here too;
   * the kept copy when the browser refuses, has nothing, or never got the last copy.
   */
  async read(): Promise<string | null> {
    if (!this.system || (this.memory !== null && !this.onSystem)) return this.memory
    try {
      const text = await this.system.readText()
      return text.trim() === '' ? this.memory : text
    } catch {
      return this.memory
    }
  }

  /** 1 for the first paste of this text, 2 for the next: each copy lands beside the last. */
  countPaste(text: string): number {
    const times = this.lastPasted?.text === text ? this.lastPasted.times + 1 : 1
    this.lastPasted = { text, times }
    return times
  }
}

/** The clipboard the text holds, or null when it is not a board's (any text a user copied). */
export function parseClipboardText(text: string | null): Clipboard | null {
  if (text === null) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { format, items } = value as Record<string, unknown>
  // pasteItems checks every item; this only recognises the envelope.
  return format === CLIPBOARD_FORMAT && Array.isArray(items) ? (value as Clipboard) : null
}

/** The box around the clipboard's items that have one (arrows follow their ends). */
export function boundsOf(items: readonly unknown[]): Box | null {
  let box: Box | null = null
  for (const item of items) {
    const fields = (typeof item === 'object' && item !== null ? item : {}) as Record<
      string,
      unknown
    >
    const { type, x, y, w, h } = fields
    if (type === 'arrow' || !isFiniteNumber(x) || !isFiniteNumber(y)) continue
    if (!isFiniteNumber(w) || !isFiniteNumber(h)) continue
    // A line drawn up or to the left has a negative size.
    const [minX, maxX] = [Math.min(x, x + w), Math.max(x, x + w)]
    const [minY, maxY] = [Math.min(y, y + h), Math.max(y, y + h)]
    box = box
      ? {
          minX: Math.min(box.minX, minX),
          minY: Math.min(box.minY, minY),
          maxX: Math.max(box.maxX, maxX),
          maxY: Math.max(box.maxY, maxY),
        }
      : { minX, minY, maxX, maxY }
  }
  return box
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/**
 * How far to move the items of a paste: beside the originals (one step further for each repeat),
 * or into the middle of the view when that spot is out of sight, so a paste is always seen.
 */
export function pasteOffset(
  items: Box | null,
  viewport: Box | null,
  times = 1,
): { dx: number; dy: number } {
  const step = PASTE_STEP * times
  if (!items || !viewport) return { dx: step, dy: step }
  const cx = (items.minX + items.maxX) / 2 + step
  const cy = (items.minY + items.maxY) / 2 + step
  const inView =
    cx >= viewport.minX && cx <= viewport.maxX && cy >= viewport.minY && cy <= viewport.maxY
  if (inView) return { dx: step, dy: step }
  const extra = PASTE_STEP * (times - 1)
  return {
    dx: (viewport.minX + viewport.maxX) / 2 - (items.minX + items.maxX) / 2 + extra,
    dy: (viewport.minY + viewport.maxY) / 2 - (items.minY + items.maxY) / 2 + extra,
  }
}
