// Every table's control room, watched with its facilitator token: the overview runs the steps,
// the timer and the rounds on all tables at once, and shows where each table is.
import { useEffect, useState } from 'react'
import type { WorkshopBoard } from '../sync/api.ts'
import { tokenFromHash } from '../sync/links.ts'
import { watchDoc, type WatchedDoc } from '../sync/watch.ts'

export interface ControlDocs {
  /** By board id; a table without a facilitator link is missing. */
  docs: ReadonlyMap<string, WatchedDoc>
  /** Changes whenever any control doc changes, so readers re-read. */
  version: number
}

const tokenOf = (link: string | undefined) =>
  link ? (tokenFromHash(new URL(link).hash) ?? undefined) : undefined

export function useControlDocs(tables: readonly (WorkshopBoard | null)[]): ControlDocs {
  const [state, setState] = useState<ControlDocs>({ docs: new Map(), version: 0 })
  const key = tables.map((table) => table?.id ?? '').join(' ')
  useEffect(() => {
    const docs = new Map<string, WatchedDoc>()
    for (const table of tables) {
      const token = tokenOf(table?.links.facilitator)
      if (table && token) docs.set(table.id, watchDoc({ boardId: table.id, token, control: true }))
    }
    const bump = () => setState((current) => ({ docs, version: current.version + 1 }))
    const stops = [...docs.values()].map((watched) => {
      watched.doc.on('update', bump)
      const stopLive = watched.onLive(bump)
      return () => {
        stopLive()
        watched.doc.off('update', bump)
      }
    })
    const first = setTimeout(bump, 0)
    return () => {
      clearTimeout(first)
      for (const stop of stops) stop()
      for (const watched of docs.values()) watched.destroy()
    }
    // The tables' ids are the identity that matters; a new array with the same boards is the same.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return state
}
