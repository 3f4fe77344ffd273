// Dot voting and "kies 3". Everyone gives dots to stickies within the budget the facilitator set;
// counts show at once, or only after closing when the vote is hidden. After closing, the result
// is ordered and the facilitator turns up to three stickies (the top three, or others) into
// agreements, the board's one list of actions, whose hoe and wie the table fills in there. Action
// cards an older kies 3 made stay listed below. A hidden vote's dots stay on this device until it
// closes (sync/hiddenVotes.ts): "yours" then comes from the device.
import { useId, useMemo, useState, useSyncExternalStore } from 'react'
import {
  ACTIONS_TO_CHOOSE,
  BoardError,
  giveHiddenDot,
  readVotes,
  topVoted,
  VoteRefused,
  VOTES_MAP,
  voterIdFor,
  withoutDot,
  type ControlState,
  type ItemId,
  type StickyItem,
  type VotingState,
} from '../../../shared/index.ts'
import { useStrings } from '../i18n.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { BoardCommands } from '../state/commands.ts'
import { useIndexVersion, useItems } from '../state/hooks.ts'
import { useHiddenDots } from '../state/votes.ts'
import type { HiddenVoteStore } from '../sync/hiddenVotes.ts'
import type { BoardSession } from '../sync/session.ts'
import { ActionCards } from './ActionCards.tsx'
import { KindChip } from './KindChip.tsx'

interface Props {
  session: BoardSession
  index: BoardIndex
  commands: BoardCommands
  control: ControlState
  /** This device's dots of hidden votes. */
  hiddenVotes: HiddenVoteStore
  /** The device's secret for this board's votes (voterIdFor makes each vote's voter id). */
  voterId: string
  facilitator: boolean
  readOnly: boolean
  notify(message: string): void
}

export function VotingPanel(props: Props) {
  const { control } = props
  const voting = control.voting
  const items = useItems(props.index)
  // Only on a board from before kies 3 made agreements: a new one never holds these.
  const actions = items.filter(
    (item): item is StickyItem => item.type === 'sticky' && item.kind === 'action',
  )
  return (
    <>
      {voting && <Vote {...props} voting={voting} />}
      {actions.length > 0 && (
        <ActionCards actions={actions} commands={props.commands} readOnly={props.readOnly} />
      )}
    </>
  )
}

function Vote({
  session,
  index,
  commands,
  voting,
  hiddenVotes,
  voterId,
  facilitator,
  readOnly,
  notify,
}: Props & { voting: VotingState }) {
  const t = useStrings()
  const id = useId()
  const version = useIndexVersion(index)
  const votesVersion = useVotesVersion(session)
  // A voter id of this vote only, so no two votes' dots can be tied to one device.
  const voter = useMemo(() => voterIdFor(voterId, voting.id), [voterId, voting.id])
  const items = useItems(index)
  // Counts depend on the dots and on which stickies are still there, so both versions count.
  const reading = useMemo(
    () => readVotes(session.doc, voting, voter),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session.doc, voting, voter, version, votesVersion],
  )
  const onDevice = useHiddenDots(hiddenVotes, voting.id)
  // Until a hidden vote is closed and published, the board holds none of this device's dots.
  const myDots = voting.hidden && onDevice.length > 0 ? onDevice : reading.mine
  const counts = new Map(reading.results.map((result) => [result.id, result.count]))
  const showCounts = !voting.hidden || voting.closed
  const stickies = items.filter(
    (item): item is StickyItem => item.type === 'sticky' && item.kind !== 'action',
  )
  const ordered = showCounts
    ? [...stickies].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))
    : stickies
  const left = voting.budget - myDots.length
  const [chosen, setChosen] = useState<ItemId[] | null>(null)
  const picks = chosen ?? topVoted(reading.results)

  const answer = (reason: VoteRefused['reason'] | 'ok' | undefined) => {
    if (reason === 'budget') notify(t.budgetSpent(voting.budget))
    else if (reason === 'closed') notify(t.votingIsClosed)
  }
  const onThisDevice = (change: () => readonly ItemId[]) => {
    try {
      hiddenVotes.setDots(voting.id, change())
    } catch (error) {
      if (error instanceof VoteRefused) return answer(error.reason)
      if (!(error instanceof BoardError)) throw error
    }
  }
  const give = (item: StickyItem) =>
    voting.hidden
      ? onThisDevice(() => giveHiddenDot(session.doc, voting, onDevice, item.id))
      : answer(commands.castVote(voting, voter, item.id))
  const takeBack = (item: StickyItem) =>
    voting.hidden
      ? onThisDevice(() => withoutDot(onDevice, voting, item.id))
      : commands.retractVote(voting, voter, item.id)
  const toggle = (item: ItemId) =>
    setChosen(picks.includes(item) ? picks.filter((x) => x !== item) : [...picks, item])

  return (
    <section className="voting-panel" data-testid="voting-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{voting.closed ? t.results : t.voting}</h3>
      {!voting.closed && (
        <p className="dots-left" role="status" data-testid="dots-left" data-left={left}>
          {t.dotsLeft(left, voting.budget)}
        </p>
      )}
      {voting.hidden && !voting.closed && <p className="hint">{t.votesHiddenNote}</p>}
      {stickies.length === 0 && <p className="hint">{t.noStickiesToVote}</p>}
      <ol className="vote-list">
        {ordered.map((item) => {
          const mine = myDots.filter((x) => x === item.id).length
          const count = counts.get(item.id) ?? 0
          const text = item.text || '…'
          return (
            <li key={item.id} className="vote-row" data-item-id={item.id} data-count={count}>
              {voting.closed && facilitator && (
                <input
                  type="checkbox"
                  aria-label={`${t.kies3}: ${text}`}
                  checked={picks.includes(item.id)}
                  onChange={() => toggle(item.id)}
                />
              )}
              <KindChip kind={item.kind} color={item.color} />
              <span className="vote-text">{text}</span>
              <span className="vote-count">
                {showCounts && <strong>{t.dots(count)}</strong>}
                {mine > 0 && <span className="hint"> · {t.myDots(mine)}</span>}
                <span aria-hidden="true"> {'●'.repeat(mine)}</span>
              </span>
              {!voting.closed && !readOnly && (
                <span className="vote-buttons">
                  <button
                    type="button"
                    className="small"
                    data-action="vote"
                    aria-label={t.addDot(text)}
                    onClick={() => give(item)}
                  >
                    +●
                  </button>
                  <button
                    type="button"
                    className="small"
                    data-action="unvote"
                    aria-label={t.removeDot(text)}
                    disabled={mine === 0}
                    onClick={() => takeBack(item)}
                  >
                    −●
                  </button>
                </span>
              )}
            </li>
          )
        })}
      </ol>
      {voting.closed && facilitator && stickies.length > 0 && (
        <div className="kies3">
          <h4>{t.kies3}</h4>
          <p className="hint">{t.kies3Hint}</p>
          <button
            type="button"
            className="primary"
            data-action="make-actions"
            disabled={picks.length === 0 || picks.length > ACTIONS_TO_CHOOSE}
            onClick={() => {
              const made = commands.chooseActions(picks)
              if (made) notify(t.actionsMade(made.length))
            }}
          >
            {t.makeActions(picks.length)}
          </button>
        </div>
      )}
    </section>
  )
}

/** A number that moves on every change to the content doc's votes map. */
function useVotesVersion(session: BoardSession): number {
  const [store] = useState(() => {
    let version = 0
    const votes = session.doc.getMap<unknown>(VOTES_MAP)
    return {
      read: () => version,
      subscribe(listener: () => void) {
        const onChange = () => {
          version++
          listener()
        }
        votes.observe(onChange)
        return () => votes.unobserve(onChange)
      },
    }
  })
  return useSyncExternalStore(store.subscribe, store.read)
}
