// A visible + at the top-right edge of every circle and box: the way to add a point for whoever
// does not know the double-click. Real buttons over the canvas (Tab reaches them, a screen reader
// names them), following pan and zoom; hidden where their place is too small on screen or out of
// view. A + opens the kinds its place takes, or adds its one kind at once; the new point opens in
// the text editor. An empty circle says how, in its middle.
import './addButtons.css'
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import type { ContainerItem } from '../../../shared/index.ts'
import { useLang, useStrings } from '../i18n.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { BoardCommands } from '../state/commands.ts'
import { useIndexVersion } from '../state/hooks.ts'
import type { UiStore } from '../state/ui.ts'
import { KindChip } from '../panels/KindChip.tsx'
import { usePopover } from '../panels/usePopover.ts'
import {
  addPointTo,
  addTargets,
  choiceKey,
  choiceLabel,
  type AddTarget,
  type PointChoice,
} from './addTargets.ts'
import type { Camera } from './camera.ts'
import { textFieldOf } from './context.ts'

interface Props {
  camera: Camera
  index: BoardIndex
  commands: BoardCommands
  ui: UiStore
  /** The canvas's size in CSS pixels. */
  width: number
  height: number
}

/** A place smaller than this on screen (its shorter side) gets no +: it would cover it. */
const MIN_PLACE_PX = 120
/**
 * On a narrow (phone) canvas "Punt toevoegen" is the way in at the opening view: a place gets its
 * own + only once it fills half the width (after zooming in on it), not on each small circle.
 */
const NARROW_PX = 700
const minPlacePx = (width: number) =>
  width < NARROW_PX ? Math.max(MIN_PLACE_PX, width / 2) : MIN_PLACE_PX
/** A + this close to the canvas's edge is left out rather than cut off; the top bar is higher. */
const EDGE_PX = 20
const TOP_PX = 64
/** The empty circle's hint, in board units, and the least it is drawn at on screen. */
const HINT_SIZE = 26
const MIN_HINT_PX = 11

/** Re-renders on every camera move, at most once a frame. */
function useCameraFrame(camera: Camera): void {
  const [, setFrame] = useState(0)
  useEffect(() => {
    let frame = 0
    const off = camera.subscribe(() => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        setFrame((n) => n + 1)
      })
    })
    return () => {
      off()
      cancelAnimationFrame(frame)
    }
  }, [camera])
}

/** How far above the horizontal a circle's + sits on its rim: clear of the label on top. */
const PLUS_ANGLE = (25 * Math.PI) / 180

/** Where a place's + goes, in board units: on a circle's rim at about two, or a box's corner. */
function plusPoint(container: ContainerItem): { x: number; y: number } {
  if (container.type === 'box') return { x: container.x + container.w, y: container.y }
  const r = Math.min(container.w, container.h) / 2
  return {
    x: container.x + r + r * Math.cos(PLUS_ANGLE),
    y: container.y + r - r * Math.sin(PLUS_ANGLE),
  }
}

export function AddButtons({ camera, index, commands, ui, width, height }: Props) {
  const lang = useLang()
  const version = useIndexVersion(index)
  useCameraFrame(camera)
  // `version` changes with every change to the board: the places and their contents with it.
  const targets = useMemo(
    () => (version >= 0 ? addTargets(index, lang) : []),
    [index, lang, version],
  )
  const scale = camera.scale()

  const add = (container: ContainerItem, choice: PointChoice) => {
    const id = addPointTo(commands, index, container, choice)
    const item = id && index.get(id)
    const field = item && textFieldOf(item)
    if (id && field) ui.set({ tool: 'select', selection: [id], editing: { id, field } })
  }

  return (
    <div className="add-overlay" data-testid="add-overlay">
      {targets.map((target) => {
        const { container } = target
        const shown = Math.min(container.w, container.h) * scale
        if (shown < minPlacePx(width)) return null
        const empty =
          container.type === 'circle' &&
          index.childrenOf(container.id).every((child) => child.type === 'arrow')
        const at = camera.toScreen(plusPoint(container))
        const inView =
          at.x >= EDGE_PX && at.y >= TOP_PX && at.x <= width - EDGE_PX && at.y <= height - EDGE_PX
        return (
          <PlaceControls
            key={container.id}
            target={target}
            plusAt={inView ? at : null}
            hint={empty ? hintAt(camera, container, scale) : null}
            onAdd={add}
          />
        )
      })}
    </div>
  )
}

function hintAt(camera: Camera, circle: ContainerItem, scale: number) {
  const size = HINT_SIZE * scale
  if (size < MIN_HINT_PX) return null
  const centre = camera.toScreen({ x: circle.x + circle.w / 2, y: circle.y + circle.h / 2 })
  return { ...centre, size, width: circle.w * 0.7 * scale }
}

interface PlaceProps {
  target: AddTarget
  plusAt: { x: number; y: number } | null
  hint: { x: number; y: number; size: number; width: number } | null
  onAdd(container: ContainerItem, choice: PointChoice): void
}

function PlaceControls({ target, plusAt, hint, onAdd }: PlaceProps) {
  const t = useStrings()
  const lang = useLang()
  const { container, label, choices } = target
  const { open, toggle, close, triggerRef, panelRef } = usePopover()
  const single = choices.length === 1 ? choices[0] : undefined

  // The kinds open with the first one focused, as a menu does.
  useEffect(() => {
    if (open) panelRef.current?.querySelector('button')?.focus()
  }, [open, panelRef])

  const choose = (choice: PointChoice) => {
    if (open) close()
    onAdd(container, choice)
  }

  // Up and down walk the kinds; Tab does too, as they follow the + in the page.
  const onPanelKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const buttons = [...(panelRef.current?.querySelectorAll('button') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next =
      buttons[(at + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]
    event.preventDefault()
    next?.focus()
  }

  return (
    <>
      {hint && (
        <p
          className="add-hint"
          aria-hidden="true"
          style={{ left: hint.x, top: hint.y, fontSize: hint.size, width: hint.width }}
        >
          {t.addPoint.emptyHint}
        </p>
      )}
      {plusAt && (
        <div
          className="add-anchor"
          data-shape={container.type}
          data-place-id={container.id}
          style={{ left: plusAt.x, top: plusAt.y }}
        >
          <button
            ref={triggerRef}
            type="button"
            className="add-plus"
            aria-label={t.addPoint.plusLabel(label)}
            title={t.addPoint.plusLabel(label)}
            aria-expanded={single ? undefined : open}
            onClick={() => (single ? choose(single) : toggle())}
          >
            <span aria-hidden="true">+</span>
          </button>
          {open && !single && (
            <div
              ref={panelRef}
              className="add-kinds"
              role="group"
              aria-label={t.addPoint.kindsLabel(label)}
              data-up={plusAt.y > window.innerHeight / 2}
              onKeyDown={onPanelKey}
            >
              {choices.map((choice) => (
                <button
                  key={choiceKey(choice)}
                  type="button"
                  className="add-kind"
                  onClick={() => choose(choice)}
                >
                  {'kind' in choice && <KindChip kind={choice.kind} />}
                  {choiceLabel(choice, lang)}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </>
  )
}
