// What leading a meeting needs beside the board's own session: the control room and this
// device's private drafts. BoardPage opens them with the board's connection and closes them with it.
import { connectControl, type ControlSession } from './controlSession.ts'
import { openDrafts, type DraftStore } from './drafts.ts'

export interface FacilitationStores {
  control: ControlSession
  drafts: DraftStore
}

/** Opened by BoardPage next to the board's connection, and closed with it. */
export function openFacilitationStores(boardId: string, token: string): FacilitationStores {
  return { control: connectControl({ boardId, token }), drafts: openDrafts(boardId) }
}

export function closeFacilitationStores(stores: FacilitationStores): void {
  stores.control.destroy()
  stores.drafts.destroy()
}
