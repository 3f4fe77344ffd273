// Broadcasting writes the same bytes to many sockets, so the websocket frame around them is built
// once per message instead of once per recipient, and goes out as one write per socket.
//
// Writing to the socket a `ws` WebSocket owns (`_socket`) reaches under its public API. It is safe
// because the relay turns off permessage-deflate, so `ws` never holds frames back and everything
// reaches the socket in call order; `ws` is pinned to an exact version and the integration tests
// send every broadcast through this path.
import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'

/** A final, unmasked binary frame (RFC 6455 §5.2), as a server sends it. */
export function frameBinary(message: Uint8Array): Buffer {
  const length = message.byteLength
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerLength + length)
  frame[0] = 0x82 // FIN + opcode 2 (binary)
  if (length < 126) {
    frame[1] = length
  } else if (length < 65536) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(message, headerLength)
  return frame
}

/** Writes a frame made by frameBinary; the caller has checked that the socket is open. */
export function writeFrame(ws: WebSocket, frame: Buffer): void {
  ;(ws as unknown as { _socket: Socket })._socket.write(frame)
}

/**
 * Ends the writing side right after the close frame (written by `ws.close`), rather than when the
 * client answers it: the relay no longer reads a closing socket, so it would never see the answer.
 */
export function endWriting(ws: WebSocket): void {
  ;(ws as unknown as { _socket: Socket })._socket.end()
}
