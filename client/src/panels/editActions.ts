// Copy, cut, paste and duplicate for the keyboard shortcuts and the selection bar: the selection
// goes out as the JSON copyItems makes, and comes back through pasteItems, which checks all of it.
import type { RefObject } from 'react'
import { copyItems, isReadableClipboard, type Clipboard } from '../../../shared/index.ts'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'
import type { Strings } from '../i18n.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import {
  boundsOf,
  parseClipboardText,
  pasteOffset,
  type BoardClipboard,
} from '../state/clipboard.ts'
import type { BoardCommands } from '../state/commands.ts'
import type { UiStore } from '../state/ui.ts'
import type { BoardSession } from '../sync/session.ts'

export interface EditDeps {
  session: Pick<BoardSession, 'doc'>
  index: BoardIndex
  commands: BoardCommands
  ui: UiStore
  clipboard: BoardClipboard
  /** For the part of the board on screen: a paste lands where it can be seen. */
  canvas: RefObject<CanvasApi | null>
  /** Says what happened in the page's status region, for everyone and for screen readers. */
  notify(message: string): void
  t: Strings
}

export interface EditActions {
  copy(): Promise<void>
  cut(): Promise<void>
  paste(): Promise<void>
  duplicate(): void
}

/** Made when a key or button is pressed (they read the canvas, which rendering must not). */
export function editActions(deps: EditDeps): EditActions {
  const { session, index, commands, ui, clipboard, canvas, notify, t } = deps

  const copySelection = (): Clipboard | null => {
    const { selection } = ui.get()
    if (selection.length === 0) return null
    const copied = copyItems(session.doc, selection)
    return copied.items.length > 0 ? copied : null
  }

  /** Pastes beside the originals (or in view), lets loose items join the circle they land in. */
  const place = (copied: Clipboard, times: number, done: (parts: string) => string) => {
    const offset = pasteOffset(boundsOf(copied.items), canvas.current?.viewport() ?? null, times)
    // Nothing pasted: the command gate has said why (a lock, a private round), or a peer's change
    // just now made it moot.
    const ids = commands.pasteItems(copied, offset)
    if (!ids) return
    const loose = ids.filter((id) => index.get(id)?.parent === undefined)
    if (loose.length > 0) commands.dropItems(loose)
    // Items that came with their circle are selected through it.
    const pasted = new Set<string>(ids)
    const top = ids.filter((id) => {
      const parent = index.get(id)?.parent
      return parent === undefined || !pasted.has(parent)
    })
    ui.set({ selection: top })
    notify(done(t.parts(ids.length)))
  }

  const write = async (copied: Clipboard, done: (parts: string) => string) => {
    const where = await clipboard.write(JSON.stringify(copied))
    const parts = t.parts(copied.items.length)
    notify(where === 'system' ? done(parts) : t.copiedHere(parts))
  }

  return {
    async copy() {
      const copied = copySelection()
      if (copied) await write(copied, t.copiedParts)
    },
    async cut() {
      const copied = copySelection()
      if (!copied) return
      commands.deleteItems(ui.get().selection)
      ui.set({ selection: [] })
      await write(copied, t.cutParts)
    },
    async paste() {
      const text = await clipboard.read()
      const copied = parseClipboardText(text)
      if (text === null || !copied) return notify(t.pasteNothing)
      if (!isReadableClipboard(copied)) return notify(t.pasteRefused)
      place(copied, clipboard.countPaste(text), t.pastedParts)
    },
    duplicate() {
      const copied = copySelection()
      if (copied) place(copied, 1, t.duplicatedParts)
    },
  }
}
