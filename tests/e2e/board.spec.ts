// The meeting as the issue describes it: a facilitator (A), a parent with the edit link (B) and a
// teacher with the view link, each in their own browser context on one fresh board. Everything
// that depends on sync is polled; the board is read through the outline and the e2e hook.
import { mkdirSync } from 'node:fs'
import type { BrowserContext } from '@playwright/test'
import type { Item } from '../../shared/index.ts'
import { BoardPageObject, expect, test } from './fixtures.ts'

const DUTCH = 'Zoë doet goed mee in de klas, ook bij ‘rekenen’ – één keer per week'
const OFFLINE_NOTE = 'Meester Jan oefent de tafels met haar, vóór de pauze'
const A_NOTE = 'Ouders lezen ’s avonds samen met Zoë'
const SCREENSHOT = 'test-results/board-scenario.png'

/** An item's place on the board, rounded past floating-point noise. */
const at = (item: Item | undefined) => item && [Math.round(item.x), Math.round(item.y)]
const textOf = (item: Item | undefined) => (item && 'text' in item ? item.text : null)

test('a facilitator, a parent and a viewer on one board', async ({ browser }, testInfo) => {
  const contexts: BrowserContext[] = []
  const person = async () => {
    const context = await browser.newContext()
    contexts.push(context)
    return new BoardPageObject(await context.newPage())
  }

  try {
    // A makes the board on the landing page and reads its links there.
    const a = await person()
    await a.page.goto('/')
    await a.page.locator('main.landing form input:not([type])').fill('MDO Zoë, groep 6')
    await a.page.locator('main.landing form button[type=submit]').click()
    const links = a.page.getByTestId('share-links')
    const editLink = await links.locator('[data-role=edit] input').inputValue()
    const viewLink = await links.locator('[data-role=view] input').inputValue()
    expect(editLink).toMatch(/\/b\/[\w-]+#t=[\w-]{20,}$/)
    expect(viewLink).toMatch(/\/b\/[\w-]+#t=[\w-]{20,}$/)
    expect(viewLink).not.toBe(editLink)
    await a.page.locator('main.landing a.button.primary').click()
    await a.join('Anne de Vries', 'ib')
    await expect(a.page.locator('.board-title')).toHaveText('MDO Zoë, groep 6')

    // B joins with the edit link and sees the same board.
    const b = await person()
    await b.open(editLink, 'Bram Jansen', 'ouder')
    await expect.poll(() => b.boardJson()).toBe(await a.boardJson())
    const kind = await a.circle('kind')

    // B puts a plus marker in Kind and types Dutch text; A reads it within a second.
    const marker = await b.addStickyByDoubleClick('kind', DUTCH)
    await expect
      .poll(async () => (await a.outlineItems()).find((row) => row.id === marker)?.text, {
        timeout: 1000,
      })
      .toBe(DUTCH)
    expect(await a.item(marker)).toMatchObject({
      type: 'sticky',
      kind: 'plus',
      text: DUTCH,
      parent: kind.id,
    })
    await expect(
      a.outline.locator(`[data-circle-id="${kind.id}"] li[data-item-id="${marker}"]`),
    ).toBeVisible()
    // Zoomed out this far a sticky is drawn without its text (cheap shapes), but it is drawn.
    await expect
      .poll(async () => (await a.stageNodes('sticky')).map((node) => node.id))
      .toContain(marker)

    // A drags the Kind circle by its number; the marker moves with it, on B's canvas too.
    const markerBefore = await b.item(marker)
    await a.dragCircle('kind', 60, -40)
    await expect.poll(async () => at(await a.item(kind.id))).not.toEqual(at(kind))
    const kindMoved = await a.circle('kind')
    const dx = kindMoved.x - kind.x
    const dy = kindMoved.y - kind.y
    await expect
      .poll(async () => at(await b.item(marker)))
      .toEqual(markerBefore && [Math.round(markerBefore.x + dx), Math.round(markerBefore.y + dy)])
    await expect
      .poll(async () => {
        const [circleNode] = (await b.stageNodes('circle')).filter((n) => n.id === kind.id)
        const [stickyNode] = (await b.stageNodes('sticky')).filter((n) => n.id === marker)
        return (
          circleNode &&
          stickyNode && [
            Math.round(circleNode.board.x),
            Math.round(circleNode.board.y),
            Math.round(stickyNode.board.x - circleNode.board.x),
            Math.round(stickyNode.board.y - circleNode.board.y),
          ]
        )
      })
      .toEqual([
        Math.round(kindMoved.x),
        Math.round(kindMoved.y),
        Math.round((markerBefore?.x ?? NaN) - kind.x),
        Math.round((markerBefore?.y ?? NaN) - kind.y),
      ])

    // B draws a downward arrow from School to Thuis and a freehand stroke; A sees both.
    const school = await b.circle('school')
    const thuis = await b.circle('thuis')
    const arrow = await b.drawArrow('school', 'thuis', 'down')
    await expect
      .poll(() => a.item(arrow))
      .toMatchObject({ type: 'arrow', from: school.id, to: thuis.id, valence: 'down' })
    await expect(a.outline.locator(`li[data-item-id="${arrow}"]`)).toBeVisible()
    const stroke = await Promise.all(
      [
        [-0.5, -0.1],
        [-0.25, 0.15],
        [0, -0.1],
        [0.25, 0.15],
        [0.5, -0.1],
      ].map(([x = 0, y = 0]) => b.inCircle('thuis', x, y)),
    )
    const ink = await b.drawStroke(stroke)
    await expect.poll(() => a.item(ink)).toMatchObject({ type: 'ink' })
    await expect.poll(async () => (await a.stageNodes('ink')).map((node) => node.id)).toContain(ink)

    // A viewer can look but not change anything: not on the canvas, not with the keyboard.
    const viewer = await person()
    await viewer.open(viewLink, 'Vera Smit', 'leerkracht')
    const before = await a.boardJson()
    await expect.poll(() => viewer.boardJson()).toBe(before)
    await expect(viewer.toolbar.locator('button[aria-keyshortcuts="p"]')).toHaveCount(0)
    const inSchool = await viewer.inCircle('school', 0.2, -0.2)
    await viewer.page.mouse.dblclick(inSchool.x, inSchool.y)
    await viewer.page.keyboard.type('Zoë kan dit niet veranderen')
    const markerOnViewer = await viewer.item(marker)
    const onMarker = await viewer.toScreen({
      x: (markerOnViewer?.x ?? 0) + 40,
      y: (markerOnViewer?.y ?? 0) + 40,
    })
    await viewer.page.mouse.click(onMarker.x, onMarker.y)
    await viewer.page.keyboard.press('Delete')
    await viewer.page.keyboard.press('Backspace')
    await viewer.outline.locator(`li[data-item-id="${marker}"]`).focus()
    await viewer.page.keyboard.press('Enter')
    await viewer.page.keyboard.press('Delete')
    await expect(viewer.page.getByTestId('text-editor')).toHaveCount(0)
    expect(await viewer.boardJson()).toBe(before)
    // Barrier: the viewer's cursor reaches A over the same socket, after anything sent before it.
    const probe = { x: school.x + school.w * 0.3, y: school.y + school.h * 0.7 }
    const probeOnScreen = await viewer.toScreen(probe)
    await viewer.page.mouse.move(probeOnScreen.x, probeOnScreen.y, { steps: 4 })
    await expect
      .poll(async () =>
        (await a.stageNodes('cursor')).some(
          (node) => Math.abs(node.board.x - probe.x) <= 1 && Math.abs(node.board.y - probe.y) <= 1,
        ),
      )
      .toBe(true)
    expect(await a.boardJson()).toBe(before)
    expect(await viewer.boardJson()).toBe(before)

    // B goes offline and keeps working; A works meanwhile; both meet again when B is back.
    await b.page.context().setOffline(true)
    await expect(b.status).toHaveAttribute('data-connection', 'offline')
    const offline = await b.addStickyByDoubleClick('school', OFFLINE_NOTE, { x: 0.3, y: 0.1 })
    await expect(b.status).toHaveAttribute('data-sync', 'saved-local')
    const aSticky = await a.addStickyByDoubleClick('thuis', A_NOTE, { x: -0.3, y: -0.45 })
    expect((await a.outlineItems()).map((row) => row.id)).not.toContain(offline)
    await b.page.context().setOffline(false)
    await b.waitForConnected()
    await expect
      .poll(async () => (await a.outlineItems()).find((row) => row.id === offline)?.text)
      .toBe(OFFLINE_NOTE)
    await expect
      .poll(async () => (await b.outlineItems()).find((row) => row.id === aSticky)?.text)
      .toBe(A_NOTE)
    const converged = await a.boardJson()
    await expect.poll(() => b.boardJson()).toBe(converged)
    await expect.poll(() => viewer.boardJson()).toBe(converged)

    // Undo in B takes back B's last change, never A's (A's note is the newest change on the board).
    await b.undo()
    await expect.poll(async () => textOf(await a.item(offline))).not.toBe(OFFLINE_NOTE)
    expect(await a.item(aSticky)).toMatchObject({ text: A_NOTE })
    expect(at(await a.item(kind.id))).toEqual(at(kindMoved))
    expect(await a.item(marker)).toMatchObject({ text: DUTCH })
    const afterUndo = await a.boardJson()
    await expect.poll(() => b.boardJson()).toBe(afterUndo)
    await expect.poll(() => viewer.boardJson()).toBe(afterUndo)

    for (const someone of [a, b, viewer]) expect(someone.errors).toEqual([])

    // The artifact: A's board without the others' cursors over it, zoomed in until stickies show
    // their text.
    // Off the board: the canvas fills the page, so onto the top bar's title.
    for (const someone of [b, viewer]) await someone.page.locator('.board-title').hover()
    await expect.poll(async () => (await a.stageNodes('cursor')).length).toBe(0)
    await a.page.locator('.board-canvas').focus()
    await a.page.keyboard.press('Escape')
    await a.page.keyboard.press('+')
    await a.page.keyboard.press('+')
    await expect
      .poll(async () => (await a.stageNodes('sticky-text')).map((node) => node.text))
      .toContain(DUTCH)
    mkdirSync('test-results', { recursive: true })
    await a.page.screenshot({ path: SCREENSHOT, fullPage: true })
    await testInfo.attach('board-scenario', { path: SCREENSHOT, contentType: 'image/png' })
  } finally {
    for (const context of contexts) await context.close()
  }
})

test('a link with a wrong token opens nothing', async ({ page, api }) => {
  const board = await api.createBoard()
  await page.goto(`/b/${board.id}#t=${'x'.repeat(32)}`)
  await expect(page.getByRole('alert')).toBeVisible()
  await expect(page.getByTestId('join-dialog')).toHaveCount(0)
  await expect(page.getByTestId('outline')).toHaveCount(0)
})
