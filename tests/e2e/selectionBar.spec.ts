// The selection bar never covers what is selected: at the foot of the canvas as a rule, at the top
// when the selected sticky lies where the bar would be.
import type { Page } from '@playwright/test'
import { BoardPageObject, expect, test } from './fixtures.ts'

test.use({ viewport: { width: 1366, height: 768 } })

async function overlap(page: Page, id: string): Promise<boolean> {
  return page.evaluate((stickyId) => {
    const box = window.__mdoTest!.screenBox(stickyId)
    const bar = document.querySelector('.selection-bar')?.getBoundingClientRect()
    if (!box || !bar) throw new Error('no sticky box or no selection bar')
    return (
      box.x < bar.right &&
      box.x + box.width > bar.left &&
      box.y < bar.bottom &&
      box.y + box.height > bar.top
    )
  }, id)
}

test('the selection bar moves away from a selected sticky at the foot of the board', async ({
  page,
  api,
}) => {
  const board = await api.createBoard({ template: 'mdo' })
  const a = new BoardPageObject(page)
  await a.open(board.links.edit, 'Anne', 'ib', { panels: false })
  const low = await a.addStickyByDoubleClick('school', 'Onderin School', { x: 0, y: 0.55 })
  // Let go of the first one, whose bar now sits at the top, over Kind.
  await page.locator('.board-canvas').press('Escape')
  const high = await a.addStickyByDoubleClick('kind', 'Bovenin Kind', { x: 0, y: -0.4 })
  const bar = page.locator('.selection-bar')
  for (const [id, place] of [
    [high, 'foot'],
    [low, 'top'],
  ] as const) {
    const box = await page.evaluate((stickyId) => window.__mdoTest!.screenBox(stickyId), id)
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2)
    await expect(bar).toHaveAttribute('data-place', place)
    expect(await overlap(page, id)).toBe(false)
  }
  expect(a.errors).toEqual([])
})
