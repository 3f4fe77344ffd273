// The history of each board's content: versions taken when a board is first opened, every few
// minutes while it changes, at every step change and before every restore (docs/security.md says
// what that keeps); and the restore itself, one change on the live doc that every peer sees.
import * as Y from 'yjs'
import { DEFAULT_CONTROL, controlMap, isStepId, type StepId } from '../../shared/controlState.ts'
import { readBoard, type BoardSnapshot } from '../../shared/read.ts'
import type { Logger } from '../log.ts'
import type { Room } from '../relay/room.ts'
import type { DocKind, Store, VersionInfo, VersionReason } from '../store/types.ts'
import { copyContent } from './copyDoc.ts'
import { versionsToThin } from './thinning.ts'

/** Reads a room, loading it if need be (Rooms.read). */
export type ReadRoom = <T>(boardId: string, kind: DocKind, read: (room: Room) => T) => Promise<T>

export interface HistoryOptions {
  store: Store
  read: ReadRoom
  now: () => number
  /** How long a changing board goes at most without a new version. */
  intervalMs: number
  log: Logger
}

export interface Restored {
  restored: VersionInfo
  /** The board as it was just before: restoring this one undoes the restore. */
  before: VersionInfo
}

// Two relay processes that see the same step change store one version of it.
const SAME_TRIGGER_MS = 60_000

// Keys of values a room works out once per state (Room.derive).
const STEP = 'history-step'
const POINTS = 'history-points'
const STATE_MARK = 'history-mark'

const stepIn = (control: Y.Doc): StepId => {
  const step = controlMap(control).get('step')
  return isStepId(step) ? step : DEFAULT_CONTROL.step
}

const pointsIn = (content: Y.Doc): number =>
  readBoard(content).items.filter((item) => item.type === 'sticky').length

export class History {
  /** Boards changed since their last version here, each with the timer that takes the next. */
  private readonly due = new Map<string, NodeJS.Timeout>()
  private readonly lastTaken = new Map<string, number>()
  /** The step each loaded control room was last seen at. */
  private readonly steps = new WeakMap<Room, StepId>()
  private readonly inFlight = new Set<Promise<unknown>>()
  private closed = false

  constructor(private readonly options: HistoryOptions) {}

  /** A room was loaded: a board without any version gets its first, as it is now. */
  loaded(room: Room): void {
    if (room.kind !== 'content') return
    this.track(
      this.options.store.listVersions(room.boardId).then(async (versions) => {
        if (versions.length === 0) await this.take(room.boardId, 'first', Infinity)
      }),
    )
  }

  /** A room accepted a change (content), or its control doc changed (control). */
  changed(room: Room): void {
    if (this.closed) return
    if (room.kind === 'control') return this.checkStep(room)
    const boardId = room.boardId
    if (this.due.has(boardId)) return
    const { intervalMs, now } = this.options
    const last = this.lastTaken.get(boardId)
    const delay = last === undefined ? intervalMs : Math.max(0, last + intervalMs - now())
    const timer = setTimeout(() => {
      this.due.delete(boardId)
      // Another process may have kept this board's state a moment ago: then once is enough.
      this.track(this.take(boardId, 'interval', Math.min(SAME_TRIGGER_MS, intervalMs / 2)))
    }, delay)
    timer.unref()
    this.due.set(boardId, timer)
  }

  /** The board was deleted: nothing more is taken of it (its versions went with it). */
  forget(boardId: string): void {
    clearTimeout(this.due.get(boardId))
    this.due.delete(boardId)
    this.lastTaken.delete(boardId)
  }

  /** For shutdown: keeps what changed since the last versions, then stops. */
  async close(): Promise<void> {
    this.closed = true
    const boards = [...this.due.keys()]
    for (const timer of this.due.values()) clearTimeout(timer)
    this.due.clear()
    for (const boardId of boards) this.track(this.take(boardId, 'interval'))
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight])
  }

  list(boardId: string): Promise<VersionInfo[]> {
    return this.options.store.listVersions(boardId)
  }

  /** One version read as the board JSON reads the live board; null when there is no such one. */
  async preview(
    boardId: string,
    n: number,
  ): Promise<(Pick<BoardSnapshot, 'meta' | 'items'> & { version: VersionInfo }) | null> {
    const version = await this.options.store.getVersion(boardId, n)
    if (!version) return null
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, version.state)
      const { meta, items } = readBoard(doc)
      return { version: version.info, meta, items }
    } finally {
      doc.destroy()
    }
  }

  /**
   * Makes the live board equal to version `n`, after keeping the board as it is now. Null when
   * there is no such version (or no such board).
   */
  async restore(boardId: string, n: number): Promise<Restored | null> {
    const { store, read } = this.options
    const version = await store.getVersion(boardId, n)
    if (!version) return null
    const source = new Y.Doc()
    try {
      Y.applyUpdate(source, version.state)
      const step = await this.stepOf(boardId)
      const now = await read(boardId, 'content', (room) => this.capture(room))
      let before = await this.keep(boardId, 'restore', step, now.state, now.points)
      if (!before) return null
      const late = await read(boardId, 'content', (room) => {
        // Edits that arrived while the version was written are in no version yet: keep them too.
        const changed = room.derive(STATE_MARK, () => ({})) !== now.mark
        const latest = changed ? this.capture(room) : null
        room.changeByServer((doc, transaction) => copyContent(source, doc, transaction))
        return latest
      })
      if (late)
        before = (await this.keep(boardId, 'restore', step, late.state, late.points)) ?? before
      await this.thin(boardId)
      return { restored: version.info, before }
    } finally {
      source.destroy()
    }
  }

  private checkStep(control: Room): void {
    const step = control.derive(STEP, stepIn)
    const before = this.steps.get(control)
    this.steps.set(control, step)
    // The version holds the board as the step that just ended left it.
    if (before !== undefined && before !== step) {
      this.track(this.take(control.boardId, 'step', SAME_TRIGGER_MS, before))
    }
  }

  private async take(
    boardId: string,
    reason: VersionReason,
    dedupeMs?: number,
    step?: StepId,
  ): Promise<void> {
    const at = step ?? (await this.stepOf(boardId))
    const { state, points } = await this.options.read(boardId, 'content', (room) =>
      this.capture(room),
    )
    if (await this.keep(boardId, reason, at, state, points, dedupeMs)) await this.thin(boardId)
  }

  private async keep(
    boardId: string,
    reason: VersionReason,
    step: StepId,
    state: Uint8Array,
    points: number,
    dedupeMs?: number,
  ): Promise<VersionInfo | null> {
    const at = this.options.now()
    const info = await this.options.store.addVersion(
      boardId,
      { at, step, points, reason, state },
      dedupeMs,
    )
    if (info) this.lastTaken.set(boardId, at)
    return info
  }

  private capture(room: Room): { state: Uint8Array; points: number; mark: object } {
    return {
      state: room.fullState(),
      points: room.derive(POINTS, pointsIn),
      mark: room.derive(STATE_MARK, () => ({})),
    }
  }

  private stepOf(boardId: string): Promise<StepId> {
    return this.options.read(boardId, 'control', (room) => room.derive(STEP, stepIn))
  }

  private async thin(boardId: string): Promise<void> {
    const { store, now } = this.options
    const drop = versionsToThin(await store.listVersions(boardId), now())
    if (drop.length > 0) await store.deleteVersions(boardId, drop)
  }

  /** Background work: errors are logged, and shutdown waits for it. */
  private track(work: Promise<unknown>): void {
    const running = work
      .catch((err: unknown) => this.options.log.error('history failed', { error: String(err) }))
      .finally(() => this.inFlight.delete(running))
    this.inFlight.add(running)
  }
}
