// axe-core over every screen a person meets: the start page, the join dialog, the board as
// voorzitter, participant and viewer, and each of the voorzitter's dialogs. No critical or serious
// violation may remain; the others are printed, to look at.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { BoardPageObject, expect, test } from './fixtures.ts'

async function audit(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const line = (v: (typeof violations)[number]) =>
    `${screen}: ${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes
      .slice(0, 3)
      .map((node) => node.target.join(' '))
      .join(' | ')}`
  const minor = violations.filter((v) => v.impact !== 'critical' && v.impact !== 'serious')
  for (const v of minor) console.log(line(v))
  expect(violations.filter((v) => !minor.includes(v)).map(line)).toEqual([])
}

test('the start page and the join dialog', async ({ page, api }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await audit(page, 'start page')
  const board = await api.createBoard({ template: 'mdo' })
  await page.goto(board.links.edit)
  await expect(page.getByTestId('join-dialog')).toBeVisible()
  await audit(page, 'join dialog')
})

test('the board as voorzitter, with each dialog open', async ({ page, api }) => {
  const board = await api.createBoard({ template: 'mdo' })
  const chair = new BoardPageObject(page)
  await chair.open(board.links.facilitator, 'Anne', 'ib')
  await chair.addStickyByDoubleClick('kind', 'Leest graag')
  await audit(page, 'board, voorzitter')
  await page.getByRole('button', { name: 'Delen', exact: true }).click()
  await expect(page.getByTestId('share-links')).toBeVisible()
  await audit(page, 'Delen')
  await page.keyboard.press('Escape')
  await page.getByTestId('export-open').click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await audit(page, 'Exporteren')
  await page.keyboard.press('Escape')
  await page.getByTestId('board-menu').click()
  await audit(page, 'menu')
  await page.getByRole('button', { name: 'Hulp' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await audit(page, 'Hulp')
})

test('the board as participant and as viewer', async ({ page, api, browser }) => {
  const board = await api.createBoard({ template: 'mdo' })
  const parent = new BoardPageObject(page)
  await parent.open(board.links.edit, 'Bram', 'ouder')
  await parent.addStickyByDoubleClick('thuis', 'Slaapt slecht')
  await audit(page, 'board, participant')
  const other = await browser.newContext()
  try {
    const viewer = new BoardPageObject(await other.newPage())
    await viewer.open(board.links.view, 'Kim', 'anders')
    await audit(viewer.page, 'board, viewer')
  } finally {
    await other.close()
  }
})
