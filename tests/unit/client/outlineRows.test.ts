// The outline's blocks of rows keep their boundaries as rows come and go: a row that changed
// blocks would be remounted by React and lose its focus, or the text being typed in it.
import { describe, expect, it } from 'vitest'
import {
  BLOCK_ROWS,
  cutIntoBlocks,
  type RowBlock,
} from '../../../client/src/panels/OutlineRows.tsx'

const rows = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => ({ id: `sticky:${from + i}` }))

const blockOf = (blocks: RowBlock<{ id: string }>[]) =>
  new Map(blocks.flatMap((block) => block.items.map((item) => [item.id, block.key] as const)))

describe('cutIntoBlocks', () => {
  it('cuts a new list into blocks of BLOCK_ROWS, in order', () => {
    const items = rows(0, 2 * BLOCK_ROWS + 7)
    const blocks = cutIntoBlocks(items, [])
    expect(blocks.map((block) => block.items.length)).toEqual([BLOCK_ROWS, BLOCK_ROWS, 7])
    expect(blocks.flatMap((block) => block.items)).toEqual(items)
    expect(new Set(blocks.map((block) => block.key)).size).toBe(3)
  })

  it('keeps every row in its block when rows are added and removed around it', () => {
    const first = cutIntoBlocks(rows(0, 3 * BLOCK_ROWS), [])
    const items = [
      { id: 'sticky:new-first' },
      ...rows(0, 3 * BLOCK_ROWS).filter((_, i) => i % 7 !== 3),
      { id: 'sticky:new-last' },
    ]
    const middle = BLOCK_ROWS + 5
    items.splice(middle, 0, { id: 'sticky:new-middle' })
    const second = cutIntoBlocks(items, first)
    expect(second.flatMap((block) => block.items)).toEqual(items)
    const before = blockOf(first)
    const after = blockOf(second)
    for (const [id, key] of before) if (after.has(id)) expect(after.get(id)).toBe(key)
    // A new row joins the rows before it.
    expect(after.get('sticky:new-middle')).toBe(after.get(items[middle - 1]?.id ?? ''))
  })

  it('splits a block that has grown past twice its size, moving only the rows past the cut', () => {
    const first = cutIntoBlocks(rows(0, BLOCK_ROWS), [])
    const items = rows(0, 3 * BLOCK_ROWS)
    const second = cutIntoBlocks(items, first)
    expect(second.map((block) => block.items.length)).toEqual([2 * BLOCK_ROWS, BLOCK_ROWS])
    expect(second[0]?.key).toBe(first[0]?.key)
  })
})
