// Text on the PDF's pages, measured in the embedded font by jsPDF itself: wrapped by words, the
// first line beside a sticky's symbol, a word cut only when it is wider than the whole line (then
// after a hyphen or slash where it has one), and sticky text fitted between 6 pt and its size.
import { readFileSync } from 'node:fs'
import { jsPDF } from 'jspdf'
import { beforeAll, describe, expect, it } from 'vitest'
import { fontFromBytes } from '../../shared/report/font.ts'
import { Pen } from '../../shared/report/pen.ts'
import { fitText, MIN_PRINT_SIZE } from '../../shared/report/stickyText.ts'
import { PdfSurface } from '../../shared/report/surface.ts'
import { reportFontPath } from '../../server/export/reportFont.ts'

let pen: Pen
beforeAll(() => {
  const pdf = new jsPDF({ unit: 'pt', format: 'a4' })
  pen = new Pen(new PdfSurface(pdf, fontFromBytes(readFileSync(reportFontPath()))))
})

const TEXT = 'Haar ondersteuningsbehoeften in kaart brengen met de ouders'

describe('Pen.wrap', () => {
  it('breaks lines between words only, while every word fits the line', () => {
    const width = pen.width('ondersteuningsbehoeften', 10) + 1
    const lines = pen.wrap(TEXT, width, 10)
    expect(lines.join(' ')).toBe(TEXT)
    expect(lines).toContain('ondersteuningsbehoeften')
    for (const line of lines) expect(pen.width(line, 10)).toBeLessThanOrEqual(width)
  })

  it('makes the first line narrower by the indent, and leaves it empty when no word fits there', () => {
    const width = pen.width('Haar ondersteuningsbehoeften', 10)
    expect(pen.wrap(TEXT, width, 10)[0]).toBe('Haar ondersteuningsbehoeften')
    expect(pen.wrap(TEXT, width, 10, 30)[0]).toBe('Haar')
    const [first, second] = pen.wrap('ondersteuningsbehoeften', width, 10, width - 20)
    expect([first, second]).toEqual(['', 'ondersteuningsbehoeften'])
  })

  it('cuts a word wider than the line after its hyphen or slash', () => {
    const width = pen.width('één-op-één-', 10) + 1
    expect(pen.wrap('één-op-één-begeleiding', width, 10)).toEqual(['één-op-één-', 'begeleiding'])
    expect(pen.wrap('School/onderwijs', pen.width('onderwijs', 10) + 1, 10)).toEqual([
      'School/',
      'onderwijs',
    ])
  })
})

describe('fitText', () => {
  it('keeps the largest size that fits, down to the smallest allowed', () => {
    const box = { width: 50, height: 26, indent: 8 }
    const fitted = fitText(pen, 'Rust', box, 9, MIN_PRINT_SIZE)
    expect(fitted).toEqual({ size: 9, lines: ['Rust'] })
    const long = fitText(pen, 'Ouders zijn betrokken en reëel', box, 9, MIN_PRINT_SIZE)!
    expect(long.size).toBeGreaterThanOrEqual(MIN_PRINT_SIZE)
    expect(long.size).toBeLessThan(9)
    expect(long.lines.join(' ')).toBe('Ouders zijn betrokken en reëel')
    // A quarter point larger would not fit.
    const larger = pen.wrap('Ouders zijn betrokken en reëel', 50, long.size + 0.25, 8)
    expect(
      (larger.length - 1) * 1.25 * (long.size + 0.25) + 1.2 * (long.size + 0.25),
    ).toBeGreaterThan(26)
  })

  it('gives nothing when a word is wider than the box at the smallest size, or the text too long', () => {
    const box = { width: 45, height: 33, indent: 7 }
    expect(fitText(pen, TEXT, box, 6, MIN_PRINT_SIZE)).toBeNull()
    expect(fitText(pen, 'kort '.repeat(40), box, 6, MIN_PRINT_SIZE)).toBeNull()
  })
})
