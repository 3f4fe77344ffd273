// Names only when asked: a board with a distinctive name in every field that can hold one, and
// every export made from it (the PDF in the browser and on the server, Markdown, CSV, the board
// file) with "Namen tonen" off, then on. The PDF is read back with pdftotext.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addQuestion,
  castVote,
  closeVoting,
  copyToPlenary,
  publishDrafts,
  readBoard,
  readControl,
  recordPresence,
  setStep,
  startVoting,
  SNAPSHOT_SCHEMAS,
  TEXT_FIELDS,
  type Item,
  type ItemId,
} from '../../shared/index.ts'
import {
  buildReport,
  exportBoardFile,
  fontFromBytes,
  itemsCsv,
  NAME_FIELDS,
  reportMarkdown,
  type ReportFont,
  type ReportOptions,
} from '../../shared/report/index.ts'
import { renderPdf } from '../../shared/report/pdf.ts'
import { reportFontPath } from '../../server/export/reportFont.ts'
import { runJob, type PdfJob } from '../../server/work/jobs.ts'
import { newBoard, sequentialIds } from './helpers/board.ts'
import { pdfFacts } from './helpers/poppler.ts'

/** One made-up name per place a name can be, so a leak says where it came from. */
const NAMES = {
  circleAuthor: 'Fenna Quistvelde',
  looseAuthor: 'Joost Ravenhorst',
  asker: 'Marieke de Vries',
  tableAuthor: 'Sietske Brouwerhof',
  parent: 'Karin Wolfswinkel',
  teacher: 'Ahmed Oukili',
}
/** What a modified client could write as its voter id; dots are counted, never named. */
const VOTER = 'Quistvelde-Ravenhorst'
/** Each name's words but the Dutch "de": none may be found with names off. */
const WORDS = [...Object.values(NAMES), VOTER]
  .flatMap((name) => name.split(/[\s-]+/))
  .filter((word) => word !== 'de')

let font: ReportFont
beforeAll(() => {
  font = fontFromBytes(readFileSync(reportFontPath()))
})

/** An MDO board after the meeting, with a name in every field the app fills with one. */
function namedBoard() {
  const { doc } = newBoard('mdo')
  const ids = sequentialIds('x')
  const items = readBoard(doc).items
  const kind = items.find((item) => item.type === 'circle' && item.role === 'kind')!
  const questions = items.find((item) => item.type === 'box' && item.role === 'questions')!
  // An Ik-ronde revealed with names: one draft for a circle, one loose top.
  const [inCircle] = publishDrafts(
    doc,
    [
      {
        id: 'draft-circle-1',
        round: 'r1',
        kind: 'plus',
        text: 'Leest graag voor',
        parent: kind.id,
      },
    ],
    { author: NAMES.circleAuthor },
  )
  publishDrafts(doc, [{ id: 'draft-loose-01', round: 'r1', kind: 'top', text: 'Fijn overleg' }], {
    author: NAMES.looseAuthor,
  })
  // A question as the app adds it: asked by whoever pressed the button, under their join name.
  addQuestion(doc, {
    ids,
    parent: questions.id,
    text: 'Is een arrangement nodig?',
    askedBy: NAMES.asker,
    decisionNeeded: true,
  })
  // A table's sticky sent to a plenary board: its author and table travel with it.
  const tableSticky: Item = {
    id: 'sticky:t1' as ItemId,
    type: 'sticky',
    kind: 'tip',
    text: 'Agenda vooraf sturen',
    author: NAMES.tableAuthor,
    x: 0,
    y: 0,
    w: 180,
    h: 120,
    z: 'a0',
  }
  copyToPlenary(doc, [{ sticky: tableSticky }], { table: 'Tafel 2', ids })
  const control = new Y.Doc()
  setStep(control, 'afronding')
  startVoting(control, { id: 'v1', budget: 3, hidden: false })
  const voting = readControl(control).control.voting
  castVote(doc, voting, { voterId: VOTER, itemId: inCircle! })
  closeVoting(control)
  // Who was there, as the facilitator's device recorded them from their presence.
  recordPresence(
    control,
    [
      { seat: 'seat-parent-01', role: 'ouder', name: NAMES.parent },
      { seat: 'seat-teacher-1', role: 'leerkracht', name: NAMES.teacher },
    ],
    1,
  )
  return { doc, control }
}

interface Exports {
  pdf: string
  serverPdf: string | null
  markdown: string
  csv: string
  boardFile: string
}

async function exportsOf(names: boolean): Promise<Exports> {
  const { doc, control } = namedBoard()
  const options: ReportOptions = {
    lang: 'nl',
    paper: 'a4',
    names,
    exportedAt: 1,
  }
  const model = buildReport(doc, control, options)
  const job: PdfJob = {
    kind: 'pdf',
    content: { from: 'rows', snapshot: Y.encodeStateAsUpdate(doc), updates: [] },
    control: { from: 'rows', snapshot: Y.encodeStateAsUpdate(control), updates: [] },
    paper: 'a4',
    lang: 'nl',
    exportedAt: 1,
  }
  return {
    pdf: pdfFacts(await renderPdf(model, font)).text,
    // The server's PDF has no "Namen tonen": it is always made without names.
    serverPdf: names
      ? null
      : pdfFacts((await runJob(job, async () => font)).value as Uint8Array).text,
    markdown: reportMarkdown(model),
    csv: itemsCsv(readBoard(doc), 'nl', { names }),
    boardFile: JSON.stringify(exportBoardFile(doc, 1, { names })),
  }
}

describe('names in the exports', () => {
  it('knows every field that takes free text: content, or a name the exports strip', () => {
    // A field that takes any string can hold a name. Each must be board text (what was said,
    // kept in every export), or in NAME_FIELDS. A new one fails here until it is decided.
    const content: Partial<Record<Item['type'], readonly string[]>> = {
      // An action card's "who will do it": part of what was agreed, like an agreement's wie.
      sticky: ['hoe', 'wie'],
    }
    const probe = 'Marieke de Vries'
    for (const [type, schema] of Object.entries(SNAPSHOT_SCHEMAS)) {
      const shape = (
        schema as unknown as {
          shape: Record<string, { safeParse(v: unknown): { success: boolean } }>
        }
      ).shape
      const free = Object.keys(shape).filter((key) => shape[key]!.safeParse(probe).success)
      const known = [
        ...TEXT_FIELDS[type as Item['type']],
        ...(content[type as Item['type']] ?? []),
        ...((NAME_FIELDS as Partial<Record<string, readonly string[]>>)[type] ?? []),
      ]
      expect(free.sort(), type).toEqual([...known].sort())
    }
  })

  it('has a name in every name field of the test board', () => {
    const { items } = readBoard(namedBoard().doc)
    for (const [type, fields] of Object.entries(NAME_FIELDS)) {
      for (const field of fields) {
        const held = items
          .filter((item) => item.type === type)
          .map((item) => Reflect.get(item, field))
        expect(
          held.some((value) => Object.values(NAMES).some((name) => String(value).includes(name))),
          `${type}.${field}`,
        ).toBe(true)
      }
    }
  })

  it('prints no name anywhere with names off: PDF, server PDF, Markdown, CSV, board file', async () => {
    const files = await exportsOf(false)
    for (const [file, text] of Object.entries(files)) {
      expect(text, file).not.toBeNull()
      for (const word of WORDS) expect(text, `${file}: ${word}`).not.toContain(word)
    }
    // The known bug: a question printed "(gesteld door Marieke de Vries)" all the same.
    for (const text of [files.pdf, files.serverPdf, files.markdown]) {
      expect(text).not.toContain('gesteld door')
      expect(text).not.toContain('(door ')
    }
    // Roles stay: who was there, without who they are; the board's own text stays too.
    expect(files.pdf).toContain('Aanwezig (rollen) Ouder, Leerkracht')
    // The server's PDF, made long after the meeting, lists them from the control room too.
    expect(files.serverPdf).toContain('Aanwezig (rollen) Ouder, Leerkracht/mentor')
    expect(files.markdown).toContain('Ouder, Leerkracht')
    for (const text of Object.values(files)) {
      for (const said of ['Leest graag voor', 'Fijn overleg', 'Is een arrangement nodig?']) {
        expect(text).toContain(said)
      }
    }
  })

  it('prints every name with names on, each where it belongs', async () => {
    const files = await exportsOf(true)
    for (const text of [files.pdf, files.markdown]) {
      for (const name of Object.values(NAMES)) expect(text).toContain(name)
      expect(text).toContain(`gesteld door ${NAMES.asker}`)
      expect(text).toContain(`Leest graag voor (door ${NAMES.circleAuthor})`)
      expect(text).toContain(`Ouder: ${NAMES.parent}`)
    }
    // The data files hold the board's fields; who was present is kept in the control room.
    const itemNames = [NAMES.circleAuthor, NAMES.looseAuthor, NAMES.asker, NAMES.tableAuthor]
    for (const text of [files.csv, files.boardFile]) {
      for (const name of itemNames) expect(text).toContain(name)
    }
    for (const text of Object.values(files)) expect(text ?? '').not.toContain('Quistvelde-')
  })
})
