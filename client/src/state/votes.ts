// A hidden vote as this device holds it: the dots it gave stay in the device's store until the
// facilitator closes the vote; then this device publishes them once, from a fresh client id — also
// later, when a device that was offline at the close comes back. The relay takes a hidden vote's
// dots only then, for the current vote only, up to its budget, one voter id per connection.
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import {
  BoardError,
  hiddenDotsDue,
  publishHiddenDots,
  type ControlState,
  voterIdFor,
  type ItemId,
} from '../../../shared/index.ts'
import type { ControlSession } from '../sync/controlSession.ts'
import type { HiddenVoteStore } from '../sync/hiddenVotes.ts'
import type { BoardSession } from '../sync/session.ts'
import { useLive, usePublishOrigin } from './drafts.ts'

/** This device's dots in a vote, from the device's store. */
export function useHiddenDots(store: HiddenVoteStore, votingId: string): readonly ItemId[] {
  const read = useCallback(() => store.dots(votingId), [store, votingId])
  return useSyncExternalStore(store.subscribe, read)
}

/** The control room's state is the relay's, not a copy this device kept from before. */
export function useControlLive(control: ControlSession): boolean {
  return useSyncExternalStore(control.subscribe, control.live)
}

export function usePublishHiddenDots(deps: {
  store: HiddenVoteStore
  control: ControlState
  controlSession: ControlSession
  session: BoardSession
  /** The device's secret for this board's votes, as VotingPanel takes it. */
  voterId: string
  /** permissions.publish: not a viewer, and the meeting still open (or the facilitator). */
  allowed: boolean
}): void {
  const { store, control, controlSession, session, voterId, allowed } = deps
  const dots = useHiddenDots(store, control.voting?.id ?? '')
  // Both documents as the relay has them: a closed vote this device remembers may have been
  // replaced meanwhile (the relay would refuse its dots), and dots published offline would reach
  // the relay in one update with this device's other changes.
  const boardLive = useLive(session)
  const controlLive = useControlLive(controlSession)
  const live = boardLive && controlLive
  const origin = usePublishOrigin(session)
  const voting = control.voting
  useEffect(() => {
    if (!allowed || !live || !hiddenDotsDue(voting)) return
    let cancelled = false
    void store.ready.then(() => {
      if (cancelled || store.isPublished(voting.id)) return
      const mine = store.dots(voting.id)
      try {
        const voter = voterIdFor(voterId, voting.id)
        publishHiddenDots(session.doc, voting, { voterId: voter, dots: mine }, origin)
      } catch (error) {
        if (!(error instanceof BoardError)) throw error
        console.warn(`hidden dots not published: ${error.message}`)
        return
      }
      store.markPublished(voting.id)
    })
    return () => {
      cancelled = true
    }
  }, [store, dots, voting, session, voterId, origin, allowed, live])
}
