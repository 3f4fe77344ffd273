// The floor: passes every frame to the other sockets on the same URL path and keeps nothing. No
// relay built on `ws` can do less work per message, so it is what the other two are measured against.
import { createServer } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'

const rooms = new Map<string, Set<WebSocket>>()
// Any HTTP request answers 200, so the runner can wait for `/healthz` as it does for ours.
const server = createServer((_req, res) => res.end('ok'))
const wss = new WebSocketServer({ server, perMessageDeflate: false })

wss.on('connection', (ws, req) => {
  const path = req.url ?? '/'
  let room = rooms.get(path)
  if (!room) rooms.set(path, (room = new Set()))
  const peers = room
  peers.add(ws)
  ws.on('message', (data, isBinary) => {
    for (const other of peers) if (other !== ws) other.send(data, { binary: isBinary })
  })
  ws.on('close', () => {
    peers.delete(ws)
    if (peers.size === 0) rooms.delete(path)
  })
})

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1')
