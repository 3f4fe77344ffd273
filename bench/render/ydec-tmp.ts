import * as Y from 'yjs'
import { addSticky, createBoard, STICKY_KIND_VALUES } from '../../shared/index.ts'
import { gridCentres } from './fill.ts'
const doc = new Y.Doc()
createBoard(doc, { template: 'mdo', title: 'x', now: Date.now() } as any)
const c = gridCentres(2000)
for (let s = 0; s < 2000; s += 250) doc.transact(() => { for (let i = s; i < s + 250; i++) addSticky(doc, { kind: STICKY_KIND_VALUES[i % STICKY_KIND_VALUES.length]!, text: `Notitie ${i + 1}: Zoë leest graag en doet mee in de klas`, x: c[i]!.x, y: c[i]!.y }) })
const u = Y.encodeStateAsUpdate(doc)
const u2 = Y.encodeStateAsUpdateV2(doc)
console.log('v1', u.length, 'v2', u2.length)
for (let r = 0; r < 5; r++) {
  let t = performance.now(); const d = new Y.Doc(); Y.applyUpdate(d, u); const a = performance.now() - t
  t = performance.now(); const d2 = new Y.Doc(); Y.applyUpdateV2(d2, u2); const b = performance.now() - t
  t = performance.now(); const d3 = new Y.Doc(); d3.on('update', () => {}); Y.applyUpdate(d3, u); const c3 = performance.now() - t
  console.log(`v1 ${a.toFixed(1)} v2 ${b.toFixed(1)} v1+updateListener ${c3.toFixed(1)}`)
}
