// Page objects and fixtures for the e2e suite. A BoardPageObject drives one person's board tab the
// way a user does (mouse, keyboard, the DOM outline) and reads the board back through the outline
// and the e2e hook (client/src/testHook.ts, present only in `vite build --mode e2e`).
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'
import type { StageNode } from '../../client/src/testHook.ts'
import type { ParticipantRole } from '../../client/src/sync/session.ts'
import type { CircleRole, Item, ItemId, Valence } from '../../shared/index.ts'

export interface CreatedBoard {
  id: string
  facilitatorToken: string
  editToken: string
  viewToken: string
  /** Paths with the token in the fragment, e.g. `/b/<id>#t=<token>`. */
  links: Record<'facilitator' | 'edit' | 'view', string>
}

export interface OutlineEntry {
  id: string
  text: string
}

interface Point {
  x: number
  y: number
}

/** The share of grid points where the board's canvas is what the pointer would hit. */
export function canvasShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.board-canvas')
    let hits = 0
    let points = 0
    for (let y = 5; y < window.innerHeight; y += 10) {
      for (let x = 5; x < window.innerWidth; x += 10) {
        points += 1
        const element = document.elementFromPoint(x, y)
        if (canvas && element && canvas.contains(element)) hits += 1
      }
    }
    return hits / points
  })
}

export class BoardPageObject {
  /** Uncaught exceptions in the page: a test ends by checking there were none. */
  readonly errors: string[] = []

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.errors.push(error.message))
  }

  get status() {
    return this.page.getByTestId('status')
  }

  get outline() {
    return this.page.getByTestId('outline')
  }

  get toolbar() {
    return this.page.getByTestId('toolbar')
  }

  /** Opens a board link (a path or a URL) and answers the join dialog. */
  async open(
    link: string,
    name: string,
    role: ParticipantRole,
    options?: { panels?: boolean },
  ): Promise<void> {
    await this.page.goto(link)
    await this.join(name, role, options)
  }

  /**
   * Answers the join dialog. The side panels (outline, drafts, Leiden) are a drawer that starts
   * closed for most people; most specs work in them, so they are opened unless `panels` is false.
   */
  async join(name: string, role: ParticipantRole, { panels = true } = {}): Promise<void> {
    const dialog = this.page.getByTestId('join-dialog')
    await dialog.locator('input[name=name]').fill(name)
    await dialog.locator('select[name=role]').selectOption(role)
    await dialog.locator('button[type=submit]').click()
    await expect(dialog).toBeHidden()
    await this.waitForConnected()
    if (panels) await this.showPanels()
  }

  /** Opens the side panels if they are closed (the choice is remembered on this device). */
  async showPanels(): Promise<void> {
    const toggle = this.page.getByTestId('panels-toggle')
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  }

  /** The facilitator picks a step from the list behind the current step. */
  async goToStep(step: string): Promise<void> {
    const menu = this.page.locator('.stepbar .step-menu')
    if (!(await menu.evaluate((details) => (details as HTMLDetailsElement).open)))
      await menu.locator('summary').click()
    await menu.locator(`li[data-step="${step}"] button`).click()
    await expect(this.page.getByTestId('stepbar')).toHaveAttribute('data-step', step)
  }

  /** Connected, synced with the relay, and the canvas and hook are in place. */
  async waitForConnected(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-connection', 'connected')
    await expect(this.status).toHaveAttribute('data-sync', 'synced')
    await expect
      .poll(() => this.page.evaluate(() => window.__mdoTest?.screenPoint({ x: 0, y: 0 }) != null))
      .toBe(true)
  }

  async items(): Promise<Item[]> {
    return (await this.page.evaluate(() => window.__mdoTest!.items())) as Item[]
  }

  /** The board as JSON, for comparing what two people see. */
  async boardJson(): Promise<string> {
    return JSON.stringify(await this.items())
  }

  async item(id: string): Promise<Item | undefined> {
    return (await this.items()).find((item) => item.id === id)
  }

  async circle(role: CircleRole): Promise<Item & { type: 'circle' }> {
    const found = (await this.items()).find(
      (item): item is Item & { type: 'circle' } => item.type === 'circle' && item.role === role,
    )
    if (!found) throw new Error(`no ${role} circle on the board`)
    return found
  }

  async stageNodes(name: string): Promise<StageNode[]> {
    return this.page.evaluate((node) => window.__mdoTest!.stageNodes(node), name)
  }

  /** Every item the outline lists, with the text it shows. */
  async outlineItems(): Promise<OutlineEntry[]> {
    return this.outline.locator('li[data-item-id]').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-item-id') ?? '',
        text: row.querySelector('.item-text')?.textContent ?? '',
      })),
    )
  }

  /** Where a board point is on the page now, in CSS pixels. */
  async toScreen(board: Point): Promise<Point> {
    const point = await this.page.evaluate((p) => window.__mdoTest!.screenPoint(p), board)
    if (!point) throw new Error('the canvas is not mounted')
    return point
  }

  /** A point inside a circle, as a share of its radius from the centre (0,0 = centre). */
  async inCircle(role: CircleRole, dx = 0, dy = 0): Promise<Point> {
    const circle = await this.circle(role)
    const r = circle.w / 2
    return this.toScreen({ x: circle.x + r + dx * r, y: circle.y + r + dy * r })
  }

  async pickTool(key: 'v' | 'h' | 'n' | 'p' | 'c'): Promise<void> {
    const button = this.toolbar.locator(`button[aria-keyshortcuts="${key}"]`)
    await button.click()
    await expect(button).toHaveAttribute('aria-pressed', 'true')
  }

  /** Resolves with the ids that appear on the board while `act` runs (or soon after it). */
  async newItemsDuring(act: () => Promise<void>, count = 1): Promise<ItemId[]> {
    const before = new Set((await this.items()).map((item) => item.id))
    await act()
    let added: ItemId[] = []
    await expect
      .poll(async () => {
        added = (await this.items()).map((item) => item.id).filter((id) => !before.has(id))
        return added.length
      })
      .toBe(count)
    return added
  }

  /**
   * Double-clicks inside a circle (select tool), which puts a sticky of the chosen kind there,
   * types `text` into the editor over it and saves with Ctrl+Enter. Returns the new sticky's id.
   */
  async addStickyByDoubleClick(
    circleRole: CircleRole,
    text: string,
    at: Point = { x: 0, y: 0 },
  ): Promise<ItemId> {
    await this.pickTool('v')
    const point = await this.inCircle(circleRole, at.x, at.y)
    const [id] = await this.newItemsDuring(() => this.page.mouse.dblclick(point.x, point.y))
    const editor = this.page.getByTestId('text-editor')
    await expect(editor).toBeFocused()
    await this.page.keyboard.type(text)
    await this.page.keyboard.press('Control+Enter')
    await expect(editor).toBeHidden()
    if (!id) throw new Error('no sticky appeared')
    return id
  }

  /** Drags a circle by its number badge, (dx, dy) CSS pixels on screen. */
  async dragCircle(role: CircleRole, dx: number, dy: number): Promise<void> {
    await this.pickTool('v')
    const circle = await this.circle(role)
    // The badge sits 30 board units in from the corner of the circle's square (Circle.tsx).
    const badge = await this.toScreen({ x: circle.x + 30, y: circle.y + 30 })
    await this.drag([badge, { x: badge.x + dx, y: badge.y + dy }])
  }

  /** The connect tool with a valence, from one circle to another; returns the arrow's id. */
  async drawArrow(fromRole: CircleRole, toRole: CircleRole, valence: Valence): Promise<ItemId> {
    await this.pickTool('c')
    const choice = this.toolbar.locator(`button.valence-${valence}`)
    await choice.click()
    await expect(choice).toHaveAttribute('aria-pressed', 'true')
    // Halfway down each circle: clear of the template's arrows, which run between the centres.
    const from = await this.inCircle(fromRole, 0, 0.5)
    const to = await this.inCircle(toRole, 0, 0.5)
    const [id] = await this.newItemsDuring(() => this.drag([from, to]))
    await this.pickTool('v')
    if (!id) throw new Error('no arrow appeared')
    return id
  }

  /** A freehand pen stroke through `points` (page CSS pixels); returns the ink item's id. */
  async drawStroke(points: readonly Point[]): Promise<ItemId> {
    await this.pickTool('p')
    const [id] = await this.newItemsDuring(() => this.drag(points))
    await this.pickTool('v')
    if (!id) throw new Error('no stroke appeared')
    return id
  }

  /** Ctrl+Z on the canvas: this person's last change, and only theirs. */
  async undo(): Promise<void> {
    await this.page.locator('.board-canvas').focus()
    await this.page.keyboard.press('Control+z')
  }

  /** Presses at the first point, moves through the others in small steps, releases. */
  async drag(points: readonly Point[]): Promise<void> {
    const [first, ...rest] = points
    if (!first) return
    const { mouse } = this.page
    await mouse.move(first.x, first.y)
    await mouse.down()
    for (const point of rest) await mouse.move(point.x, point.y, { steps: 12 })
    await mouse.up()
  }
}

export interface BoardApi {
  createBoard(options?: { template?: string; title?: string }): Promise<CreatedBoard>
}

function boardApi(request: APIRequestContext): BoardApi {
  return {
    async createBoard({ template = 'mdo', title = 'E2E' } = {}) {
      const res = await request.post('/api/boards', { data: { template, title } })
      expect(res.status(), await res.text()).toBe(201)
      return (await res.json()) as CreatedBoard
    },
  }
}

export const test = base.extend<{ api: BoardApi }>({
  api: async ({ request }, use) => {
    await use(boardApi(request))
  },
})

export { expect }
