// The selection frame: a Konva Transformer around the selected items' nodes. One sticky, shape,
// circle or box gets resize handles; a circle stays round. A resize is one resizeItem command.
import type Konva from 'konva'
import { useEffect, useRef } from 'react'
import { Transformer } from 'react-konva/lib/ReactKonvaCore'
import type { Item, ItemId } from '../../../shared/index.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import type { BoardCommands } from '../state/commands.ts'
import type { Camera, Detail } from './camera.ts'
import { itemNodes } from './hitTest.ts'
import { SELECTION } from './theme.ts'

const RESIZABLE: ReadonlySet<Item['type']> = new Set(['sticky', 'shape', 'circle', 'box'])
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right']
const ALL_ANCHORS = [...CORNERS, 'top-center', 'bottom-center', 'middle-left', 'middle-right']
const MIN_SIZE = 24
/** Below this size on screen an item gets a frame but no resize handles. */
const MIN_HANDLES_SIZE = 24
/** Below this size on screen only the corner handles show. */
const ALL_HANDLES_SIZE = 64

/** A line may be flat in one direction; anything else needs room in both. */
function tooSmall(item: Item | undefined, width: number, height: number): boolean {
  const w = Math.abs(width)
  const h = Math.abs(height)
  if (item?.type === 'shape' && (item.shape === 'line' || item.shape === 'arrow')) {
    return Math.max(w, h) < MIN_SIZE
  }
  return w < MIN_SIZE || h < MIN_SIZE
}

interface Props {
  stage: Konva.Stage | null
  camera: Camera | null
  index: BoardIndex
  commands: BoardCommands
  selection: readonly ItemId[]
  readOnly: boolean
  /** Change whenever the mounted nodes may have changed, so the frame re-attaches. */
  mounted: unknown
  detail: Detail
}

export function Selection({
  stage,
  camera,
  index,
  commands,
  selection,
  readOnly,
  mounted,
  detail,
}: Props) {
  const ref = useRef<Konva.Transformer>(null)
  const single = selection.length === 1 && selection[0] ? index.get(selection[0]) : undefined
  const resizable = !readOnly && single !== undefined && RESIZABLE.has(single.type)
  const round = single?.type === 'circle'

  useEffect(() => {
    const transformer = ref.current
    if (!transformer || !stage) return
    const nodes = itemNodes(stage)
    transformer.nodes(selection.flatMap((id) => nodes.get(id) ?? []))
    transformer.getLayer()?.batchDraw()
  }, [stage, selection, mounted, detail])

  // Handles on an item only a few pixels big would cover it and swallow every press on it; a
  // small one gets its corners only, so its middle stays free to grab.
  useEffect(() => {
    const transformer = ref.current
    if (!transformer || !camera) return
    const update = () => {
      const box = transformer.nodes()[0]?.getClientRect({ skipStroke: true })
      const side = box ? Math.min(box.width, box.height) : 0
      const enabled = resizable && side >= MIN_HANDLES_SIZE
      const anchors = round || side < ALL_HANDLES_SIZE ? CORNERS : ALL_ANCHORS
      if (transformer.resizeEnabled() !== enabled) transformer.resizeEnabled(enabled)
      if (transformer.enabledAnchors().length !== anchors.length) {
        transformer.enabledAnchors(anchors)
      }
    }
    update()
    return camera.subscribe(update)
  }, [camera, resizable, round, selection, mounted, detail])

  const onTransformEnd = () => {
    const transformer = ref.current
    for (const node of transformer?.nodes() ?? []) {
      const id = node.id() as ItemId
      const item = index.get(id)
      if (!item) continue
      const bounds = {
        x: Math.round(node.x()),
        y: Math.round(node.y()),
        w: Math.round(item.w * node.scaleX()),
        h: Math.round(item.h * node.scaleY()),
      }
      node.scale({ x: 1, y: 1 })
      commands.resizeItem(id, bounds)
      // Show what the board holds now: the new size, or the old one if the resize was refused.
      const after = index.get(id)
      if (after) node.position({ x: after.x, y: after.y })
    }
  }

  return (
    <Transformer
      ref={ref}
      rotateEnabled={false}
      flipEnabled={false}
      ignoreStroke
      keepRatio={round}
      anchorSize={14}
      anchorCornerRadius={3}
      anchorStroke={SELECTION}
      borderStroke={SELECTION}
      borderStrokeWidth={2}
      boundBoxFunc={(old, next) => (tooSmall(single, next.width, next.height) ? old : next)}
      onTransformEnd={onTransformEnd}
    />
  )
}
