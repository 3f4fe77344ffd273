// The only place that touches the websocket provider: opens a board's document with its link token.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { FINAL_CLOSE_CODES } from '../../../shared/closeCodes.ts'

export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'refused'

export interface BoardConnection {
  doc: Y.Doc
  destroy(): void
}

export function wsBase(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}

export function connectBoard(
  boardId: string,
  token: string,
  onStatus: (status: ConnectionStatus) => void,
): BoardConnection {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsBase(window.location), boardId, doc, {
    params: { t: token },
  })
  provider.on('status', ({ status }) => {
    onStatus(
      status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline',
    )
  })
  provider.on('connection-close', (event) => {
    // A revoked or wrong link will not start working by retrying.
    if (event && FINAL_CLOSE_CODES.includes(event.code)) {
      provider.disconnect()
      onStatus('refused')
    }
  })
  return {
    doc,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** The token travels in the fragment (`#t=…`), which browsers never send to a server. */
export function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('t')
}
