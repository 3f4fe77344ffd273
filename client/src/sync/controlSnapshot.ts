// A one-off read of the board's control doc (step, rounds), for an export that has to say which
// step the meeting reached. It connects, waits for the first sync, and disconnects again.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { wsBase } from './session.ts'

/** The synced control doc, or null when it did not arrive within `timeoutMs` (offline). */
export function readControlOnce(
  boardId: string,
  token: string,
  timeoutMs = 3000,
): Promise<Y.Doc | null> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsBase(window.location), `${boardId}.control`, doc, {
    protocols: ['mdo.v1', `token.${token}`],
    disableBc: true,
    shouldReconnect: () => false,
  })
  return new Promise((resolve) => {
    const finish = (synced: boolean) => {
      clearTimeout(timer)
      provider.destroy()
      if (!synced) doc.destroy()
      resolve(synced ? doc : null)
    }
    const timer = setTimeout(() => finish(false), timeoutMs)
    provider.once('sync', (synced: boolean) => finish(synced))
  })
}
