// The report model and the text exports (Markdown, CSV, board file), without a PDF.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSticky, chooseActions, readBoard, setActionFields } from '../../shared/index.ts'
import {
  buildReport,
  csvCell,
  drawableText,
  exportBoardFile,
  importBoardFile,
  itemsCsv,
  MISSING_GLYPH,
  parseBoardFile,
  reportMarkdown,
  type ReportOptions,
} from '../../shared/report/index.ts'
import { newBoard } from './helpers/board.ts'
import { AGREEMENTS, MARKERS, QUESTIONS, seedMdoBoard } from './helpers/reportBoard.ts'

const options: ReportOptions = { lang: 'nl', paper: 'a4', names: false, exportedAt: 1 }

describe('buildReport', () => {
  it('groups markers by the circle that owns them, in the order of the method', () => {
    const { doc, control } = seedMdoBoard()
    const model = buildReport(doc, control, options)
    expect(model.circles.map((c) => `${c.number}. ${c.label}`)).toEqual([
      '2. Kind/jongere',
      '3. School/onderwijs',
      '4. Thuis/opvoeding',
    ])
    const kind = model.circles[0]!
    expect(kind.groups.map((g) => g.kind)).toEqual(['plus', 'minus', 'question', 'goal', 'need'])
    expect(kind.groups.at(-1)!.label).toBe('Onderwijs- en opvoedbehoeften')
    expect(kind.groups.flatMap((g) => g.texts)).toEqual(MARKERS.kind.map(([, text]) => text))
    expect(model.step).toBe('6. Afronding')
    expect(buildReport(doc, null, options).step).toBeNull()
    expect(model.agreements.map((a) => a.wat)).toEqual(AGREEMENTS.map((a) => a.wat))
    expect(model.loose.map((g) => g.kind)).toEqual(['top', 'tip'])
    expect(model.participants).toBeNull()
  })

  it('ignores geometry: a sticky over a circle without belonging to it is not in that circle', () => {
    const { doc, control } = seedMdoBoard()
    const kind = readBoard(doc).items.find((i) => i.type === 'circle' && i.role === 'kind')!
    addSticky(doc, { kind: 'plus', text: 'Alleen erboven', x: kind.x + 100, y: kind.y + 100 })
    const model = buildReport(doc, control, options)
    expect(model.circles[0]!.groups.flatMap((g) => g.texts)).not.toContain('Alleen erboven')
    expect(model.loose.find((g) => g.kind === 'plus')?.texts).toEqual(['Alleen erboven'])
  })
})

describe('one list of actions', () => {
  it('lists kies 3 and older action cards in one table, titled as the board shows it', () => {
    const { doc } = newBoard('kies-3')
    const point = addSticky(doc, { kind: 'note', text: 'Rust in de klas', x: -700, y: 0 })
    chooseActions(doc, [point])
    const card = addSticky(doc, { kind: 'action', text: 'Oude kaart', x: 0, y: 1200 })
    setActionFields(doc, card, { hoe: 'per mail', wie: 'Joost' })
    const model = buildReport(doc, null, options)
    expect(model.agreementsTitle).toBe('Acties')
    expect(buildReport(doc, null, { ...options, lang: 'en' }).agreementsTitle).toBe('Actions')
    expect(model.agreements).toMatchObject([
      { wat: 'Rust in de klas', hoe: '', wie: '', status: 'Open' },
      { wat: 'Oude kaart', hoe: 'per mail', wie: 'Joost', status: 'Open' },
    ])
    // The card is an action, not a sticky: no group of action cards beside the table.
    const kinds = [...model.columns, { groups: model.loose }].flatMap((s) => s.groups)
    expect(kinds.map((g) => g.kind)).not.toContain('action')
    const markdown = reportMarkdown(model)
    expect(markdown.split('\n').filter((line) => line.startsWith('| Wat |'))).toHaveLength(1)
    expect(markdown).toContain('## Acties')
    expect(markdown).toContain('| Oude kaart | Joost |   |   | per mail | Open |')
    const csv = itemsCsv(readBoard(doc), 'nl')
    expect(csv).toContain('Rust in de klas')
    expect(csv.split('\r\n').find((line) => line.includes('Oude kaart'))).toContain(
      'Oude kaart,,Oude kaart,Joost,,,per mail',
    )
  })
})

describe('reportMarkdown', () => {
  it('writes the same report, with board text escaped', () => {
    const { doc, control } = seedMdoBoard()
    addSticky(doc, { kind: 'top', text: '**vet** <script>', x: 0, y: 2000 })
    const md = reportMarkdown(buildReport(doc, control, { ...options, lang: 'en' }))
    expect(md).toContain('# Report: MDO Zoë, groep 6 – één')
    expect(md).toContain('| What | Who | Why | When | How | Status |')
    expect(md).toContain('| Visueel dagritme invoeren | Juf Inés |')
    expect(md).toContain('\\*\\*vet\\*\\* \\<script\\>')
    expect(md).toContain('Not recorded')
  })
})

describe('itemsCsv', () => {
  it('has one row per valid item, quoted where needed, with a BOM', () => {
    const { doc } = seedMdoBoard()
    const csv = itemsCsv(readBoard(doc), 'nl')
    const lines = csv.trimEnd().split('\r\n')
    expect(csv.startsWith('\ufeffid,type,kind,container,text')).toBe(true)
    expect(lines).toHaveLength(readBoard(doc).items.length + 1)
    expect(csv).toContain('Post-it,Pluspunt,Kind/jongere,Zoë leest graag en vertelt enthousiast')
  })

  it('never lets a cell become a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('a,b')).toBe('"a,b"')
  })
})

describe('board file', () => {
  it('round-trips: export then import gives an equal board', () => {
    const { doc } = seedMdoBoard(25)
    const file = JSON.parse(JSON.stringify(exportBoardFile(doc, 5, { names: true }))) as unknown
    const copy = new Y.Doc()
    importBoardFile(copy, parseBoardFile(file), 7)
    expect(readBoard(copy).items).toEqual(readBoard(doc).items)
    expect(readBoard(copy).meta).toMatchObject({ title: 'MDO Zoë, groep 6 – één', template: 'mdo' })
    expect(readBoard(copy).problems).toEqual([])
  })

  it('leaves the askers out unless names are asked for', () => {
    const { doc } = seedMdoBoard()
    const askers = (names: boolean) =>
      exportBoardFile(doc, 5, { names }).items.flatMap((item) =>
        item.type === 'question' ? [item.askedBy] : [],
      )
    expect(askers(true)).toEqual(QUESTIONS.map((q) => q.askedBy))
    expect(askers(false)).toEqual(QUESTIONS.map(() => ''))
    expect(exportBoardFile(doc, 5)).toEqual(exportBoardFile(doc, 5, { names: false }))
  })

  it('refuses a file whose arrow points nowhere, naming it', () => {
    const { doc } = newBoard('mdo')
    const file = exportBoardFile(doc, 5)
    const arrow = file.items.find((item) => item.type === 'arrow')!
    const broken = { ...file, items: file.items.filter((item) => item.id !== arrow.from) }
    expect(() => parseBoardFile(broken)).toThrow(`${arrow.id}: arrow end ${arrow.from} is missing`)
    expect(() => parseBoardFile({ ...file, version: 2 })).toThrow(/version this app does not know/)
  })
})

describe('drawableText', () => {
  it('keeps what the font has and puts one box for an emoji sequence it lacks', () => {
    const has = (code: number) => code < 0x2000
    expect(drawableText('Zoë 👨‍👩‍👧 ok', has)).toBe(`Zoë ${MISSING_GLYPH} ok`)
    expect(drawableText('a\u0007b\nc', has)).toBe('ab\nc')
  })
})
