// UiStore: a patch merges into a new state object, listeners hear only real changes, and the
// state keeps its identity in between, as useSyncExternalStore needs.
import { describe, expect, it } from 'vitest'
import type { ItemId } from '../../../shared/index.ts'
import { INITIAL_UI, UiStore } from '../../../client/src/state/ui.ts'

const a = 'sticky:a' as ItemId
const b = 'sticky:b' as ItemId

function storeWithLog() {
  const ui = new UiStore()
  const heard: number[] = []
  const stop = ui.subscribe(() => heard.push(heard.length))
  return { ui, heard, stop }
}

describe('UiStore', () => {
  it('starts with the select tool, plus stickies and nothing selected', () => {
    expect(new UiStore().get()).toEqual(INITIAL_UI)
    expect(new UiStore({ tool: 'pen' }).get().tool).toBe('pen')
  })

  it('merges a patch into a new state and tells listeners once', () => {
    const { ui, heard } = storeWithLog()
    const before = ui.get()
    ui.set({ tool: 'sticky', stickyKind: 'goal' })
    expect(ui.get()).not.toBe(before)
    expect(ui.get()).toMatchObject({ tool: 'sticky', stickyKind: 'goal', selection: [] })
    expect(heard).toHaveLength(1)
    expect(before.tool).toBe('select')
  })

  it('keeps the same state and stays quiet when nothing changes', () => {
    const { ui, heard } = storeWithLog()
    ui.set({ selection: [a, b], editing: { id: a, field: 'text' } })
    const state = ui.get()
    ui.set({ tool: 'select' })
    ui.set({ selection: [a, b] })
    ui.set({ editing: { id: a, field: 'text' } })
    ui.set({})
    expect(ui.get()).toBe(state)
    expect(heard).toHaveLength(1)
  })

  it('treats a new order or a cleared edit as a change', () => {
    const { ui, heard } = storeWithLog()
    ui.set({ selection: [a, b], editing: { id: a, field: 'text' } })
    ui.set({ selection: [b, a] })
    ui.set({ editing: null })
    expect(ui.get().selection).toEqual([b, a])
    expect(ui.get().editing).toBeNull()
    expect(heard).toHaveLength(3)
  })

  it('never lists an id twice in the selection', () => {
    const ui = new UiStore()
    ui.set({ selection: [a, b, a] })
    expect(ui.get().selection).toEqual([a, b])
  })

  it('stops telling a listener that unsubscribed', () => {
    const { ui, heard, stop } = storeWithLog()
    stop()
    ui.set({ tool: 'hand' })
    expect(heard).toEqual([])
  })
})
