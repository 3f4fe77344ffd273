// Follow-me and "bring everyone to my view". The facilitator's client keeps its view in the
// control doc while follow-me is on; participants' cameras show that view, unless they chose to
// look around themselves (a banner says which). A summon moves everyone once.
import { useEffect, useRef, useState, type RefObject } from 'react'
import type { ControlState } from '../../../shared/index.ts'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'
import { useStrings } from '../i18n.ts'
import type { ControlCommands } from '../state/control.ts'

/** How often the facilitator's moving view is written: often enough to follow, not every frame. */
const SHARE_MS = 200

export function useFollow({
  control,
  facilitator,
  apiRef,
  commands,
}: {
  control: ControlState
  facilitator: boolean
  apiRef: RefObject<CanvasApi | null>
  commands: ControlCommands
}) {
  const [following, setFollowing] = useState(true)
  const { followMe, view, summon } = control
  // A new follow-me session starts with everyone following again (state from the last render,
  // as React suggests, rather than an effect that renders twice).
  const [followMeBefore, setFollowMeBefore] = useState(followMe)
  if (followMe !== followMeBefore) {
    setFollowMeBefore(followMe)
    if (followMe) setFollowing(true)
  }

  // Facilitator: while follow-me is on, share the view after each move (throttled).
  useEffect(() => {
    const api = apiRef.current
    if (!facilitator || !followMe || !api) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const share = () => {
      timer = undefined
      commands.shareView(api.viewport())
    }
    const off = api.onViewChange((settled) => {
      if (settled) {
        clearTimeout(timer)
        share()
      } else timer ??= setTimeout(share, SHARE_MS)
    })
    return () => {
      off()
      clearTimeout(timer)
    }
  }, [facilitator, followMe, apiRef, commands])

  // Participant: show the facilitator's view whenever it changes.
  useEffect(() => {
    if (facilitator || !followMe || !following || !view) return
    apiRef.current?.showView(view)
  }, [facilitator, followMe, following, view, apiRef])

  // Participant: a summon moves the view once; the one already there when the board opened not.
  const lastSummon = useRef(summon?.at)
  useEffect(() => {
    if (facilitator || !summon || summon.at === lastSummon.current) return
    lastSummon.current = summon.at
    apiRef.current?.showView(summon.view)
  }, [facilitator, summon, apiRef])

  return { following, setFollowing }
}

export function FollowBanner({
  control,
  facilitator,
  following,
  setFollowing,
}: {
  control: ControlState
  facilitator: boolean
  following: boolean
  setFollowing(on: boolean): void
}) {
  const t = useStrings()
  if (facilitator || !control.followMe) return null
  return (
    <div className="follow-banner" data-testid="follow-banner" role="status">
      <span>{following ? t.followingFacilitator : t.followMeHint}</span>
      <button type="button" onClick={() => setFollowing(!following)}>
        {following ? t.lookAround : t.followAgain}
      </button>
    </div>
  )
}
