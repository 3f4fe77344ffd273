// A sticky's text sized to its box: the largest font that holds the whole text on word
// boundaries, the first line beside the badge, and an ellipsis only when the smallest font does
// not hold it. Widths come from a fixed-pitch measure, so the expectations can be counted.
import { describe, expect, it } from 'vitest'
import { layoutText, LINE_HEIGHT, MEASURE_SIZE } from '../../../client/src/canvas/stickyText.ts'

/** Every character half an em wide. */
const measure = (text: string) => text.length * MEASURE_SIZE * 0.5
// At 20 px a character is 10 wide: 16 fit a line, 13 beside the badge; 4 lines of 23 px.
const box = { width: 160, height: 100, indent: 30, indentDepth: 20 }
const sizes = { min: 20, max: 30 }

const texts = (layout: ReturnType<typeof layoutText>) => layout.lines.map((line) => line.text)

describe('layoutText', () => {
  it('gives a short text the largest font', () => {
    const layout = layoutText('Sportief', box, sizes, measure)
    expect(layout).toMatchObject({ fontSize: 30, truncated: false })
    expect(texts(layout)).toEqual(['Sportief'])
    expect(layout.lines[0]).toMatchObject({ x: 30, y: (30 * LINE_HEIGHT) / 2 })
  })

  it('shrinks a longer text until every word fits on whole lines', () => {
    const layout = layoutText('Vaste plek vooraan werkt goed', box, sizes, measure)
    expect(layout.truncated).toBe(false)
    expect(layout.fontSize).toBeLessThan(30)
    expect(layout.fontSize).toBeGreaterThanOrEqual(20)
    expect(texts(layout).join(' ')).toBe('Vaste plek vooraan werkt goed')
    // Only lines that start beside the badge are indented.
    expect(layout.lines.map((line) => line.x > 0)).toEqual(
      layout.lines.map((_, i) => i * layout.fontSize * LINE_HEIGHT < box.indentDepth),
    )
  })

  it('never breaks a word while a smaller font would hold it', () => {
    const layout = layoutText('Concentratieproblemen', box, sizes, measure)
    // Broken only at the smallest font: beside the badge (13 characters), then on.
    expect(texts(layout)).toEqual(['Concentratiep', 'roblemen'])
    expect(layout.fontSize).toBe(20)
    const fits = layoutText('Verhuizing', box, sizes, measure)
    expect(texts(fits).filter(Boolean)).toEqual(['Verhuizing'])
    expect(fits.truncated).toBe(false)
  })

  it('starts a word too long for the line beside the badge on the line below it', () => {
    // At 20 px: 14 characters are too wide beside the badge (13), not for a full line (16).
    const layout = layoutText('Intern begeleider ouders', box, { min: 20, max: 20 }, measure)
    expect(texts(layout)).toEqual(['Intern', 'begeleider', 'ouders'])
    const long = layoutText('Zwemdiplomaatje', box, { min: 20, max: 20 }, measure)
    expect(texts(long)).toEqual(['', 'Zwemdiplomaatje'])
  })

  it('cuts what the smallest font cannot hold with an ellipsis', () => {
    const text = 'Kan de intern begeleider een observatie doen tijdens de rekenles op dinsdag?'
    const layout = layoutText(text, box, sizes, measure)
    expect(layout).toMatchObject({ fontSize: 20, truncated: true })
    expect(layout.lines).toHaveLength(4)
    const last = texts(layout).at(-1)!
    expect(last.endsWith('…')).toBe(true)
    expect(measure(last) * 0.2).toBeLessThanOrEqual(box.width)
    expect(text.startsWith(texts(layout).join(' ').slice(0, -1))).toBe(true)
  })

  it('keeps the lines a text was written with', () => {
    const layout = layoutText('Rekenen\n— Tafel 1', box, sizes, measure)
    expect(texts(layout)).toEqual(['Rekenen', '— Tafel 1'])
  })
})
