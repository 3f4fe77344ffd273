// Reads a PDF with Debian's poppler-utils, as a person filing it would check it: page sizes and
// count (pdfinfo), embedded fonts (pdffonts) and the text a search finds (pdftotext).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PdfFacts {
  pages: number
  /** "w x h" in points per page, rounded to two decimals as pdfinfo prints them. */
  sizes: string[]
  fonts: { name: string; type: string; encoding: string; embedded: boolean; subset: boolean }[]
  /** Text in drawing order with all whitespace runs as one space. */
  text: string
}

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

export function pdfFacts(pdf: Uint8Array | string): PdfFacts {
  const dir = typeof pdf === 'string' ? null : mkdtempSync(join(tmpdir(), 'mdo-pdf-'))
  const file = typeof pdf === 'string' ? pdf : join(dir!, 'board.pdf')
  try {
    if (typeof pdf !== 'string') writeFileSync(file, pdf)
    const info = run('pdfinfo', ['-f', '1', '-l', '9999', file])
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0)
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(
      (m) => `${m[1]} x ${m[2]}`,
    )
    const fonts = fontTable(run('pdffonts', [file]))
    const text = run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ')
    return { pages, sizes, fonts, text }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of pages `first` to `last` in drawing order (pdftotext -raw), whitespace runs as one space. */
export function pdfRawText(pdf: Uint8Array, first: number, last = first): string {
  const dir = mkdtempSync(join(tmpdir(), 'mdo-pdf-'))
  const file = join(dir, 'board.pdf')
  try {
    writeFileSync(file, pdf)
    const range = ['-f', String(first), '-l', String(last)]
    return run('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, file, '-']).replace(/\s+/g, ' ')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Page `page` of the PDF as a PNG file at `out` (pdftoppm), to look at by eye. */
export function pageToPng(pdfFile: string, page: number, outBase: string): string {
  run('pdftoppm', [
    '-png',
    '-r',
    '110',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    pdfFile,
    outBase,
  ])
  return `${outBase}.png`
}

/** pdffonts prints fixed-width columns; the line of dashes under the header gives their spans. */
function fontTable(output: string): PdfFacts['fonts'] {
  const [, dashes = '', ...rows] = output.split('\n')
  const spans = [...dashes.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const)
  return rows
    .filter((row) => row.trim() !== '')
    .map((row) => {
      const cols = spans.map(([from, to]) => row.slice(from, to).trim())
      return {
        name: cols[0] ?? '',
        type: cols[1] ?? '',
        encoding: cols[2] ?? '',
        embedded: cols[3] === 'yes',
        subset: cols[4] === 'yes',
      }
    })
}

/** Each page's text lines as laid out (pdftotext -layout), trimmed, blank lines dropped. */
export function pdfPageLines(pdf: Uint8Array): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'mdo-pdf-'))
  const file = join(dir, 'board.pdf')
  try {
    writeFileSync(file, pdf)
    const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])
    // pdftotext ends every page with a form feed.
    return text
      .split('\f')
      .slice(0, -1)
      .map((page) =>
        page
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface PdfWord {
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/**
 * The words of page `page` with their boxes in points (pdftotext -bbox-layout). A box is as tall
 * as the font's ascent plus descent: for the report's DejaVu Sans 1.164 × the font size.
 */
export function pdfWords(pdf: Uint8Array, page: number): PdfWord[] {
  const dir = mkdtempSync(join(tmpdir(), 'mdo-pdf-'))
  const file = join(dir, 'board.pdf')
  try {
    writeFileSync(file, pdf)
    const args = ['-bbox-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page)]
    const html = run('pdftotext', [...args, file, '-'])
    const pattern =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g
    return [...html.matchAll(pattern)].map((m) => ({
      text: unescapeXml(m[5]!),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
