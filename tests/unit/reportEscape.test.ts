// Board text in the text exports stays text: in the Markdown no line of it opens a block or
// carries markup, whatever its line endings; in the CSV no cell a spreadsheet reads (at its
// start, or after a semicolon or line break, where a Dutch spreadsheet starts a cell) is run as a
// formula. Explicit cases per marker, then fast-check over text made of the dangerous characters.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addSticky, readBoard } from '../../shared/index.ts'
import {
  buildReport,
  CSV_COLUMNS,
  csvCell,
  escapeItem,
  escapeMarkdown,
  itemsCsv,
  reportMarkdown,
} from '../../shared/report/index.ts'
import { newBoard } from './helpers/board.ts'

// Markdown

/** What CommonMark (and GFM) would read as the start of a block, on a line without indent. */
const BLOCK_STARTS: [string, RegExp][] = [
  ['heading', /^#{1,6}(?:[ \t]|$)/],
  ['quote', /^>/],
  ['bullet', /^[-+*](?:[ \t]|$)/],
  ['ordered list', /^\d{1,9}[.)](?:[ \t]|$)/],
  ['code fence', /^(?:`{3,}|~{3,})/],
  ['rule', /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/],
  ['setext underline', /^(?:=+|-+)[ \t]*$/],
  ['html', /^</],
  ['table row', /^\|/],
  ['link definition', /^\[[^\]]*\]:/],
  ['indented code', /^(?: {4}|\t)/],
]

function blockStart(line: string): string | null {
  return BLOCK_STARTS.find(([, pattern]) => pattern.test(line))?.[0] ?? null
}

/** Markup characters not escaped by a backslash (an escaped one is shown as itself). */
function unescapedMarkup(text: string): string[] {
  const found: string[] = []
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (char === '\\' && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) i++
    else if ('*_`<>[]|~$\\'.includes(char)) found.push(char)
    else if (char === '&' && /^&#?\w+;/.test(text.slice(i))) found.push(char)
  }
  return found
}

const unescape = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1')

/** The lines a reader sees in board text: any line ending ends one; blank ones drop out. */
const readerLines = (text: string) =>
  text
    .split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)
    .map((line) => line.trim())
    .filter((line) => line !== '')

/** `- text` as the report writes a list item: its content lines, indentation and breaks off. */
function itemLines(item: string): string[] {
  const [first = '', ...rest] = item.split('\n')
  expect(first.startsWith('- ')).toBe(true)
  for (const line of rest) expect(line).toMatch(/^ {2}\S/)
  const lines = [first.slice(2), ...rest.map((line) => line.slice(2))]
  // Every line but the last ends in the backslash of a hard break.
  return lines.map((line, i) => {
    if (i === lines.length - 1) return line
    expect(line.endsWith('\\')).toBe(true)
    return line.slice(0, -1)
  })
}

/** Characters that build Markdown, line endings of every kind and spaces of every width. */
const MARKDOWNISH = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ...'#>-+*=_`~|<[]()!&;:.)\\ \t1290aZë',
      ...['\n', '\r', '\r\n', '\v', '\f', '\u0085', '\u2028', '\u2029', '\u00a0', '\u3000'],
    ),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 40,
})

describe('Markdown escaping', () => {
  it.each([
    ['heading', '# Kop', '\\# Kop'],
    ['heading without space', '#hashtag', '\\#hashtag'],
    ['quote', '> citaat', '\\> citaat'],
    ['bullet -', '- punt', '\\- punt'],
    ['bullet +', '+ punt', '\\+ punt'],
    ['bullet *', '* punt', '\\* punt'],
    ['ordered list .', '1. punt', '1\\. punt'],
    ['ordered list )', '12) punt', '12\\) punt'],
    ['a year, as an ordered list would start', '2024. Goed jaar', '2024\\. Goed jaar'],
    ['code fence', '```js', '\\`\\`\\`js'],
    ['tilde fence', '~~~', '\\~\\~\\~'],
    ['table row', '| a | b |', '\\| a \\| b \\|'],
    ['setext =', '===', '\\==='],
    ['setext - / rule', '---', '\\---'],
    ['rule *', '* * *', '\\* \\* \\*'],
    ['rule _', '___', '\\_\\_\\_'],
    ['html', '<div>', '\\<div\\>'],
    ['indented code', '    code()', 'code()'],
    ['link definition', '[x]: https://example.org', '\\[x\\]: https://example.org'],
    ['closing # of a heading', 'Tafel #', 'Tafel \\#'],
    ['entity', '&amp; &#33;', '\\&amp; \\&#33;'],
    ['math', '$x$', '\\$x\\$'],
  ])('escapes a line that starts a %s', (_, text, escaped) => {
    expect(escapeItem(text)).toBe(escaped)
    expect(blockStart(escapeItem(text))).toBeNull()
  })

  it('leaves text alone that is no markup', () => {
    for (const text of ['2.5 kilo per week', 'Zoë — één (reëel)', 'e-mail: 10:00', '100%!']) {
      expect(escapeItem(text)).toBe(text)
    }
  })

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['a lone CR', '\r'],
    ['a line separator', '\u2028'],
    ['NEL', '\u0085'],
  ])('ends a line at %s, and the next line cannot open a block', (_, ending) => {
    const text = `Eerste regel${ending}# Tweede${ending}${ending}---`
    expect(escapeItem(text)).toBe('Eerste regel\\\n  \\# Tweede\\\n  \\---')
    expect(escapeMarkdown(text)).toBe('Eerste regel \\# Tweede \\---')
  })

  it('keeps every letter of any text, in one list item, with no block and no markup', () => {
    fc.assert(
      fc.property(MARKDOWNISH, (text) => {
        const lines = itemLines(`- ${escapeItem(text)}`)
        const expected = readerLines(text)
        if (expected.length === 0) expect(lines).toEqual([''])
        else expect(lines.map(unescape)).toEqual(expected)
        for (const line of lines) {
          expect(blockStart(line), line).toBeNull()
          expect(unescapedMarkup(line), line).toEqual([])
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('puts any text on one line for a heading or a table cell', () => {
    fc.assert(
      fc.property(MARKDOWNISH, (text) => {
        const line = escapeMarkdown(text)
        expect(line).not.toMatch(/[\n\r]/)
        expect(blockStart(line)).toBeNull()
        expect(unescapedMarkup(line)).toEqual([])
        expect(unescape(line)).toBe(readerLines(text).join(' '))
      }),
      { numRuns: 2000 },
    )
  })

  it('writes no CR and no block of board text in the whole report', () => {
    const { doc } = newBoard('mdo')
    const kind = readBoard(doc).items.find(
      (item) => item.type === 'circle' && item.role === 'kind',
    )!
    addSticky(doc, {
      kind: 'plus',
      text: 'Goed\r# Kop\r\n> citaat\r1. lijst',
      x: 0,
      y: 0,
      parent: kind.id,
    })
    const md = reportMarkdown(
      buildReport(doc, null, { lang: 'nl', paper: 'a4', names: false, exportedAt: 1 }),
    )
    expect(md).not.toContain('\r')
    expect(md).toContain('- Goed\\\n  \\# Kop\\\n  \\> citaat\\\n  1\\. lijst\n')
  })
})

// CSV

/** One cell as a spreadsheet reads it back (RFC 4180). */
const unquote = (cell: string) =>
  cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell

/** Rows of fields, RFC 4180: quotes around a field protect commas, quotes and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < csv.length; i++) {
    const char = csv[i]!
    const next = csv[i + 1]
    if (quoted && char === '"' && next === '"') {
      field += '"'
      i++
    } else if (char === '"') quoted = !quoted
    else if (quoted) field += char
    else if (char === ',') endField()
    else if (char === '\r' && next === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else field += char
  }
  return rows
}

/**
 * Whether a spreadsheet could take text as a formula, checked another way than the guard does:
 * past anything invisible or blank (and a quote), the first character, its full-width and small
 * forms folded to ASCII by NFKC, is = + - @ or the minus sign.
 */
function runnable(text: string): boolean {
  const rest = text.replace(/^[\s\p{Cf}"]+/u, '')
  const first = String.fromCodePoint(rest.codePointAt(0) ?? 32).normalize('NFKC')
  return '=+-@\u2212'.includes(first[0] ?? ' ') && rest !== ''
}

/** The cells a Dutch spreadsheet makes of one value: split at semicolons and line breaks. */
const pieces = (text: string) => text.split(/[;\n\r]/)

const FORMULAISH = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ...'=+-@"\';,aZ1 (',
      ...['\t', '\r', '\n', '\u00a0', '\u2007', '\u202f', '\u3000', '\ufeff', '\u200b', '\u200e'],
      ...['\uff1d', '\uff0b', '\uff0d', '\uff20', '\ufe66', '\ufe62', '\ufe63', '\ufe6b', '\u2212'],
      ...['\u207a', '\u207b', '\u207c', '\u208a', '\u208b', '\u208c'],
    ),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 24,
})

describe('CSV formula guard', () => {
  it.each([
    ['a formula', '=1+1'],
    ['a space', ' =1+1'],
    ['spaces and a tab', '  \t=1+1'],
    ['a no-break space', '\u00a0=1+1'],
    ['a narrow no-break space', '\u202f=1+1'],
    ['a figure space', '\u2007=1+1'],
    ['an ideographic space', '\u3000=1+1'],
    ['a byte order mark', '\ufeff=1+1'],
    ['a zero-width space', '\u200b=1+1'],
    ['a direction mark', '\u200e=1+1'],
    ['full-width =', '\uff1d1+1'],
    ['full-width +', '\uff0b1+1'],
    ['full-width -', '\uff0d1+1'],
    ['full-width @', '\uff20SUM(A1)'],
    ['a space and full-width =', ' \uff1dHYPERLINK("x")'],
    ['small =', '\ufe661+1'],
    ['small + - @', '\ufe62\ufe63\ufe6b'],
    ['the minus sign', '\u22121+1'],
    ['superscript + and subscript =', '\u207a\u208c1'],
    ['+', '+1'],
    ['-', '-1'],
    ['@', '@SUM(A1)'],
    ['a tab', '\tanything'],
    ['a CR', '\ranything'],
    ['a quote', '"=1+1"'],
  ])('guards a cell that starts with %s', (_, text) => {
    const read = unquote(csvCell(text))
    expect(read).toBe(`'${text}`)
  })

  it('guards what a Dutch spreadsheet makes a cell of its own: after ; or a line break', () => {
    expect(unquote(csvCell('a;=1+1'))).toBe("a;'=1+1")
    expect(unquote(csvCell('a;\u00a0\uff1d1'))).toBe("a;'\u00a0\uff1d1")
    expect(unquote(csvCell('regel\n=1+1'))).toBe("regel\n'=1+1")
    expect(unquote(csvCell('regel\r-1'))).toBe("regel\r'-1")
  })

  it('leaves text and numbers alone that a spreadsheet does not run', () => {
    for (const text of ['Zoë = blij', 'e-mail', 'a+b', "'al", 'tel. 06-12']) {
      expect(csvCell(text)).toBe(text)
    }
    expect(csvCell(-40)).toBe('-40')
    expect(csvCell('a,b')).toBe('"a,b"')
  })

  it('never leaves a runnable cell, and changes nothing but the apostrophes it adds', () => {
    fc.assert(
      fc.property(FORMULAISH, (text) => {
        const read = unquote(csvCell(text))
        for (const piece of pieces(read)) expect(runnable(piece), JSON.stringify(piece)).toBe(false)
        const strip = (value: string) => value.replace(/(^|[;\n\r])'/g, '$1')
        expect(strip(read)).toBe(strip(text))
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps one row per item and one field per column, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(FORMULAISH, { maxLength: 5 }), (texts) => {
        const { doc } = newBoard('blank')
        texts.forEach((text, i) => addSticky(doc, { kind: 'note', text, x: i * 200, y: 0 }))
        const rows = parseCsv(itemsCsv(readBoard(doc), 'nl').slice(1))
        expect(rows).toHaveLength(readBoard(doc).items.length + 1)
        for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length)
        const textColumn = CSV_COLUMNS.indexOf('text')
        const written = rows.slice(1).map((row) => row[textColumn]!)
        for (const cell of written) {
          for (const piece of pieces(cell)) expect(runnable(piece)).toBe(false)
        }
      }),
      { numRuns: 200 },
    )
  })
})
