// Readable at the opening view: an MDO board with real Dutch points, opened by a participant on a
// laptop, a phone and a digibord. Every sticky draws its text (not only its symbol); on the laptop
// each at 11 px or more on screen and every circle and box title at 14 px or more, as the e2e
// hook reads them from the Konva tree (client/src/testHook.ts, readable()).
import { mkdirSync } from 'node:fs'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  addAgreement,
  addQuestion,
  addSticky,
  readBoard,
  STICKY_SIZE,
  type CircleRole,
  type StickyKind,
} from '../../shared/index.ts'
import type { ReadableText } from '../../client/src/testHook.ts'
import { BoardPageObject, expect, test } from './fixtures.ts'

const POINTS: { role: CircleRole; kind: StickyKind; text: string }[] = [
  { role: 'kind', kind: 'plus', text: 'Sportief' },
  { role: 'kind', kind: 'plus', text: 'Leest graag, vooral strips' },
  { role: 'kind', kind: 'minus', text: 'Heeft moeite met concentreren na de middagpauze' },
  { role: 'school', kind: 'plus', text: 'Vaste plek vooraan werkt goed' },
  { role: 'school', kind: 'minus', text: 'Rekenen blijft achter' },
  {
    role: 'school',
    kind: 'question',
    text: 'Kan de intern begeleider een observatie doen tijdens de rekenles op dinsdag?',
  },
  { role: 'thuis', kind: 'plus', text: 'Opa haalt hem elke woensdag op' },
  { role: 'thuis', kind: 'minus', text: 'Slaapt slecht sinds de verhuizing' },
]

const DEVICES = [
  { name: 'laptop', viewport: { width: 1366, height: 768 }, touch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
  { name: 'digibord', viewport: { width: 1920, height: 1080 }, touch: true },
] as const

/**
 * Fills the board the way a meeting would, through a y-websocket client of its own; it stays
 * connected until `done` resolves (the page shows what it wrote).
 */
async function fill(baseURL: string, link: string, done: () => Promise<void>): Promise<void> {
  const [, id, token] = /\/b\/([\w-]+)#t=([\w-]+)$/.exec(link) ?? []
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${baseURL.replace(/^http/, 'ws')}/ws`, id!, doc, {
    params: { t: token! },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  try {
    await new Promise<void>((resolve) => {
      if (provider.synced) resolve()
      provider.on('sync', (synced: boolean) => synced && resolve())
    })
    const { items } = readBoard(doc)
    const container = (type: 'circle' | 'box', role: string) => {
      const found = items.find((item) => item.type === type && item.role === role)
      if (!found) throw new Error(`no ${role} ${type} on the board`)
      return found
    }
    doc.transact(() => {
      for (const role of ['kind', 'school', 'thuis'] as const) {
        const circle = container('circle', role)
        const mine = POINTS.filter((point) => point.role === role)
        // Two by two below the circle's title, where people put them.
        const [cx, cy] = [circle.x + circle.w / 2, circle.y + circle.h / 2 + 20]
        mine.forEach((point, i) => {
          const x = cx + (i % 2 === 0 ? -STICKY_SIZE.w - 6 : 6)
          const y = cy + (i < 2 ? -STICKY_SIZE.h - 6 : 6)
          addSticky(doc, { x, y, kind: point.kind, text: point.text, parent: circle.id })
        })
      }
      addQuestion(doc, {
        parent: container('box', 'questions').id,
        text: 'Hoe bereiden we de overstap naar groep 6 voor?',
        askedBy: 'moeder',
      })
      const agreements = container('box', 'agreements').id
      addAgreement(doc, {
        parent: agreements,
        wat: 'Observatie tijdens de rekenles',
        hoe: 'Twee lessen meekijken en daarna bespreken met de leerkracht',
        wie: 'Intern begeleider',
        wanneer: 'voor 1 maart',
      })
      addAgreement(doc, { parent: agreements, wat: 'Slaapdagboek bijhouden', wie: 'Moeder' })
    })
    await done()
  } finally {
    provider.destroy()
    doc.destroy()
  }
}

async function readable(person: BoardPageObject): Promise<ReadableText[]> {
  return person.page.evaluate(() => window.__mdoTest!.readable())
}

for (const device of DEVICES) {
  test(`every sticky shows its text at the opening view on a ${device.name}`, async ({
    browser,
    api,
    baseURL,
  }, testInfo) => {
    const board = await api.createBoard({ template: 'mdo', title: 'MDO Sam' })
    const context = await browser.newContext({
      viewport: device.viewport,
      isMobile: device.name === 'phone',
      hasTouch: device.touch,
    })
    try {
      const person = new BoardPageObject(await context.newPage())
      await fill(baseURL!, board.links.facilitator, async () => {
        await person.open(board.links.edit, 'Ilse Bakker', 'ouder', { panels: false })
        await expect
          .poll(async () => (await readable(person)).filter((text) => text.kind === 'sticky'))
          .toHaveLength(POINTS.length)
      })
      const texts = await readable(person)
      const stickies = texts.filter((text) => text.kind === 'sticky')
      const titles = texts.filter((text) => text.kind === 'title')
      const rows = texts.filter((text) => text.kind === 'row')
      mkdirSync('test-results', { recursive: true })
      await person.page.screenshot({ path: `test-results/readable-${device.name}.png` })
      // The sizes read, kept with the screenshot as an artifact.
      await testInfo.attach(`readable-${device.name}.json`, {
        body: JSON.stringify(texts, null, 2),
        contentType: 'application/json',
      })

      expect(stickies.map((text) => text.text).sort()).toEqual(
        POINTS.map((point) => point.text).sort(),
      )
      for (const sticky of stickies) expect(sticky, sticky.text).toMatchObject({ drawn: true })
      // The three circles' and the two boxes' titles, and the agreements' wat and wie.
      expect(titles).toHaveLength(5)
      expect(rows.map((row) => row.text)).toEqual(
        expect.arrayContaining([
          'Observatie tijdens de rekenles',
          expect.stringContaining('Intern begeleider'),
          'Slaapdagboek bijhouden',
          expect.stringContaining('Moeder'),
        ]),
      )
      if (device.name === 'laptop') {
        for (const sticky of stickies) expect(sticky.px, sticky.text).toBeGreaterThanOrEqual(11)
        for (const title of titles) expect(title.px, title.text).toBeGreaterThanOrEqual(14)
        for (const row of rows) expect(row.px, row.text).toBeGreaterThanOrEqual(11)
      }
      expect(person.errors).toEqual([])
    } finally {
      await context.close()
    }
  })
}
