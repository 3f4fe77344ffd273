// Text is edited in an HTML textarea laid over the node, so typing, IME, spell check, diacritics
// and screen readers work as anywhere on the web. Ctrl/⌘+Enter, Escape, "Klaar" or leaving the
// field keep what was typed; a point left empty is removed, never kept as an empty marker. It
// follows the node while the board pans or zooms under it.
import type Konva from 'konva'
import { Group } from 'konva/lib/Group.js'
import { Text } from 'konva/lib/shapes/Text.js'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { STICKY_KINDS, type Item, type ItemId, type TextField } from '../../../shared/index.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { BoardCommands } from '../state/commands.ts'
import type { UiStore } from '../state/ui.ts'
import { ARROW_LABEL_SIZE } from './Arrow.tsx'
import { BOX_LABEL_SIZE, ROW_FONT_SIZE } from './Box.tsx'
import type { Camera } from './camera.ts'
import { circleLabelSize } from './Circle.tsx'
import { SHAPE_LABEL_SIZE } from './Shape.tsx'
import { stickyFontSize } from './Sticky.tsx'
import { FONT, PAPER } from './theme.ts'
import { onVisibleBox, visibleBox } from './visualViewport.ts'

interface Props {
  editing: { id: ItemId; field: TextField }
  stage: Konva.Stage
  camera: Camera
  index: BoardIndex
  commands: BoardCommands
  ui: UiStore
  label: string
  /** The visible "done" button's text. */
  doneLabel: string
  /** Called after the editor closed itself, to give the canvas its focus back. */
  onClose(): void
}

/** Smallest font the editor shows, however far the board is zoomed out. */
const MIN_FONT = 14
/** Room kept free around the editor at the screen's edge, and below it for "Klaar". */
const EDGE = 8
const DONE_ROOM = 52

function textOf(item: Item | undefined, field: TextField): string {
  const value: unknown = item ? (item as Record<string, unknown>)[field] : undefined
  return typeof value === 'string' ? value : ''
}

function fontSizeOf(item: Item): number {
  switch (item.type) {
    case 'sticky':
      return stickyFontSize(item)
    case 'circle':
      return circleLabelSize(item)
    case 'box':
      return BOX_LABEL_SIZE
    case 'arrow':
      return ARROW_LABEL_SIZE
    case 'label':
      return item.fontSize
    case 'shape':
      return SHAPE_LABEL_SIZE
    default:
      return ROW_FONT_SIZE
  }
}

/** The node whose box the editor covers: the text itself where the item has a text node. */
const TEXT_NODE: Partial<Record<Item['type'], string>> = {
  sticky: '.sticky-text',
  circle: '.circle-label',
  box: '.box-label',
  arrow: '.arrow-label',
}

function place(el: HTMLTextAreaElement, stage: Konva.Stage, camera: Camera, item: Item): void {
  const group = stage.findOne((node: Konva.Node) => node.id() === item.id)
  const selector = TEXT_NODE[item.type]
  const target = (selector && group instanceof Group && group.findOne(selector)) || group
  const scale = camera.scale()
  const fontSize = Math.max(MIN_FONT, fontSizeOf(item) * scale)
  let rect = target?.getClientRect({ skipShadow: true })
  if (!rect) {
    const at = camera.toScreen({ x: item.x, y: item.y })
    rect = { x: at.x, y: at.y, width: item.w * scale, height: item.h * scale }
  }
  // Room for a few words on a few lines, however small the node is on screen, and all of it on
  // screen: inside the visual viewport, above a phone's keyboard, with "Klaar" below it.
  const seen = visibleBox()
  const origin = el.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0 }
  const width = Math.min(Math.max(rect.width, 12 * fontSize), seen.right - seen.left - 2 * EDGE)
  const room = seen.bottom - seen.top - 2 * EDGE - DONE_ROOM
  const height = Math.min(Math.max(rect.height, 4 * 1.2 * fontSize + 12), room)
  const within = (at: number, min: number, max: number) => Math.max(min, Math.min(at, max))
  const left = within(rect.x + origin.left, seen.left + EDGE, seen.right - EDGE - width)
  const top = within(rect.y + origin.top, seen.top + EDGE, seen.bottom - EDGE - DONE_ROOM - height)
  el.style.left = `${left - origin.left}px`
  el.style.top = `${top - origin.top}px`
  el.style.width = `${width}px`
  el.style.height = `${height}px`
  el.style.fontSize = `${fontSize}px`
  el.style.fontFamily = FONT
  el.style.background =
    item.type === 'sticky' ? (item.color ?? STICKY_KINDS[item.kind].color) : PAPER
}

/** A free label grows to fit what was typed; shared/ can only estimate its size. */
function fitLabel(commands: BoardCommands, item: Item, text: string): void {
  if (item.type !== 'label') return
  const measure = new Text({
    text,
    fontSize: item.fontSize,
    fontFamily: FONT,
    lineHeight: 1.2,
  })
  const w = Math.ceil(measure.width())
  const h = Math.ceil(measure.height())
  measure.destroy()
  if (w > 0 && h > 0) commands.resizeItem(item.id, { x: item.x, y: item.y, w, h })
}

/** Keeps the editor's text, or removes a point left without any. */
function finishText(
  commands: BoardCommands,
  index: BoardIndex,
  editing: { id: ItemId; field: TextField },
  text: string,
  initial: string,
): void {
  const item = index.get(editing.id)
  if (!item) return
  if (item.type === 'sticky' && text.trim() === '') {
    commands.deleteItems([item.id])
  } else if (text !== initial) {
    commands.setText(item.id, editing.field, text)
    fitLabel(commands, item, text)
  }
}

export function TextEditor(props: Props) {
  const { editing, stage, camera, index, commands, ui, label, doneLabel, onClose } = props
  const { id, field } = editing
  const [initial] = useState(() => textOf(index.get(id), field))
  const [value, setValue] = useState(initial)
  const ref = useRef<HTMLTextAreaElement>(null)
  const done = useRef<HTMLButtonElement>(null)
  const latest = useRef(initial)
  const closed = useRef(false)

  useLayoutEffect(() => {
    const follow = () => {
      const item = index.get(id)
      if (!ref.current || !item) return
      place(ref.current, stage, camera, item)
      if (done.current) {
        const { offsetLeft, offsetTop, offsetWidth, offsetHeight } = ref.current
        done.current.style.left = `${offsetLeft + offsetWidth - done.current.offsetWidth}px`
        done.current.style.top = `${offsetTop + offsetHeight + 4}px`
      }
    }
    follow()
    const el = ref.current
    el?.focus({ preventScroll: true })
    el?.setSelectionRange(el.value.length, el.value.length)
    // After a peer moves the item, React redraws it first; follow it on the next frame.
    const offIndex = index.subscribe(() => requestAnimationFrame(follow))
    const offCamera = camera.subscribe(follow)
    const offViewport = onVisibleBox(follow)
    return () => {
      offIndex()
      offCamera()
      offViewport()
    }
  }, [stage, camera, index, id])

  // Editing switched to another item without this one closing (e.g. from the outline, or a tap
  // elsewhere on the board): keep what was typed rather than lose it.
  useEffect(
    () => () => {
      if (!closed.current) finishText(commands, index, { id, field }, latest.current, initial)
    },
    [commands, index, id, field, initial],
  )

  const close = () => {
    if (closed.current) return
    closed.current = true
    finishText(commands, index, { id, field }, latest.current, initial)
    ui.set({ editing: null })
    onClose()
  }

  return (
    <>
      <textarea
        ref={ref}
        data-testid="text-editor"
        className="board-text-editor"
        aria-label={label}
        value={value}
        spellCheck
        onChange={(event) => {
          latest.current = event.target.value
          setValue(event.target.value)
        }}
        onBlur={close}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            close()
          } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault()
            close()
          }
        }}
      />
      <button
        ref={done}
        type="button"
        className="board-text-done"
        // Keeps the focus in the field, so the press itself does not finish by a blur first.
        onPointerDown={(event) => event.preventDefault()}
        onMouseDown={(event) => event.preventDefault()}
        onClick={close}
      >
        {doneLabel}
      </button>
    </>
  )
}
