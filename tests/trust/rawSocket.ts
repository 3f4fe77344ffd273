// A websocket client as a modified one would be: the handshake and frames written by hand over a
// TCP socket, so it never answers the relay's close frame and keeps writing after it, as fast as
// the relay reads. Frames go out with an all-zero mask (the payload bytes as they are, no copy).
import { randomBytes } from 'node:crypto'
import { connect, type Socket } from 'node:net'

export interface RawSocket {
  socket: Socket
  /** The upgrade's HTTP status: 101 when the websocket opened. */
  status: Promise<number>
  /** Binary messages the relay sent, in order. */
  received: Uint8Array[]
  /** The relay's close frame: its code, and when it came (ms, performance.now()). */
  closeFrame: Promise<{ code: number; at: number }>
  /** When the TCP connection was gone (ms, performance.now()). */
  gone: Promise<number>
  /** Writes one binary frame; false while the relay is not reading (backpressure). */
  send(payload: Uint8Array): boolean
  /** Waits until the socket may be written again, or is gone: false if gone. */
  drained(): Promise<boolean>
  destroy(): void
}

/** A small message the relay would answer: what the client keeps sending after the close. */
const QUERY_AWARENESS = Uint8Array.of(3)

function frameHeader(length: number): Buffer {
  const size = length < 126 ? 2 : length < 65536 ? 4 : 10
  const header = Buffer.alloc(size + 4) // + the mask, all zero
  header[0] = 0x82 // FIN, binary
  if (length < 126) header[1] = 0x80 | length
  else if (length < 65536) {
    header[1] = 0x80 | 126
    header.writeUInt16BE(length, 2)
  } else {
    header[1] = 0x80 | 127
    header.writeBigUInt64BE(BigInt(length), 2)
  }
  return header
}

export function rawSocket(url: string, headers: Record<string, string> = {}): RawSocket {
  const { hostname, port, pathname, search } = new URL(url)
  // Half open: the relay's end of the stream does not end this side's writing.
  const socket = connect({ port: Number(port), host: hostname, allowHalfOpen: true })
  socket.on('error', () => undefined)
  const received: Uint8Array[] = []
  let resolveStatus: (status: number) => void = () => {}
  let resolveClose: (frame: { code: number; at: number }) => void = () => {}
  const status = new Promise<number>((resolve) => (resolveStatus = resolve))
  const closeFrame = new Promise<{ code: number; at: number }>(
    (resolve) => (resolveClose = resolve),
  )
  const gone = new Promise<number>((resolve) =>
    socket.once('close', () => resolve(performance.now())),
  )
  void gone.then(() => resolveStatus(0))

  const lines = [
    `GET ${pathname}${search} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ]
  socket.write(`${lines.join('\r\n')}\r\n\r\n`)

  let buffer = Buffer.alloc(0)
  let upgraded = false
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk])
    if (!upgraded) {
      const end = buffer.indexOf('\r\n\r\n')
      if (end < 0) return
      const code = Number(/^HTTP\/1\.1 (\d{3})/.exec(buffer.subarray(0, end).toString())?.[1])
      resolveStatus(code)
      // Refused before the upgrade: nothing more to say.
      if (code !== 101) socket.end()
      upgraded = true
      buffer = buffer.subarray(end + 4)
    }
    // Server frames are never masked; the relay sends no fragments.
    for (;;) {
      if (buffer.length < 2) return
      const opcode = buffer[0]! & 0x0f
      let length = buffer[1]! & 0x7f
      let at = 2
      if (length === 126) {
        if (buffer.length < 4) return
        length = buffer.readUInt16BE(2)
        at = 4
      } else if (length === 127) {
        if (buffer.length < 10) return
        length = Number(buffer.readBigUInt64BE(2))
        at = 10
      }
      if (buffer.length < at + length) return
      const payload = buffer.subarray(at, at + length)
      buffer = buffer.subarray(at + length)
      if (opcode === 2) received.push(new Uint8Array(payload))
      if (opcode === 8) {
        resolveClose({ code: payload.readUInt16BE(0), at: performance.now() })
        // Keeps talking, so it learns when the relay has cut it off (a write is then refused).
        const talk = setInterval(() => send(QUERY_AWARENESS), 50)
        socket.once('close', () => clearInterval(talk))
      }
    }
  })

  const send = (payload: Uint8Array) => {
    if (socket.destroyed) return false
    socket.write(frameHeader(payload.byteLength))
    return socket.write(payload)
  }

  return {
    socket,
    status,
    received,
    closeFrame,
    gone,
    send,
    drained() {
      if (socket.destroyed) return Promise.resolve(false)
      if (!socket.writableNeedDrain) return Promise.resolve(true)
      return new Promise((resolve) => {
        const done = (ok: boolean) => {
          socket.off('drain', onDrain)
          socket.off('close', onClose)
          resolve(ok)
        }
        const onDrain = () => done(true)
        const onClose = () => done(false)
        socket.once('drain', onDrain)
        socket.once('close', onClose)
      })
    },
    destroy: () => socket.destroy(),
  }
}
