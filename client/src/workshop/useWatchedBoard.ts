// One board of a workshop, watched live: its validated snapshot, re-read at most a few times a
// second however fast the table types, so eight busy tables keep the overview smooth.
import { useEffect, useState } from 'react'
import { readBoard, type BoardSnapshot } from '../../../shared/index.ts'
import { watchDoc, type WatchedDoc } from '../sync/watch.ts'

/** How often a busy table's thumbnail is redrawn at most. */
const REDRAW_MS = 300

export interface WatchedBoard {
  watched: WatchedDoc | null
  snapshot: BoardSnapshot | null
  live: boolean
}

export function useWatchedBoard(boardId: string | undefined, token: string | undefined) {
  const [state, setState] = useState<WatchedBoard>({ watched: null, snapshot: null, live: false })
  useEffect(() => {
    if (!boardId || !token) return
    const watched = watchDoc({ boardId, token })
    let timer: ReturnType<typeof setTimeout> | null = null
    const read = () => {
      timer = null
      setState({ watched, snapshot: readBoard(watched.doc), live: watched.live() })
    }
    const schedule = () => {
      timer ??= setTimeout(read, REDRAW_MS)
    }
    watched.doc.on('update', schedule)
    const stopLive = watched.onLive(read)
    timer = setTimeout(read, 0)
    return () => {
      if (timer) clearTimeout(timer)
      stopLive()
      watched.doc.off('update', schedule)
      watched.destroy()
    }
  }, [boardId, token])
  return state
}
