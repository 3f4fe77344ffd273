import WebSocket from 'ws'
import { freePort, startBuiltRelay } from '../../tests/e2e/relay.ts'
import { createBoard, fillBoard } from './fill.ts'
const relay = await startBuiltRelay({ port: await freePort(), clientDir: 'dist/client' })
const board = await createBoard(relay.url, 'x')
await fillBoard(relay.url, board, 2000)
async function join(): Promise<number> {
  const t0 = performance.now()
  const ws = new WebSocket(`${relay.url.replace('http', 'ws')}/ws/${board.id}`, ['mdo.v1', `token.${board.editToken}`])
  return new Promise((resolve) => {
    ws.on('open', () => { console.log('  open', (performance.now() - t0).toFixed(1)); ws.send(Buffer.from([0, 0, 1, 0])) })
    ws.on('message', (data: Buffer) => {
      console.log('  msg', data[0], data[1], data.length, (performance.now() - t0).toFixed(1))
      if (data[0] === 0 && data[1] === 1 && data.length > 1000) { ws.close(); resolve(performance.now() - t0) }
    })
  })
}
for (const wait of [3000, 3000, 0, 3000]) {
  await new Promise((r) => setTimeout(r, wait))
  console.log(`after ${wait}: full state in ${(await join()).toFixed(1)} ms`)
}
await relay.stop()
