// The PDF font for server-side exports, read once from the repository (from server/export/ in
// tests and from dist/server/ when bundled, both two folders below the root).
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { fontFromBytes, REPORT_FONT_FILE, type ReportFont } from '../../shared/report/font.ts'

export const reportFontPath = () =>
  fileURLToPath(new URL(`../../${REPORT_FONT_FILE}`, import.meta.url))

/** Loads the font on first use and keeps it; a failed read is retried next time. */
export function lazyReportFont(path = reportFontPath()): () => Promise<ReportFont> {
  let loading: Promise<ReportFont> | null = null
  return () => {
    loading ??= readFile(path).then(fontFromBytes, (err: unknown) => {
      loading = null
      throw err
    })
    return loading
  }
}
