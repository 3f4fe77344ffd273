// The control doc: the facilitator leads the meeting through steps, a timer, rounds, votes,
// locks and follow-me; readers never throw on what they find there and fall back to defaults.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  BoardError,
  CONTROL_STEPS,
  DEFAULT_CONTROL,
  STEP_GUIDES,
  STEP_IDS,
  bringEveryoneHere,
  clearTimer,
  closeVoting,
  endMeeting,
  endRound,
  formatRemaining,
  hideCursors,
  isItemLocked,
  lockBoard,
  lockItems,
  pauseTimer,
  readControl,
  reopenMeeting,
  resumeTimer,
  revealRound,
  setFollowMe,
  setStep,
  shareView,
  startRound,
  startTimer,
  startVoting,
  stepBeside,
  timerRemaining,
  timerRunning,
  type ItemId,
  type StepId,
} from '../../shared/index.ts'
import { transactionsDuring } from './helpers/board.ts'

const T0 = Date.UTC(2026, 2, 3, 14, 0)
const MIN = 60_000
const control = (doc: Y.Doc) => readControl(doc).control

/** The participant's copy after the facilitator's changes arrived. */
function synced(from: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(from))
  return copy
}

describe('steps', () => {
  it('starts at preparation and follows the step the facilitator sets, on every peer', () => {
    const facilitator = new Y.Doc()
    expect(readControl(new Y.Doc())).toEqual({ control: DEFAULT_CONTROL, problems: [] })
    setStep(facilitator, 'inzicht')
    expect(control(synced(facilitator)).step).toBe('inzicht')
  })

  it('reports a step it does not know instead of throwing, and refuses to write one', () => {
    const doc = new Y.Doc()
    doc.getMap('control').set('step', { evil: true })
    expect(readControl(doc)).toEqual({
      control: DEFAULT_CONTROL,
      problems: [{ reason: 'control.step is not a step' }],
    })
    expect(() => setStep(doc, 'pauze' as StepId)).toThrow(BoardError)
  })

  it('lists the six MDO steps in the order of the method, each with a guide', () => {
    expect(CONTROL_STEPS.map((step) => `${step.number} ${step.label.nl}`)).toEqual([
      '1 Voorbereiding',
      '2 Start en doelen van het overleg',
      '3 Overzicht',
      '4 Inzicht',
      '5 Uitzicht',
      '6 Afronding',
    ])
    for (const id of STEP_IDS) expect(STEP_GUIDES[id].questions.length).toBeGreaterThanOrEqual(2)
    expect(CONTROL_STEPS[2]?.focus.kinds).toEqual(['plus', 'minus', 'question'])
    expect(CONTROL_STEPS[5]?.focus.boxes).toEqual(['agreements'])
  })

  it('moves to the next or previous step and stops at the ends', () => {
    expect(stepBeside('overzicht', 1)).toBe('inzicht')
    expect(stepBeside('overzicht', -1)).toBe('start')
    expect(stepBeside('afronding', 1)).toBe('afronding')
    expect(stepBeside('voorbereiding', -1)).toBe('voorbereiding')
  })
})

describe('timer', () => {
  it('runs down from its start, pauses with what is left and resumes from there', () => {
    const doc = new Y.Doc()
    startTimer(doc, { durationMs: 5 * MIN, now: T0 })
    const running = control(synced(doc)).timer!
    expect(timerRemaining(running, T0 + MIN)).toBe(4 * MIN)
    expect(timerRunning(running, T0 + MIN)).toBe(true)

    pauseTimer(doc, T0 + 2 * MIN)
    const paused = control(doc).timer!
    expect(paused).toEqual({ durationMs: 5 * MIN, remainingMs: 3 * MIN, startedAt: null })
    // A reload an hour later still shows what was left: the time is state, not a local interval.
    expect(timerRemaining(control(synced(doc)).timer!, T0 + 60 * MIN)).toBe(3 * MIN)

    resumeTimer(doc, T0 + 10 * MIN)
    expect(timerRemaining(control(doc).timer!, T0 + 12 * MIN)).toBe(MIN)
    expect(timerRemaining(control(doc).timer!, T0 + 20 * MIN)).toBe(0)
    expect(timerRunning(control(doc).timer, T0 + 20 * MIN)).toBe(false)
  })

  it('ignores a pause of a paused timer and a resume of a running one', () => {
    const doc = new Y.Doc()
    pauseTimer(doc, T0) // no timer at all
    expect(control(doc).timer).toBeNull()
    startTimer(doc, { durationMs: MIN, now: T0 })
    expect(transactionsDuring(doc, () => resumeTimer(doc, T0 + 1000))).toBe(0)
    pauseTimer(doc, T0 + 1000)
    const paused = control(doc).timer
    pauseTimer(doc, T0 + 5000)
    expect(control(doc).timer).toEqual(paused)
    clearTimer(doc)
    expect(control(doc).timer).toBeNull()
  })

  it('refuses a timer of no time or of more than four hours', () => {
    const doc = new Y.Doc()
    expect(() => startTimer(doc, { durationMs: 0, now: T0 })).toThrow(BoardError)
    expect(() => startTimer(doc, { durationMs: 5 * 60 * MIN, now: T0 })).toThrow(BoardError)
    expect(() => startTimer(doc, { durationMs: MIN, now: Number.NaN })).toThrow(BoardError)
  })

  it('reads a damaged timer as no timer and says why', () => {
    const doc = new Y.Doc()
    doc.getMap('control').set('timer', { durationMs: 10, remainingMs: 99, startedAt: null })
    const { control: state, problems } = readControl(doc)
    expect(state.timer).toBeNull()
    expect(problems[0]?.reason).toMatch(/^control\.timer/)
  })

  it('formats the time left as a clock, rounding up', () => {
    expect(formatRemaining(4 * MIN + 4001)).toBe('4:05')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(62 * MIN)).toBe('1:02:00')
  })
})

describe('rounds', () => {
  it('opens a private round for writing, then reveals it once for everyone', () => {
    const doc = new Y.Doc()
    startRound(doc, { id: 'r1', private: true, anonymous: true, now: T0 })
    expect(control(doc).round).toEqual({
      id: 'r1',
      private: true,
      anonymous: true,
      phase: 'writing',
      startedAt: T0,
      revealedAt: null,
    })
    revealRound(doc, T0 + MIN)
    revealRound(doc, T0 + 2 * MIN) // a second click changes nothing
    const state = control(synced(doc))
    expect(state.round).toMatchObject({ phase: 'revealed', revealedAt: T0 + MIN })
    expect(state.revealedRounds).toEqual(['r1'])
  })

  it('remembers revealed rounds after the next round starts, for devices that were offline', () => {
    const doc = new Y.Doc()
    startRound(doc, { id: 'ik1', private: true, now: T0 })
    revealRound(doc, T0 + MIN)
    startRound(doc, { id: 'wij1', private: false, now: T0 + 2 * MIN })
    revealRound(doc, T0 + 3 * MIN)
    endRound(doc)
    expect(control(doc)).toMatchObject({ round: null, revealedRounds: ['ik1'] })
    expect(() => startRound(doc, { id: 'ik1', private: true, now: T0 })).toThrow(BoardError)
  })

  it('refuses to reveal when there is no round', () => {
    expect(() => revealRound(new Y.Doc(), T0)).toThrow(BoardError)
  })
})

describe('voting, locks, follow-me and the end of the meeting', () => {
  it('opens a vote with a budget and closes it', () => {
    const doc = new Y.Doc()
    expect(() => startVoting(doc, { id: 'v1', budget: 0, hidden: false })).toThrow(BoardError)
    expect(() => closeVoting(doc)).toThrow(BoardError)
    startVoting(doc, { id: 'v1', budget: 3, hidden: true })
    closeVoting(doc)
    expect(control(doc).voting).toEqual({ id: 'v1', budget: 3, hidden: true, closed: true })
  })

  it('locks the whole board, single items, and what a locked circle holds', () => {
    const doc = new Y.Doc()
    const circle = 'circle:kind' as ItemId
    const inside = { id: 'sticky:a' as ItemId, parent: circle }
    const elsewhere = { id: 'sticky:b' as ItemId }
    lockItems(doc, [circle], true)
    const state = control(synced(doc))
    expect(state.lockedItems).toEqual([circle])
    expect(isItemLocked(state, { id: circle })).toBe(true)
    expect(isItemLocked(state, inside)).toBe(true)
    expect(isItemLocked(state, elsewhere)).toBe(false)
    lockItems(doc, [circle], false)
    lockBoard(doc, true)
    expect(isItemLocked(control(doc), elsewhere)).toBe(true)
    expect(() => lockItems(doc, ['../etc' as ItemId], true)).toThrow(BoardError)
  })

  it('shares the view only while follow-me is on, and brings everyone there once', () => {
    const doc = new Y.Doc()
    const view = { minX: 0, minY: 0, maxX: 800, maxY: 600 }
    shareView(doc, view)
    expect(control(doc).view).toBeNull()
    setFollowMe(doc, true, view)
    shareView(doc, { ...view, minX: 100 })
    expect(control(doc)).toMatchObject({ followMe: true, view: { ...view, minX: 100 } })
    setFollowMe(doc, false, null)
    expect(control(doc).view).toBeNull()
    bringEveryoneHere(doc, view, T0)
    expect(control(synced(doc)).summon).toEqual({ at: T0, view })
    expect(() => bringEveryoneHere(doc, { ...view, maxX: -1 }, T0)).toThrow(BoardError)
  })

  it('ends the meeting (read-only for participants, timer stopped) and can reopen it', () => {
    const doc = new Y.Doc()
    hideCursors(doc, true)
    startTimer(doc, { durationMs: 10 * MIN, now: T0 })
    endMeeting(doc, T0 + MIN)
    const state = control(doc)
    expect(state).toMatchObject({ ended: true, cursorsHidden: true })
    expect(state.timer).toMatchObject({ startedAt: null, remainingMs: 9 * MIN })
    expect(isItemLocked(state, { id: 'sticky:x' as ItemId })).toBe(true)
    reopenMeeting(doc)
    expect(control(doc).ended).toBe(false)
  })

  it('falls back to defaults field by field when a peer wrote garbage', () => {
    const doc = new Y.Doc()
    setStep(doc, 'uitzicht')
    const map = doc.getMap('control')
    map.set('boardLocked', 'yes')
    map.set('voting', { id: 'v', budget: 1e9, hidden: false, closed: false })
    map.set('round', null)
    doc.getMap('lockedItems').set('not an id', true)
    const { control: state, problems } = readControl(doc)
    expect(state).toMatchObject({ step: 'uitzicht', boardLocked: false, voting: null, round: null })
    expect(state.lockedItems).toEqual([])
    expect(problems.map((problem) => problem.reason.split(':')[0])).toEqual([
      'control.voting',
      'control.boardLocked',
      'control.lockedItems',
    ])
  })
})
