// e2e only: BoardPage imports this module dynamically when import.meta.env.MODE === 'e2e', so a
// production build never contains it. It gives Playwright read-only views of what a user cannot
// read off pixels: the validated items, the session status, the selection and the Konva tree.
import type Konva from 'konva'
import * as Y from 'yjs'
import type { RefObject } from 'react'
import type { CanvasApi } from './canvas/BoardCanvas.tsx'
import type { BoardIndex } from './state/boardIndex.ts'
import type { UiStore } from './state/ui.ts'
import {
  ITEMS_MAP,
  META_MAP,
  VOTES_MAP,
  type ControlState,
  type StickyItem,
} from '../../shared/index.ts'
import type { FacilitationStores } from './sync/facilitation.ts'
import type { BoardSession, SessionStatus } from './sync/session.ts'

export interface HookDeps {
  session: BoardSession
  index: BoardIndex
  ui: UiStore
  canvas: RefObject<CanvasApi | null>
  facilitation: FacilitationStores
}

/** A Konva node by its absolute position: stage pixels, after the stage's pan and zoom. */
export interface StageNode {
  id: string
  x: number
  y: number
  /** The same point in board coordinates. */
  board: { x: number; y: number }
  /** The text a Konva.Text node, or a shape drawing a text of its own, draws; else absent. */
  text?: string
}

/** A box in CSS pixels of the page, where page.mouse can point at it. */
export interface ScreenBox {
  x: number
  y: number
  width: number
  height: number
}

/**
 * A text a person reads on the board: a sticky's, a circle's or box's title, a row of a box (its
 * main text or its line of details). `drawn` is false where the sticky shows only its symbol.
 */
export interface ReadableText {
  /** The item the text belongs to. */
  id: string
  kind: 'sticky' | 'title' | 'row'
  text: string
  drawn: boolean
  /** Font size on screen in CSS pixels: the node's font size times its absolute scale. */
  px: number
  /** Cut short with an ellipsis because the whole text does not fit. */
  truncated: boolean
}

export interface MdoTestApi {
  /** Every readable item as plain JSON, in z order (index.all()). */
  items(): unknown[]
  status(): SessionStatus & { access: BoardSession['access'] }
  selection(): string[]
  stageNodes(name: string): StageNode[]
  screenBox(id: string): ScreenBox | null
  /** An item's node as drawn, in board units, without its stroke and shadow; null unmounted. */
  boardBox(id: string): { x: number; y: number; w: number; h: number } | null
  /** Where a board point is on the page, in CSS pixels. */
  screenPoint(board: { x: number; y: number }): { x: number; y: number } | null
  viewport(): { minX: number; minY: number; maxX: number; maxY: number } | null
  /** Every mounted sticky, title and box row, with how large its text is drawn on screen. */
  readable(): ReadableText[]
}

/** The facilitation's read-only views: the control state and this device's private drafts. */
export interface MdoControlTestApi {
  control(): ControlState
  /** Drafts on this device, and how many of them are not on the board yet. */
  drafts(): { total: number; unpublished: number; texts: string[] }
  /** The whole shared content doc as JSON: what the relay and every peer hold. */
  sharedDocJson(): string
  /**
   * Sets an item's field straight in the document, past the commands and their locks: what a
   * modified client would send, for a test of the relay's refusal.
   */
  writeAround(id: string, field: string, value: unknown): void
}

declare global {
  interface Window {
    __mdoTest?: MdoTestApi
    __mdoControl?: MdoControlTestApi
  }
}

export function installTestHook({ session, index, ui, canvas, facilitation }: HookDeps): void {
  installControlHook(session, facilitation)
  const stage = () => canvas.current?.stage() ?? null
  const nodesNamed = (name: string): Konva.Node[] =>
    stage()?.find(name.startsWith('.') ? name : `.${name}`) ?? []
  const nodeWithId = (id: string): Konva.Node | undefined =>
    stage()?.findOne((node: Konva.Node) => node.id() === id)

  const api: MdoTestApi = {
    items: () => JSON.parse(JSON.stringify(index.all())) as unknown[],
    status: () => ({ ...session.status(), access: session.access }),
    selection: () => [...ui.get().selection],
    stageNodes: (name) =>
      nodesNamed(name).map((node) => {
        const { x, y } = node.getAbsolutePosition()
        const toBoard = node.getStage()?.getAbsoluteTransform().copy().invert()
        const board = toBoard ? toBoard.point({ x, y }) : { x, y }
        // A Konva.Text's, or a shape's that draws a text itself (a sticky's, Sticky.tsx).
        const attr: unknown = node.getAttr('text')
        const text = typeof attr === 'string' ? attr : undefined
        return { id: node.id(), x, y, board, ...(text === undefined ? {} : { text }) }
      }),
    screenBox: (id) => {
      const node = nodeWithId(id)
      const container = node?.getStage()?.container()
      if (!node || !container) return null
      const rect = node.getClientRect()
      const origin = container.getBoundingClientRect()
      return { x: origin.x + rect.x, y: origin.y + rect.y, width: rect.width, height: rect.height }
    },
    boardBox: (id) => {
      const node = nodeWithId(id)
      const current = stage()
      if (!node || !current) return null
      // Relative to the stage: its own transform is the camera, so this is in board units.
      const rect = node.getClientRect({ relativeTo: current, skipStroke: true, skipShadow: true })
      return { x: rect.x, y: rect.y, w: rect.width, h: rect.height }
    },
    screenPoint: (board) => {
      const current = stage()
      if (!current) return null
      const { x, y } = current.getAbsoluteTransform().point(board)
      const origin = current.container().getBoundingClientRect()
      return { x: origin.x + x, y: origin.y + y }
    },
    viewport: () => canvas.current?.viewport() ?? null,
    readable: () => readableTexts(stage(), index),
  }
  // Only e2e builds import this module; the guard keeps it inert if anything else ever did.
  if (import.meta.env.MODE === 'e2e') window.__mdoTest = api
}

const TEXT_NODES: Record<string, ReadableText['kind']> = {
  'sticky-text': 'sticky',
  'circle-label': 'title',
  'box-label': 'title',
  'agreement-text': 'row',
  'question-text': 'row',
  'row-detail': 'row',
}

function readableTexts(stage: Konva.Stage | null, index: BoardIndex): ReadableText[] {
  if (!stage) return []
  const texts: ReadableText[] = []
  // A sticky drawn cheaply is one node without its text: it counts, as not drawn.
  for (const node of stage.find('.sticky')) {
    if (node.getClassName() === 'Group' && (node as Konva.Group).findOne('.sticky-text')) continue
    const item = index.all().find((one) => one.id === node.id())
    const text = item?.type === 'sticky' ? item.text : ''
    texts.push({ id: node.id(), kind: 'sticky', text, drawn: false, px: 0, truncated: false })
  }
  // Zoomed far out, stickies are rectangles of one batch shape (StickyBatch.tsx).
  for (const batch of stage.find('.sticky-batch')) {
    for (const item of (batch.getAttr('stickies') ?? []) as StickyItem[])
      texts.push({
        id: item.id,
        kind: 'sticky',
        text: item.text,
        drawn: false,
        px: 0,
        truncated: false,
      })
  }
  for (const [name, kind] of Object.entries(TEXT_NODES)) {
    for (const node of stage.find(`.${name}`)) {
      const owner = node.findAncestor((parent: Konva.Node) => parent.id() !== '', true)
      const fontSize = Number(node.getAttr('fontSize') ?? 0)
      texts.push({
        id: owner?.id() ?? '',
        kind,
        text: String(node.getAttr('text') ?? ''),
        drawn: node.isVisible() && fontSize > 0,
        px: fontSize * node.getAbsoluteScale().y,
        truncated: Boolean(node.getAttr('truncated')),
      })
    }
  }
  return texts
}

function installControlHook(session: BoardSession, { control, drafts }: FacilitationStores): void {
  const api: MdoControlTestApi = {
    control: () => JSON.parse(JSON.stringify(control.state())) as ControlState,
    drafts: () => ({
      total: drafts.all().length,
      unpublished: drafts.all().filter((draft) => !drafts.isPublished(draft.id)).length,
      texts: drafts.all().map((draft) => draft.text),
    }),
    sharedDocJson: () =>
      JSON.stringify(
        Object.fromEntries(
          [META_MAP, ITEMS_MAP, VOTES_MAP].map((name) => [name, session.doc.getMap(name).toJSON()]),
        ),
      ),
    writeAround: (id, field, value) => {
      const item = session.doc.getMap(ITEMS_MAP).get(id)
      if (item instanceof Y.Map) item.set(field, value)
    },
  }
  if (import.meta.env.MODE === 'e2e') window.__mdoControl = api
}
