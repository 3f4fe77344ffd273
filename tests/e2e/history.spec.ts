// History and restore, as a voorzitter and a participant in two browser contexts on one board: the
// participant deletes every point; the voorzitter opens Geschiedenis, previews the version the
// relay kept at the step change, restores it, and both screens show the board again; restoring the
// version kept just before that restore undoes it, on both screens again.
import type { BrowserContext } from '@playwright/test'
import { BoardPageObject, expect, test, type CreatedBoard } from './fixtures.ts'

const TEXTS = ['Leest graag', 'Vraagt veel uitleg', 'Oma haalt op']

const stickyTexts = async (who: BoardPageObject) =>
  (await who.items())
    .flatMap((item) => (item.type === 'sticky' ? [item.text] : []))
    .sort()
    .join(' | ')

test('a participant deletes everything; the voorzitter restores it from the history, and undoes that', async ({
  browser,
  api,
  request,
}) => {
  test.setTimeout(180_000)
  const board = await api.createBoard({ title: 'MDO Sam' })
  const contexts: BrowserContext[] = []
  const person = async (link: string, name: string, role: 'ib' | 'ouder') => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    contexts.push(context)
    const who = new BoardPageObject(await context.newPage())
    await who.open(link, name, role)
    return who
  }
  const versions = async (created: CreatedBoard) => {
    const res = await request.get(`/api/boards/${created.id}/versions`, {
      headers: { Authorization: `Bearer ${created.facilitatorToken}` },
    })
    expect(res.status()).toBe(200)
    return ((await res.json()) as { versions: { reason: string }[] }).versions
  }
  try {
    const anne = await person(board.links.facilitator, 'Anne', 'ib')
    const bram = await person(board.links.edit, 'Bram', 'ouder')
    const ids = [
      await bram.addStickyByDoubleClick('kind', TEXTS[0]!),
      await bram.addStickyByDoubleClick('school', TEXTS[1]!),
      await bram.addStickyByDoubleClick('thuis', TEXTS[2]!),
    ]
    const all = [...TEXTS].sort().join(' | ')
    await expect.poll(() => stickyTexts(anne)).toBe(all)

    // The step change keeps a version of the board as it is.
    await anne.goToStep('overzicht')
    await expect
      .poll(async () => (await versions(board)).map((version) => version.reason))
      .toContain('step')

    // A participant deletes every point, one after the other, from the outline.
    for (const id of ids) {
      await bram.outline.locator(`li[data-item-id="${id}"]`).focus()
      await bram.page.keyboard.press('Delete')
    }
    for (const who of [anne, bram]) await expect.poll(() => stickyTexts(who)).toBe('')

    // The voorzitter opens the history and previews the version kept at the step change.
    await anne.page.locator('[data-action=open-history]').click()
    const history = anne.page.getByTestId('history-panel')
    await expect(history.getByRole('heading', { name: 'Geschiedenis van het bord' })).toBeFocused()
    const atStep = history.locator('button[data-reason=step]').first()
    await expect(atStep).toContainText('stap Voorbereiding · 3 punten')
    await atStep.click()
    await expect(atStep).toHaveAttribute('aria-pressed', 'true')
    const preview = anne.page.getByTestId('history-preview')
    for (const text of TEXTS) await expect(preview).toContainText(text)
    // A preview changes nothing.
    expect(await stickyTexts(bram)).toBe('')

    // Restore, after a confirmation; both screens show the board again.
    await preview.getByTestId('history-restore').click()
    await anne.page.getByTestId('history-confirm').click()
    for (const who of [anne, bram]) await expect.poll(() => stickyTexts(who)).toBe(all)
    await expect(history.getByTestId('history-undo')).toBeVisible()

    // Restoring once more, the version kept just before the restore, undoes it.
    const beforeRestore = history.locator('button[data-reason=restore]').first()
    await expect(beforeRestore).toContainText('0 punten')
    await beforeRestore.click()
    await expect(preview).toContainText('Geen punten')
    await preview.getByTestId('history-restore').click()
    await anne.page.getByTestId('history-confirm').click()
    for (const who of [anne, bram]) await expect.poll(() => stickyTexts(who)).toBe('')

    // Escape closes the dialog; the board stays as it is.
    await anne.page.keyboard.press('Escape')
    await expect(history).toBeHidden()
    expect([...anne.errors, ...bram.errors]).toEqual([])
  } finally {
    for (const context of contexts) await context.close()
  }
})
