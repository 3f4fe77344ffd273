// A list of outline rows in blocks the browser skips while off screen: thousands of rows open
// without thousands of layouts, yet all stay in the DOM, focusable, and heard as one list.
import './Outline.css'
import { useLayoutEffect, useState, type ReactNode } from 'react'
import type { Item } from '../../../shared/index.ts'

/** Rows per block when a list is first cut. */
export const BLOCK_ROWS = 50
/** A block that grows past this many rows is split. */
const MAX_BLOCK_ROWS = 2 * BLOCK_ROWS
/** A row of one line, for the space a block takes before it has been shown. */
const ROW_REM = 3.5

export interface RowBlock<T> {
  key: number
  items: T[]
}

/**
 * Cuts a sorted list into blocks whose boundaries stay put as rows come and go. Each block is
 * its own DOM parent, so a row that changed blocks would be remounted and lose its focus: rows go
 * back to the block they were in, new rows join the rows before them, and a row moves only when a
 * block outgrows MAX_BLOCK_ROWS or the rows were reordered.
 */
export function cutIntoBlocks<T extends { id: string }>(
  items: readonly T[],
  before: readonly RowBlock<T>[],
): RowBlock<T>[] {
  const blockOf = new Map<string, number>()
  let nextKey = 0
  for (const block of before) {
    nextKey = Math.max(nextKey, block.key + 1)
    for (const item of block.items) blockOf.set(item.id, block.key)
  }
  const limit = before.length === 0 ? BLOCK_ROWS : MAX_BLOCK_ROWS
  const blocks: RowBlock<T>[] = []
  const used = new Set<number>()
  let current: RowBlock<T> | undefined
  for (const item of items) {
    const was = blockOf.get(item.id)
    const back = was !== undefined && was !== current?.key && !used.has(was)
    if (!current || back || current.items.length >= limit) {
      current = { key: back ? was : nextKey++, items: [] }
      used.add(current.key)
      blocks.push(current)
    }
    current.items.push(item)
  }
  return blocks
}

interface Props<T extends Item> {
  items: readonly T[]
  row(item: T): ReactNode
}

export function OutlineRows<T extends Item>({ items, row }: Props<T>) {
  const [cut, setCut] = useState(() => ({ items, blocks: cutIntoBlocks(items, []) }))
  // The rows join in a second commit, still before the first paint: what the first commit's
  // layout effects measure (the canvas's size) is then laid out without thousands of rows.
  const [mounted, setMounted] = useState(false)
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the second commit is the point
  useLayoutEffect(() => setMounted(true), [])
  let blocks = cut.blocks
  // The blocks depend on the previous cut: kept in state, updated while rendering a new list.
  if (cut.items !== items) {
    blocks = cutIntoBlocks(items, cut.blocks)
    setCut({ items, blocks })
  }
  // The blocks are invisible to assistive technology (role none): it hears one list of items.
  return (
    <div role="list" className="outline-rows">
      {blocks.map((block) => (
        <ul
          key={block.key}
          role="none"
          className="outline-block"
          style={{ containIntrinsicSize: `auto ${block.items.length * ROW_REM}rem` }}
        >
          {mounted && block.items.map(row)}
        </ul>
      ))}
    </div>
  )
}
