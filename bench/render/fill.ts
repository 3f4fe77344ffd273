// Fills a board for the render bench the way a busy meeting would: a stock y-websocket client with
// the facilitator link adds stickies through shared/'s addSticky, on a grid over and around the
// circles, each owned by the circle or box under its centre.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  addSticky,
  containsPoint,
  isContainer,
  ITEMS_MAP,
  readBoard,
  STICKY_KIND_VALUES,
  STICKY_SIZE,
  type ItemId,
} from '../../shared/index.ts'

export interface CreatedBoard {
  id: string
  facilitatorToken: string
  editToken: string
  viewToken: string
  links: Record<'facilitator' | 'edit' | 'view', string>
}

export async function createBoard(http: string, title: string): Promise<CreatedBoard> {
  const res = await fetch(`${http}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ template: 'mdo', title }),
  })
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreatedBoard
}

export interface Peer {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

export function connect(http: string, room: string, token: string): Peer {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${http.replace(/^http/, 'ws')}/ws`, room, doc, {
    params: { t: token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function until(
  what: string,
  check: () => boolean,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Centres of `count` cells on a grid about 4:3, centred on the three circles at (0, 0). */
export function gridCentres(count: number): { x: number; y: number }[] {
  const stepX = STICKY_SIZE.w + 20
  const stepY = STICKY_SIZE.h + 20
  const cols = Math.ceil(Math.sqrt((count * 4 * stepY) / (3 * stepX)))
  const rows = Math.ceil(count / cols)
  return Array.from({ length: count }, (_, i) => ({
    x: ((i % cols) - (cols - 1) / 2) * stepX,
    y: (Math.floor(i / cols) - (rows - 1) / 2) * stepY,
  }))
}

const CHUNK = 250

/** Adds `count` stickies and resolves once a second, fresh client reads them from the relay. */
export async function fillBoard(http: string, board: CreatedBoard, count: number): Promise<void> {
  const writer = connect(http, board.id, board.facilitatorToken)
  const reader = connect(http, board.id, board.viewToken)
  try {
    await until('the writer synced', () => writer.provider.synced, 15_000)
    // Topmost first, as a drop would pick it.
    const containers = readBoard(writer.doc).items.filter(isContainer).reverse()
    const ownerAt = (x: number, y: number): ItemId | undefined =>
      containers.find((container) => containsPoint(container, x, y))?.id
    const centres = gridCentres(count)
    for (let start = 0; start < count; start += CHUNK) {
      // One transaction per chunk: one websocket message each, well under the size limit.
      writer.doc.transact(() => {
        for (const [i, centre] of centres.slice(start, start + CHUNK).entries()) {
          const n = start + i
          addSticky(writer.doc, {
            kind: STICKY_KIND_VALUES[n % STICKY_KIND_VALUES.length] ?? 'note',
            text: `Notitie ${n + 1}: Zoë leest graag en doet mee in de klas`,
            x: centre.x - STICKY_SIZE.w / 2,
            y: centre.y - STICKY_SIZE.h / 2,
            parent: ownerAt(centre.x, centre.y),
          })
        }
      })
      // Let the socket drain between chunks rather than queue everything at once.
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    // The writer stays connected until another client has received everything via the relay.
    const expected = writer.doc.getMap(ITEMS_MAP).size
    await until(
      `the relay forwarded ${count} stickies`,
      () => reader.provider.synced && reader.doc.getMap(ITEMS_MAP).size >= expected,
    )
  } finally {
    reader.destroy()
    writer.destroy()
  }
}
