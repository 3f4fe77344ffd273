// Keyboard shortcuts for the board page. Undo and the clipboard keys work anywhere but in a field
// or a sticky's editor, and Ctrl+C on text selected in a panel copies that text, not the board's
// selection. Single letters (the tools) act only while the canvas has the focus: a letter typed
// on a focused button or in the outline changes nothing. Delete is the canvas's own key.
import { useEffect } from 'react'
import type { Tool, UiStore } from '../state/ui.ts'
import type { BoardSession } from '../sync/session.ts'
import { editActions, type EditActions, type EditDeps } from './editActions.ts'

export const TOOL_KEYS: Partial<Record<Tool, string>> = {
  select: 'v',
  hand: 'h',
  sticky: 'n',
  pen: 'p',
  eraser: 'e',
  text: 't',
  connect: 'c',
}

const KEY_TOOLS = new Map(Object.entries(TOOL_KEYS).map(([tool, key]) => [key, tool as Tool]))

/** The canvas itself has the focus (not its text editor, not a button above it). */
function onCanvas(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.classList.contains('board-canvas')
}

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

/** Text selected in the page, outside the canvas area: the browser's to copy. */
function copyingText(target: EventTarget | null): boolean {
  if (target instanceof Element && target.closest('.canvas-area')) return false
  const selected = window.getSelection()
  return selected !== null && !selected.isCollapsed && selected.toString().trim() !== ''
}

interface Deps {
  session: BoardSession
  ui: UiStore
  readOnly: boolean
  edit: EditDeps
}

/** Ctrl/⌘ + C, X, V, D; returns whether the key was one of them and is handled. */
function clipboardKey(event: KeyboardEvent, actions: EditActions, ui: UiStore, readOnly: boolean) {
  const key = event.key.toLowerCase()
  const selected = ui.get().selection.length > 0
  if (key === 'c' || key === 'x') {
    if (!selected || copyingText(event.target) || (key === 'x' && readOnly)) return false
    void (key === 'c' ? actions.copy() : actions.cut())
    return true
  }
  if (key === 'v' && !readOnly) {
    void actions.paste()
    return true
  }
  if (key === 'd' && selected && !readOnly) {
    actions.duplicate()
    return true
  }
  return false
}

export function useShortcuts({ session, ui, readOnly, edit }: Deps): void {
  useEffect(() => {
    const actions = editActions(edit)
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return
      if (typingIn(event.target) || ui.get().editing !== null) return
      const key = event.key.toLowerCase()
      const mod = event.ctrlKey || event.metaKey
      if (mod && key === 'z') {
        event.preventDefault()
        if (event.shiftKey) session.undo.redo()
        else session.undo.undo()
        return
      }
      if (mod && key === 'y') {
        event.preventDefault()
        session.undo.redo()
        return
      }
      if (mod) {
        if (!event.shiftKey && clipboardKey(event, actions, ui, readOnly)) event.preventDefault()
        return
      }
      if (!onCanvas(event.target)) return
      const tool = KEY_TOOLS.get(key)
      if (tool && !event.shiftKey && (!readOnly || tool === 'select' || tool === 'hand')) {
        event.preventDefault()
        ui.set({ tool })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [session, ui, readOnly, edit])
}
