// A reveal puts every point on a free place: a parent and the voorzitter each write three drafts
// for Thuis during an Ik-ronde, where a plus already sits; after the reveal the Konva nodes of the
// seven points, read from the canvas itself, overlap nowhere, and every one is in Thuis or, once
// the circle is full, over its edge.
import type { BrowserContext } from '@playwright/test'
import type { StickyKind } from '../../shared/index.ts'
import { BoardPageObject, expect, test } from './fixtures.ts'

interface Box {
  x: number
  y: number
  w: number
  h: number
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** Writes a draft with the form in Mijn concepten, opening the side panels first if they are shut. */
async function writeDraft(who: BoardPageObject, kind: StickyKind, place: string, text: string) {
  const form = who.page.getByTestId('drafts-panel')
  if (!(await form.isVisible()))
    await who.page.getByRole('button', { name: 'Panelen tonen' }).click()
  await form.getByLabel('Soort').selectOption(kind)
  await form.getByLabel('Plek op het bord').selectOption(place)
  await form.locator('textarea[name=draft]').fill(text)
  await form.getByRole('button', { name: 'Concept bewaren' }).click()
  await expect(form.getByTestId('draft-list')).toContainText(text)
}

test('six drafts revealed into Thuis land apart, clear of the plus already there', async ({
  browser,
  api,
}) => {
  test.setTimeout(120_000)
  const board = await api.createBoard({ title: 'MDO onthulling' })
  const contexts: BrowserContext[] = []
  const person = async (link: string, name: string, role: 'ib' | 'ouder') => {
    const context = await browser.newContext()
    contexts.push(context)
    const who = new BoardPageObject(await context.newPage())
    await who.open(link, name, role)
    return who
  }
  try {
    const voorzitter = await person(board.links.facilitator, 'Anne', 'ib')
    const parent = await person(board.links.edit, 'Bram', 'ouder')
    const thuis = await voorzitter.circle('thuis')
    const plus = await parent.addStickyByDoubleClick('thuis', 'Vaste plek vooraan werkt', {
      x: 0.2,
      y: 0.1,
    })

    await voorzitter.page.locator('[data-action=start-private-round]').click()
    await expect(parent.page.getByTestId('drafts-panel').locator('textarea')).toBeVisible()
    const drafts: [BoardPageObject, StickyKind, string][] = [
      [parent, 'minus', 'Huiswerk geeft ruzie'],
      [parent, 'plus', 'Kookt graag met oma'],
      [parent, 'minus', 'Vaste tijd voor bed ontbreekt'],
      [voorzitter, 'minus', 'Weinig slaap'],
      [voorzitter, 'plus', 'Broer helpt met lezen'],
      [voorzitter, 'plus', 'Opa haalt hem op'],
    ]
    for (const [who, kind, text] of drafts) await writeDraft(who, kind, thuis.id, text)

    await voorzitter.page.locator('[data-action=reveal]').click()
    const inThuis = async () =>
      (await voorzitter.items()).filter((item) => item.parent === thuis.id)
    await expect.poll(async () => (await inThuis()).length, { timeout: 15_000 }).toBe(7)
    const points = await inThuis()
    expect(points.map((item) => item.id)).toContain(plus)

    // The boxes the canvas draws, not the numbers in the document.
    const boxes: Box[] = []
    for (const point of points) {
      let box: Box | null = null
      await expect
        .poll(async () => {
          box = await voorzitter.page.evaluate((id) => window.__mdoTest!.boardBox(id), point.id)
          return box
        })
        .not.toBeNull()
      boxes.push(box!)
    }
    const cx = thuis.x + thuis.w / 2
    const cy = thuis.y + thuis.h / 2
    const r = Math.min(thuis.w, thuis.h) / 2
    for (const [i, a] of boxes.entries()) {
      for (const [j, b] of boxes.entries()) {
        if (j > i) expect(overlap(a, b), `${points[i]!.id} / ${points[j]!.id}`).toBe(false)
      }
      // Four stickies fill a circle of this size: the rest reach over its edge, still touching
      // it (placeFree spills to the nearest free place) and still Thuis's (their parent).
      const near = {
        x: Math.max(a.x, Math.min(cx, a.x + a.w)),
        y: Math.max(a.y, Math.min(cy, a.y + a.h)),
      }
      expect(Math.hypot(near.x - cx, near.y - cy), points[i]!.id).toBeLessThanOrEqual(r)
    }
    const corners = (a: Box) => [
      [a.x, a.y],
      [a.x + a.w, a.y],
      [a.x, a.y + a.h],
      [a.x + a.w, a.y + a.h],
    ]
    const wholly = boxes.filter((a) =>
      corners(a).every(([x = 0, y = 0]) => Math.hypot(x - cx, y - cy) <= r),
    )
    expect(wholly.length).toBeGreaterThanOrEqual(3)
    expect(voorzitter.errors).toEqual([])
    expect(parent.errors).toEqual([])
  } finally {
    await Promise.all(contexts.map((context) => context.close()))
  }
})
