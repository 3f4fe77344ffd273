// What leading a meeting needs beside the board's own session: the control room and what this
// device keeps to itself until the facilitator says so (drafts, hidden dots). BoardPage opens them
// with the board's connection and closes them with it.
import { connectControl, type ControlSession } from './controlSession.ts'
import { openDrafts, type DraftStore } from './drafts.ts'
import { openHiddenVotes, type HiddenVoteStore } from './hiddenVotes.ts'

export interface FacilitationStores {
  control: ControlSession
  drafts: DraftStore
  votes: HiddenVoteStore
}

/** Opened by BoardPage next to the board's connection, and closed with it. */
export function openFacilitationStores(boardId: string, token: string): FacilitationStores {
  return {
    control: connectControl({ boardId, token }),
    drafts: openDrafts(boardId),
    votes: openHiddenVotes(boardId),
  }
}

export function closeFacilitationStores(stores: FacilitationStores): void {
  stores.control.destroy()
  stores.drafts.destroy()
  stores.votes.destroy()
}
