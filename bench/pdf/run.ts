// `npm run bench:pdf`: how long the shared report code takes to make the PDF in Node, and how big
// the file is, for MDO boards of 50, 300 and 2,000 items. Times are the median of a few runs after
// one warm-up (the server keeps the font loaded, as here); the first, cold run is printed too.
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { readBoard } from '../../shared/index.ts'
import { fontFromBytes } from '../../shared/report/font.ts'
import { buildReport } from '../../shared/report/model.ts'
import { renderPdf } from '../../shared/report/pdf.ts'
import { reportFontPath } from '../../server/export/reportFont.ts'
import { seedMdoBoard } from '../../tests/unit/helpers/reportBoard.ts'

const SIZES = (process.env.BENCH_ITEMS ?? '50,300,2000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const TARGET = { items: 300, ms: 1000, kb: 300 }

const font = fontFromBytes(readFileSync(reportFontPath()))
const base = readBoard(seedMdoBoard().doc).items.length

interface Row {
  items: number
  pages: number
  coldMs: number
  ms: number
  kb: number
}

async function measure(size: number): Promise<Row> {
  const { doc, control } = seedMdoBoard(Math.max(0, size - base))
  const items = readBoard(doc).items.length
  const once = async () => {
    const start = performance.now()
    const model = buildReport(doc, control, {
      lang: 'nl',
      paper: 'a3',
      names: false,
      exportedAt: Date.now(),
    })
    const pdf = await renderPdf(model, font)
    return { ms: performance.now() - start, bytes: pdf.byteLength, pdf }
  }
  const cold = await once()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push((await once()).ms)
  times.sort((a, b) => a - b)
  const pages = (
    Buffer.from(cold.pdf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length
  return {
    items,
    pages,
    coldMs: cold.ms,
    ms: times[Math.floor(times.length / 2)]!,
    kb: cold.bytes / 1024,
  }
}

const rows: Row[] = []
for (const size of SIZES) rows.push(await measure(size))

console.log(
  `PDF export in Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
)
console.log(`A3 board page + A4 report, median of ${RUNS} runs after one cold run`)
console.log(
  `load average at the end: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')} (shared machine)\n`,
)
const verdict = (r: Row) => (r.ms <= TARGET.ms && r.kb <= TARGET.kb ? 'PASS' : 'MISS')
console.log('| items | pages | cold ms | median ms | KB |')
console.log('| ---: | ---: | ---: | ---: | ---: |')
for (const r of rows) {
  const cells = [r.items, r.pages, r.coldMs.toFixed(0), r.ms.toFixed(0), r.kb.toFixed(1)]
  console.log(`| ${cells.join(' | ')} |`)
}
const target = rows.find((r) => r.items === TARGET.items)
const goal = `target ${TARGET.items} items ≤ ${TARGET.ms} ms, ≤ ${TARGET.kb} KB`
console.log(
  target
    ? `| ${goal}: ${verdict(target)} | | | ${target.ms.toFixed(0)} | ${target.kb.toFixed(1)} |`
    : `| ${goal}: not measured | | | | |`,
)
