// The board as a Konva stage: template (circles, boxes), items, interaction (selection, previews)
// and cursors on four layers. React mounts only the items in view; pan and zoom move the stage
// directly (camera.ts) and gestures run outside React (pointers.ts), so a frame is one redraw.
import './canvas.css'
import type Konva from 'konva'
import {
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react'
import { Group, Layer, Stage } from 'react-konva/lib/ReactKonvaCore'
import './konvaShapes.ts'
import type { Item, ItemId } from '../../../shared/index.ts'
import { useStrings } from '../i18n.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { BoardCommands } from '../state/commands.ts'
import { useIndexVersion, useUi } from '../state/hooks.ts'
import type { UiStore } from '../state/ui.ts'
import type { BoardSession } from '../sync/session.ts'
import { AddButtons } from './AddButtons.tsx'
import { Camera } from './camera.ts'
import type { CanvasContext } from './context.ts'
import { Cursors } from './Cursors.tsx'
import { DragPreview } from './dragPreview.ts'
import { boxOfItems, centreOfBox, itemBox, type Box } from './geometry.ts'
import { ArrowNodes, ContainerNodes, OtherNodes } from './ItemNodes.tsx'
import { Highlights } from './Highlights.tsx'
import { handleCanvasKey } from './keyboard.ts'
import { PointerInput } from './pointers.ts'
import { Selection } from './Selection.tsx'
import { TextEditor } from './TextEditor.tsx'
import { useView, useVisibleItems } from './useView.ts'

export interface CanvasApi {
  zoomToFit(): void
  zoomBy(factor: number): void
  centerOn(id: ItemId): void
  viewport(): Box
  /** Shows all of `box` (follow-me: the facilitator's view). */
  showView(box: Box): void
  /** Hears every camera move; `settled` once a gesture has come to rest. */
  onViewChange(listener: (settled: boolean) => void): () => void
  stage(): Konva.Stage | null
}

/** A stable empty selection, so the items layer skips re-rendering on selection changes. */
const NO_IDS: readonly ItemId[] = []
const NO_ITEMS: readonly Item[] = []

interface Props {
  session: BoardSession
  index: BoardIndex
  commands: BoardCommands
  ui: UiStore
  readOnly: boolean
  apiRef: RefObject<CanvasApi | null>
  /** The facilitator hid everyone's cursors. */
  cursorsHidden?: boolean
  /** Where the table works in this step: drawn with a dashed outline. */
  highlight?: readonly Item[]
}

/** The wrapper's size, kept up to date by a ResizeObserver. */
function useSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 })
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const update = (width: number, height: number) => {
      width = Math.floor(width)
      height = Math.floor(height)
      setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }))
    }
    // Measured now rather than at the observer's first report, a frame later: the stage then
    // exists before the board's content arrives, and the first content render can draw it.
    const box = el.getBoundingClientRect()
    update(box.width, box.height)
    const observer = new ResizeObserver(([entry]) => {
      if (entry) update(entry.contentRect.width, entry.contentRect.height)
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return size
}

export function BoardCanvas({
  session,
  index,
  commands,
  ui,
  readOnly,
  apiRef,
  cursorsHidden = false,
  highlight = NO_ITEMS,
}: Props) {
  const t = useStrings()
  const wrapRef = useRef<HTMLDivElement>(null)
  const draftRef = useRef<Konva.Group>(null)
  const [stage, setStage] = useState<Konva.Stage | null>(null)
  const [preview] = useState(() => new DragPreview())
  const size = useSize(wrapRef)
  // The first two layers (template and items) skip their hit graph while the camera moves.
  const camera = useMemo(
    () => (stage ? new Camera(stage, () => stage.getLayers().slice(0, 2)) : null),
    [stage],
  )
  const view = useView(camera)
  const visible = useVisibleItems(index, view.box)
  const version = useIndexVersion(index)
  const { tool, selection, editing } = useUi(ui)

  useEffect(() => () => camera?.destroy(), [camera])

  // After joining (or a reload) the focus is nowhere: it starts on the board, as the keys expect.
  useEffect(() => {
    const active = document.activeElement
    if (active === null || active === document.body) wrapRef.current?.focus({ preventScroll: true })
  }, [])

  // A peer may delete what this user has selected: let go of ids the board no longer shows.
  useEffect(() => {
    const shown = selection.filter((id) => index.get(id) !== undefined)
    if (shown.length !== selection.length) ui.set({ selection: shown })
  }, [index, ui, selection, version])

  useEffect(() => {
    if (camera && size.width > 0) camera.resized()
  }, [camera, size.width, size.height])

  // Zoom to fit once the board has items; until then keep the origin in the middle. The fit runs
  // in the index's own listener, before React renders the change: the render that mounts a big
  // board's items then mounts them at the fitted view, in one go.
  const fitted = useRef(false)
  useEffect(() => {
    if (!camera || fitted.current) return
    const fitOnce = () => {
      if (fitted.current) return
      const bounds = index.bounds()
      // The circles are the board's core, where an upright phone opens (Camera.open).
      camera.open(bounds, boxOfItems(index.all().filter((item) => item.type === 'circle')))
      fitted.current = bounds !== null
    }
    fitOnce()
    return index.subscribe(() => {
      if (!fitted.current && index.bounds() !== null) fitOnce()
    })
  }, [camera, index])

  // Gestures and keys live outside React: they read the stores when an event comes.
  useEffect(() => {
    const el = wrapRef.current
    const draft = draftRef.current
    if (!el || !draft || !stage || !camera) return
    const ctx: CanvasContext = {
      stage,
      camera,
      index,
      commands,
      ui,
      session,
      readOnly,
      draft,
      preview,
    }
    const input = new PointerInput(ctx, el)
    const onKey = (event: KeyboardEvent) => {
      // Keys typed in the text editor (a child of this element) are the editor's.
      if (event.target !== el) return
      const actions = {
        zoomToFit: () => camera.fit(index.bounds()),
        cancelGesture: () => input.cancel(),
      }
      if (handleCanvasKey(ctx, event, actions)) event.preventDefault()
    }
    el.addEventListener('keydown', onKey)
    return () => {
      el.removeEventListener('keydown', onKey)
      input.destroy()
    }
  }, [stage, camera, index, commands, ui, session, readOnly, preview])

  useImperativeHandle(
    apiRef,
    (): CanvasApi => ({
      zoomToFit: () => camera?.fit(index.bounds()),
      zoomBy: (factor) => camera?.zoomBy(factor),
      centerOn: (id) => {
        const item = index.get(id)
        if (item && camera) camera.centerOn(centreOfBox(itemBox(item)))
      },
      viewport: () => camera?.viewport() ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 },
      showView: (box) => camera?.fit(box, 0),
      onViewChange: (listener) => camera?.subscribe(listener) ?? (() => {}),
      stage: () => stage,
    }),
    [camera, index, stage],
  )

  const focusCanvas = () => wrapRef.current?.focus({ preventScroll: true })
  const helpId = useId()

  return (
    <>
      <div
        ref={wrapRef}
        className="board-canvas"
        tabIndex={0}
        role="application"
        aria-label={t.canvasLabel}
        aria-describedby={helpId}
        data-tool={tool}
        data-readonly={readOnly}
      >
        {size.width > 0 && size.height > 0 && (
          <Stage ref={setStage} width={size.width} height={size.height}>
            <Layer>
              <ContainerNodes items={visible.containers} index={index} version={version} />
            </Layer>
            <Layer>
              <ArrowNodes
                arrows={visible.arrows}
                index={index}
                version={version}
                preview={preview}
              />
              <OtherNodes
                items={visible.others}
                detail={view.detail}
                selection={view.detail === 'tiny' ? selection : NO_IDS}
                preview={preview}
              />
            </Layer>
            <Layer>
              <Highlights items={highlight} />
              <Selection
                stage={stage}
                camera={camera}
                index={index}
                commands={commands}
                selection={selection}
                readOnly={readOnly}
                mounted={visible}
                detail={view.detail}
              />
              <Group ref={draftRef} listening={false} />
            </Layer>
            <Layer listening={false}>
              {!cursorsHidden && <Cursors session={session} camera={camera} roles={t.roles} />}
            </Layer>
          </Stage>
        )}
        <p id={helpId} className="visually-hidden">
          {t.canvasHelp}
        </p>
        {editing && stage && camera && !readOnly && (
          <TextEditor
            key={`${editing.id}/${editing.field}`}
            editing={editing}
            stage={stage}
            camera={camera}
            index={index}
            commands={commands}
            ui={ui}
            label={t.edit}
            doneLabel={t.done}
            onClose={focusCanvas}
          />
        )}
      </div>
      {camera && !readOnly && (
        <AddButtons camera={camera} index={index} commands={commands} ui={ui} {...size} />
      )}
    </>
  )
}
