// What other people change, said politely to a screen reader: points added (per circle or box),
// the step, the lock, a private round. A busy table is not a flood: what arrives within a few
// seconds is said once, counted. The facilitator is not told what she did herself.
import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import {
  currentStep,
  isContainer,
  ITEMS_MAP,
  shownLabel,
  type ControlState,
} from '../../../shared/index.ts'
import { useLabel, useLang, useStrings } from '../i18n.ts'
import type { BoardIndex } from '../state/boardIndex.ts'

/** At most one announcement this often, in ms. */
export const ANNOUNCE_MS = 4000
/** An update adding more than this many points at once is a load, not a person: not said. */
const BULK = 20

interface Props {
  doc: Y.Doc
  index: BoardIndex
  control: ControlState
  template: string
  facilitator: boolean
}

/** Collects messages and lets one through per ANNOUNCE_MS: the rest waits, joined. */
function useThrottledText(): { text: string; say(part: string, key?: string): void } {
  const [text, setText] = useState('')
  const waiting = useRef(new Map<string, string>())
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const last = useRef(0)
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])
  const flush = useCallback(() => {
    timer.current = null
    last.current = Date.now()
    setText([...waiting.current.values()].join('. '))
    waiting.current.clear()
  }, [])
  const say = useCallback(
    (part: string, key = part) => {
      waiting.current.set(key, part)
      if (timer.current) return
      timer.current = setTimeout(flush, Math.max(0, last.current + ANNOUNCE_MS - Date.now()))
    },
    [flush],
  )
  return { text, say }
}

export function Announcer({ doc, index, control, template, facilitator }: Props) {
  const t = useStrings()
  const lang = useLang()
  const label = useLabel()
  const { text, say } = useThrottledText()

  // Points others added, counted per circle or box until the next announcement.
  useEffect(() => {
    const items = doc.getMap<unknown>(ITEMS_MAP)
    const counts = new Map<string, number>()
    // A deep observer runs after the index's own (registered first), so the index knows the item.
    const onItems = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
      const event = events.find((e) => e.target === items)
      if (tr.local || !event) return
      const added = [...event.changes.keys].filter(([, change]) => change.action === 'add')
      if (added.length === 0 || added.length > BULK) return
      for (const [id] of added) {
        const item = index.get(id as never)
        if (!item || item.type !== 'sticky') continue
        const owner = item.parent !== undefined ? index.get(item.parent) : undefined
        const where = owner && isContainer(owner) ? shownLabel(owner, lang) : ''
        const n = (counts.get(where) ?? 0) + 1
        counts.set(where, n)
        say(t.announce.pointsAdded(n, where), `points:${where}`)
      }
    }
    // Counting starts again after each announcement.
    const reset = setInterval(() => counts.clear(), ANNOUNCE_MS)
    items.observeDeep(onItems)
    return () => {
      items.unobserveDeep(onItems)
      clearInterval(reset)
    }
  }, [doc, index, lang, t, say])

  // What the facilitator set, said to the others.
  const seen = useRef<ControlState | null>(null)
  useEffect(() => {
    const before = seen.current
    seen.current = control
    if (!before || facilitator) return
    if (before.step !== control.step) {
      const step = currentStep(template, control.step)
      if (step) say(t.stepOf(step.number, label(step.label)), 'step')
    }
    if (before.boardLocked !== control.boardLocked) {
      say(control.boardLocked ? t.boardLocked : t.announce.boardUnlocked, 'lock')
    }
    if (control.round?.private && before.round?.id !== control.round.id) {
      say(t.roundPrivateWriting, 'round')
    }
  })

  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </p>
  )
}
