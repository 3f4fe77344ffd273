// The one font of the PDF: DejaVu Sans (free licence beside it in fonts/), embedded as a subset by
// jsPDF. shared/ reads no files: the server reads the bytes from disk, the browser fetches them
// from our own origin, and both hand them to fontFromBytes once and keep the result.

/** Where the font lives, relative to the repository root (the server) or as a bundled asset. */
export const REPORT_FONT_FILE = 'shared/report/fonts/DejaVuSans-subset.ttf'
export const REPORT_FONT_NAME = 'DejaVuSans'

export interface ReportFont {
  name: string
  /** The TTF as a binary string (one char per byte): the form jsPDF's font loader takes. */
  binary: string
}

export function fontFromBytes(bytes: Uint8Array): ReportFont {
  const chunks: string[] = []
  for (let i = 0; i < bytes.length; i += 0x8000) {
    chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)))
  }
  return { name: REPORT_FONT_NAME, binary: chunks.join('') }
}

/** What stands in for a character the font has no glyph for (most emoji): a clean empty box. */
export const MISSING_GLYPH = '\u25a1'

/**
 * The text with every character the font cannot draw replaced by MISSING_GLYPH, and control
 * characters (other than newlines) dropped. jsPDF would otherwise silently drop or garble them.
 */
export function drawableText(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = ''
  let lastMissing = false
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code === 0x0a) {
      out += '\n'
      lastMissing = false
    } else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      continue
    } else if (code === 0xfe0f || code === 0x200d || (code >= 0x1f3fb && code <= 0x1f3ff)) {
      // Emoji joiners, variation selectors and skin tones belong to the emoji before them.
      continue
    } else if (code > 0xffff || !hasGlyph(code)) {
      if (!lastMissing) out += MISSING_GLYPH
      lastMissing = true
    } else {
      out += char
      lastMissing = false
    }
  }
  return out
}
