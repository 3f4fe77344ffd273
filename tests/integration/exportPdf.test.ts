// The PDF report, generated in Node from a seeded MDO board and read back with poppler-utils; and
// the server's export route and board import over real HTTP.
import { readFileSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addBox,
  addSticky,
  chooseActions,
  closeVoting,
  readBoard,
  setActionFields,
  setArrowValence,
  setText,
  startVoting,
  STICKY_KINDS,
  type StickyKind,
} from '../../shared/index.ts'
import { exportBoardFile } from '../../shared/report/boardFile.ts'
import { fontFromBytes, type ReportFont } from '../../shared/report/font.ts'
import { buildReport, type ReportOptions } from '../../shared/report/model.ts'
import { renderPdf } from '../../shared/report/pdf.ts'
import { reportFontPath } from '../../server/export/reportFont.ts'
import { newBoard, sequentialIds } from '../unit/helpers/board.ts'
import { pdfFacts, pdfRawText, pdfWords } from '../unit/helpers/poppler.ts'
import { seededRandom } from '../unit/helpers/random.ts'
import { AGREEMENTS, EVALUATION, MARKERS, seedMdoBoard } from '../unit/helpers/reportBoard.ts'
import { createBoard, type RunningRelay, startRelay } from './helpers.ts'

const A3_LANDSCAPE = '1190.55 x 841.89'
const A4_LANDSCAPE = '841.89 x 595.28'
const A4_PORTRAIT = '595.28 x 841.89'

let font: ReportFont
beforeAll(() => {
  font = fontFromBytes(readFileSync(reportFontPath()))
})

const options = (over: Partial<ReportOptions> = {}): ReportOptions => ({
  lang: 'nl',
  paper: 'a3',
  names: false,
  exportedAt: Date.UTC(2025, 2, 11, 15, 0),
  ...over,
})

async function pdfOf(doc: Y.Doc, control: Y.Doc | null, over: Partial<ReportOptions> = {}) {
  return renderPdf(buildReport(doc, control, options(over)), font)
}

describe('the PDF report in Node', () => {
  it('puts the board on an A3 landscape page, then A4 portrait report pages, in one embedded font', async () => {
    const { doc, control } = seedMdoBoard()
    const facts = pdfFacts(await pdfOf(doc, control))
    expect(facts.sizes[0]).toBe(A3_LANDSCAPE)
    expect(facts.pages).toBeGreaterThanOrEqual(3)
    expect(facts.sizes.slice(1).every((size) => size === A4_PORTRAIT)).toBe(true)
    expect(facts.fonts).toHaveLength(1)
    expect(facts.fonts[0]).toMatchObject({
      name: 'MDOBRD+DejaVuSans',
      type: 'CID TrueType',
      encoding: 'Identity-H',
      embedded: true,
      subset: true,
    })
    expect(facts.text).toContain(`Pagina ${facts.pages} van ${facts.pages}`)
  })

  it('draws the board on A4 landscape when asked', async () => {
    const { doc, control } = seedMdoBoard()
    expect(pdfFacts(await pdfOf(doc, control, { paper: 'a4' })).sizes[0]).toBe(A4_LANDSCAPE)
  })

  it("holds every marker's text, each agreement's five fields and the step, diacritics exact", async () => {
    const { doc, control } = seedMdoBoard()
    const { text } = pdfFacts(await pdfOf(doc, control))
    for (const markers of Object.values(MARKERS)) {
      // An emoji the font lacks becomes a box; the rest of the text stays searchable.
      for (const [, marker] of markers) expect(text).toContain(marker.replace('👍', '□'))
    }
    for (const agreement of AGREEMENTS)
      for (const field of Object.values(agreement)) expect(text).toContain(field)
    for (const [, line] of EVALUATION) expect(text).toContain(line)
    for (const word of ['Zoë', 'één', 'reëel', 'differentiëren', 'ĳveren', '€ 0', 'Vóór', 'Inés']) {
      expect(text).toContain(word)
    }
    expect(text).toContain('Stap bereikt 6. Afronding')
    expect(text).toContain('opwaartse spiraal — Warme band geeft rust')
    expect(text).toContain('Ondersteuningsbehoeften ouders')
    // The server keeps no participants: the report says so instead of inventing them.
    expect(text).toContain('Niet vastgelegd')
  })

  it('names each arrow by its circles, its valence in words and its label', async () => {
    const { doc, control } = seedMdoBoard()
    const nl = pdfFacts(await pdfOf(doc, control)).text
    expect(nl).toContain(
      '↗ Kind/jongere → School/onderwijs: opwaartse spiraal — Warme band geeft rust',
    )
    expect(nl).toContain(
      '↘ School/onderwijs → Thuis/opvoeding: neerwaartse spiraal — Gespannen ochtenden werken door',
    )
    expect(nl).toContain('↔ Thuis/opvoeding → Kind/jongere: neutraal')
    // "Wisselwerking" is the section's title, not what each arrow says.
    expect(nl.split('Wisselwerking')).toHaveLength(2)
    // The circles keep the names the board gave them; the report's own words follow its language.
    const en = pdfFacts(await pdfOf(doc, control, { lang: 'en' })).text
    expect(en).toContain('Interaction ↗ Kind/jongere → School/onderwijs: upward spiral — Warme')
    expect(en).toContain('↔ Thuis/opvoeding → Kind/jongere: neutral')
  })

  it('names roles, and names only when the facilitator opts in', async () => {
    const { doc, control } = seedMdoBoard()
    const participants = [
      { role: 'Ouder', name: 'Karin' },
      { role: 'Ouder', name: 'Ahmed' },
      { role: 'Leerkracht', name: 'Inés' },
    ]
    const roles = pdfFacts(await pdfOf(doc, control, { participants })).text
    expect(roles).toContain('Ouder (2×), Leerkracht')
    expect(roles).not.toContain('Karin')
    const named = pdfFacts(await pdfOf(doc, control, { participants, names: true })).text
    expect(named).toContain('Ouder: Karin, Ouder: Ahmed, Leerkracht: Inés')
  })

  it('still exports a board with hostile items, skipping them', async () => {
    const { doc, control } = seedMdoBoard()
    const items = doc.getMap<unknown>('items')
    doc.transact(() => {
      items.set(
        'sticky:evil',
        new Y.Map<unknown>([
          ['type', 'sticky'],
          ['id', 'sticky:evil'],
          ['text', 'GIFTIG'],
          ['x', 'NaN'],
        ]),
      )
      items.set('sticky:plain', 'not a map')
      items.set(
        'circle:huge',
        new Y.Map<unknown>([
          ['type', 'circle'],
          ['id', 'circle:huge'],
          ['w', 1e300],
          ['label', new Y.Text('GIFTIG')],
        ]),
      )
      items.set(
        'arrow:dangling',
        new Y.Map<unknown>([
          ['type', 'arrow'],
          ['id', 'arrow:dangling'],
          ['from', 'circle:gone'],
          ['to', 'circle:gone2'],
          ['x', 0],
          ['y', 0],
          ['w', 0],
          ['h', 0],
          ['z', 'a0'],
          ['valence', 'up'],
          ['label', new Y.Text('GIFTIG')],
        ]),
      )
    })
    const { text, pages } = pdfFacts(await pdfOf(doc, control))
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(text).not.toContain('GIFTIG')
    expect(text).toContain(MARKERS.kind[0]![1])
    expect(text).toContain('4 onderdelen van het bord waren ongeldig en zijn overgeslagen')
  })

  it('gives a workshop sheet its columns and actions instead of circles', async () => {
    const { doc } = newBoard('blank')
    const ids = sequentialIds('w')
    const columns = ['Tops', 'Tips', 'Interessant'].map((label, i) =>
      addBox(doc, { ids, role: 'column', label, x: i * 700, y: 0, w: 650, h: 900 }),
    )
    const kinds = ['top', 'tip', 'interesting'] as const
    const stickies = kinds.map((kind, i) =>
      addSticky(doc, {
        ids,
        kind,
        text: `${kind} één`,
        x: i * 700 + 20,
        y: 100,
        parent: columns[i],
      }),
    )
    // Kies 3: a closed dot vote, then the winner made into an agreement whose hoe and wie the
    // table fills in; an action card from before kies 3 made agreements joins the same list.
    const control = new Y.Doc()
    startVoting(control, { id: 'v1', budget: 2, hidden: true })
    // A hidden vote's dots stay on the devices until it closes; dots written anyway (by an old
    // or modified client) must still not show in the report while it is open.
    doc.getMap('votes').set('v1/anna', [stickies[0]!])
    doc.getMap('votes').set('v1/bram', [stickies[0]!, stickies[1]!])
    const hidden = pdfFacts(await pdfOf(doc, control)).text
    expect(hidden).not.toContain('stippen')
    closeVoting(control)
    const [agreement] = chooseActions(doc, [stickies[0]!], { ids })
    setText(doc, agreement!, 'hoe', 'twee klassen')
    setText(doc, agreement!, 'wie', 'Inés')
    const card = addSticky(doc, { ids, kind: 'action', text: 'oude actie', x: 0, y: 1200 })
    setActionFields(doc, card, { hoe: 'per mail', wie: 'Joost' })
    const { text } = pdfFacts(await pdfOf(doc, control))
    for (const word of ['Kolommen', 'Tops', 'Interessant', 'top één', 'interesting één']) {
      expect(text).toContain(word)
    }
    // One table of actions, under the board's own title for it; no second list of cards.
    expect(text.split('5. Afspraken Wat Wie Waarom Wanneer Hoe Status')).toHaveLength(2)
    expect(text).toContain('top één Inés twee klassen Open')
    expect(text).toContain('oude actie Joost per mail Open')
    expect(text).not.toContain('Actie')
    expect(text).not.toContain('De cirkels')
    expect(text).toContain('Stemmen (kies 3) ● top één — 2 stippen ● tip één — 1 stip')
  })

  it('never fails on random hostile entries (20 seeds)', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed)
      const { doc, control } = seedMdoBoard(5, seed)
      const items = doc.getMap<unknown>('items')
      const keys = [...items.keys()]
      // Fresh each time: a Yjs type can be inserted only once.
      const junk = () =>
        random.pick<() => unknown>([
          () => null,
          () => 7,
          () => 'x',
          () => -1e308,
          () => new Y.Text('GIFTIG'),
          () => new Y.Map(),
          () => [1, 2],
          () => true,
          () => 'circle:gone',
        ])()
      doc.transact(() => {
        for (let i = 0; i < 12; i++) {
          const target = items.get(random.pick(keys))
          const field = random.pick([
            'x',
            'w',
            'text',
            'parent',
            'kind',
            'from',
            'type',
            'z',
            'label',
          ])
          if (target instanceof Y.Map) target.set(field, junk())
          else items.set(`sticky:junk${i}`, junk())
        }
      })
      const facts = pdfFacts(await pdfOf(doc, control))
      expect(facts.pages, `seed ${seed}`).toBeGreaterThanOrEqual(2)
      // A Y.Text in a text field is valid: only the pages and the absence of a throw are checked.
    }
  }, 60_000)

  it('exports an empty or unsynced board without failing', async () => {
    const facts = pdfFacts(await pdfOf(new Y.Doc(), null))
    expect(facts.pages).toBe(2)
    expect(facts.text).toContain('Stap bereikt onbekend')
  })
})

/** Stickies of every length, one of them with a word wider than a sticky at 6 pt. */
const LONG_WORD = 'ondersteuningsbehoeften'
const MORE: ['kind' | 'school' | 'thuis', StickyKind, string, number][] = [
  ['kind', 'plus', 'Rust', 260],
  ['school', 'question', 'Wie belt wie?', 260],
  ['school', 'need', `Haar ${LONG_WORD} in kaart`, 60],
  [
    'thuis',
    'minus',
    'Na school is er thuis weinig ruimte om bij te komen, want de ochtend was al druk en de broertjes zijn er ook',
    60,
  ],
]

/** The seeded meeting with MORE added and a label on the third arrow too. */
function boardWithStickies() {
  const { doc, control } = seedMdoBoard()
  const items = readBoard(doc).items
  // In the free places of the seeded circles' bottom rows.
  for (const [role, kind, text, dx] of MORE) {
    const circle = items.find((item) => item.type === 'circle' && item.role === role)!
    addSticky(doc, { kind, text, x: circle.x + dx, y: circle.y + 380, parent: circle.id })
  }
  const arrows = items.filter((item) => item.type === 'arrow').map((item) => item.id)
  setArrowValence(doc, arrows[2]!, 'neutral')
  setText(doc, arrows[2]!, 'label', 'Thuis vertelt wat Zoë nodig heeft')
  const stickies = readBoard(doc).items.flatMap((item) =>
    item.type === 'sticky' ? [{ kind: item.kind, text: item.text.replace('👍', '□') }] : [],
  )
  return { doc, control, stickies }
}

/**
 * poppler's word box is the font's ascent plus descent, 1.164 × the size for DejaVu Sans (a 6 pt
 * word is 6.98 pt tall, a 5.5 pt one 6.40): 6.9 is 6 pt with room for rounding.
 */
const SIX_POINT_BOX = 6.9

describe('the board page on A4, as it prints', () => {
  it('draws every word at 6 pt or more, each whole; a sticky too small for its text has a number and its text in the legend', async () => {
    const { doc, control, stickies } = boardWithStickies()
    const pdf = await pdfOf(doc, control, { paper: 'a4' })
    const words = pdfWords(pdf, 1)
    const small = words.filter((word) => word.yMax - word.yMin < SIX_POINT_BOX)
    expect(small.map((word) => word.text)).toEqual([])

    const board = pdfRawText(pdf, 1)
    const report = pdfRawText(pdf, 2)
    const legend = report.slice(
      report.indexOf('Genummerde post-its op het bord'),
      report.indexOf('1. Vragen en besluiten'),
    )
    expect(legend).toContain('Nr. Soort Tekst Plek')
    const numbered = stickies.filter(
      ({ kind, text }) => !board.includes(`${STICKY_KINDS[kind].symbol} ${text}`),
    )
    // Short texts stay on the board; the long ones, and the one with the long word, are numbered.
    expect(numbered.map((s) => s.text)).toEqual(expect.arrayContaining([MORE[2]![2], MORE[3]![2]]))
    expect(board).toContain('+ Rust')
    expect(numbered.length).toBeLessThan(stickies.length / 2)
    const pageWords = new Set(words.map((word) => word.text))
    // Each numbered text once in the legend, under a number that stands on the board page.
    const numbers = numbered.map(({ kind, text }) => {
      const label = `${STICKY_KINDS[kind].symbol} ${STICKY_KINDS[kind].label.nl}`
      const row = new RegExp(`(\\d+) ${escape(label)} ${escape(text)} \\d\\. `).exec(legend)
      expect(row, text).not.toBeNull()
      expect(pageWords.has(row![1]!), `number ${row![1]} on the board`).toBe(true)
      return Number(row![1])
    })
    expect(numbers.sort((a, b) => a - b)).toEqual(numbered.map((_, i) => i + 1))
    // No word is cut: the long one stands whole, and no piece of it stands anywhere on the page.
    expect(legend).toContain(LONG_WORD)
    const pieces = words.filter(
      (w) => w.text.length >= 4 && LONG_WORD.includes(w.text.toLowerCase()),
    )
    expect(pieces).toEqual([])
  })

  it('lists each arrow as "from → to: valence in words — label"', async () => {
    const { doc, control } = boardWithStickies()
    const { text } = pdfFacts(await pdfOf(doc, control, { paper: 'a4' }))
    expect(text).toContain(
      'Wisselwerking ↗ Kind/jongere → School/onderwijs: opwaartse spiraal — Warme band geeft rust ' +
        '↘ School/onderwijs → Thuis/opvoeding: neerwaartse spiraal — Gespannen ochtenden werken door ' +
        '↔ Thuis/opvoeding → Kind/jongere: neutraal — Thuis vertelt wat Zoë nodig heeft',
    )
  })

  it('keeps every word at 6 pt or more on A3 too, for a board spread wide', async () => {
    const { doc, control } = seedMdoBoard(60)
    // Far to the right of the Afspraken box: the board is drawn at a smaller scale.
    addSticky(doc, { kind: 'note', text: 'Later bespreken', x: 2200, y: 0 })
    const pdf = await pdfOf(doc, control, { paper: 'a3' })
    const words = pdfWords(pdf, 1)
    expect(words.filter((word) => word.yMax - word.yMin < SIX_POINT_BOX)).toEqual([])
    expect(pdfRawText(pdf, 1)).toContain('✎ Later bespreken')
  })
})

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('GET /api/boards/<id>/export.pdf', () => {
  let r: RunningRelay
  afterEach(async () => r?.close())

  it('gives the facilitator the PDF, refuses the edit link (403) and a missing token (401)', async () => {
    r = await startRelay()
    const board = await createBoard(r.http, 'mdo', 'MDO Zoë')
    const url = `${r.http}/api/boards/${board.id}/export.pdf?paper=a3`
    const ok = await fetch(url, { headers: { Authorization: `Bearer ${board.facilitatorToken}` } })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('application/pdf')
    expect(ok.headers.get('content-disposition')).toBe('attachment; filename="MDO-Zoe.pdf"')
    expect(ok.headers.get('cache-control')).toBe('no-store')
    const facts = pdfFacts(new Uint8Array(await ok.arrayBuffer()))
    expect(facts.sizes[0]).toBe(A3_LANDSCAPE)
    expect(facts.text).toContain('Verslag: MDO Zoë')

    const edit = await fetch(url, { headers: { Authorization: `Bearer ${board.editToken}` } })
    expect(edit.status).toBe(403)
    expect(await edit.json()).toEqual({ error: expect.any(String) })
    const none = await fetch(url)
    expect(none.status).toBe(401)
    const bad = await fetch(url.replace('a3', 'a5'), {
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
    })
    expect(bad.status).toBe(400)
  })
})

describe('POST /api/boards with a board file', () => {
  let r: RunningRelay
  afterEach(async () => r?.close())

  const post = (body: unknown) =>
    fetch(`${r.http}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('makes a new board equal to the exported one', async () => {
    r = await startRelay()
    const { doc } = seedMdoBoard(40)
    // With names, so the copy is the board itself, askers included.
    const file = exportBoardFile(doc, Date.now(), { names: true })
    const res = await post({ board: JSON.parse(JSON.stringify(file)) })
    expect(res.status).toBe(201)
    const created = (await res.json()) as { id: string; facilitatorToken: string }
    const pdf = await fetch(`${r.http}/api/boards/${created.id}/export.pdf`, {
      headers: { Authorization: `Bearer ${created.facilitatorToken}` },
    })
    expect(pdfFacts(new Uint8Array(await pdf.arrayBuffer())).text).toContain(AGREEMENTS[1]!.hoe)
    const room = await r.relay.rooms.acquire(created.id, 'content')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, room.fullState())
    r.relay.rooms.released(room)
    expect(readBoard(copy).items).toEqual(readBoard(doc).items)
    expect(readBoard(copy).meta.title).toBe(readBoard(doc).meta.title)
  })

  it('refuses a broken file with a clear 400 and creates nothing', async () => {
    r = await startRelay()
    const { doc } = seedMdoBoard()
    const file = exportBoardFile(doc, Date.now())
    const broken = {
      ...file,
      items: [...file.items, { ...file.items[0], id: 'sticky:x', x: 'far' }],
    }
    const res = await post({ board: broken })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(
      /^cannot import: item \d+ \(box\): x: /,
    )
    expect(r.relay.metrics.boardsCreated).toBe(0)
    const wrongFormat = await post({ board: { format: 'something-else', version: 1 } })
    expect(wrongFormat.status).toBe(400)
  })
})
