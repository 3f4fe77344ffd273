// The tools: one row of icon buttons floating over the foot of the canvas — what a click or a touch
// on the board does next, plus undo, redo, adding a circle and zoom. On a narrow screen the rarely
// used ones fold into "Meer gereedschap"; on a wide one the same buttons stand in the row. The
// sticky kinds the board's template offers (Top, Tip, Interessant on a tips–tops board) float
// above the row with the sticky tool, the arrow valences with the connect tool (they also restyle
// selected arrows); selected stickies have the selection bar.
import { KindChip } from './KindChip.tsx'
import { useEffect, useId, useMemo, useRef, type RefObject } from 'react'
import {
  STICKY_KINDS,
  stickyKindsOf,
  VALENCE_LABELS,
  VALENCES,
  type Valence,
} from '../../../shared/index.ts'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'
import { useLabel, useStrings } from '../i18n.ts'
import type { BoardCommands } from '../state/commands.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import { useIndexVersion, useItems, useUi } from '../state/hooks.ts'
import { TOOLS, type Tool, type UiState, type UiStore } from '../state/ui.ts'
import type { BoardSession } from '../sync/session.ts'
import { CircleMenu } from './CircleMenu.tsx'
import { Icon, type IconName } from './icons.tsx'
import { usePopover } from './usePopover.ts'
import { useRovingFocus } from './useRovingFocus.ts'
import { TOOL_KEYS } from './useShortcuts.ts'

export const VALENCE_SYMBOLS: Record<Valence, string> = { up: '↗', down: '↘', neutral: '↔' }

const VIEW_TOOLS: readonly Tool[] = ['select', 'hand']
/** Always in the row; the other tools fold into the overflow on a narrow screen. */
const MAIN_TOOLS: ReadonlySet<Tool> = new Set(['select', 'hand', 'sticky', 'connect'])

interface Props {
  session: BoardSession
  index: BoardIndex
  commands: BoardCommands
  ui: UiStore
  readOnly: boolean
  apiRef: RefObject<CanvasApi | null>
  notify(message: string): void
}

const selectTool = (state: UiState) => state.tool
const selectKind = (state: UiState) => state.stickyKind
const selectValence = (state: UiState) => state.valence
const selectSelection = (state: UiState) => state.selection

export function Toolbar({ session, index, commands, ui, readOnly, apiRef, notify }: Props) {
  const t = useStrings()
  const label = useLabel()
  const tool = useUi(ui, selectTool)
  const stickyKind = useUi(ui, selectKind)
  const valence = useUi(ui, selectValence)
  const selection = useUi(ui, selectSelection)
  useIndexVersion(index)
  const items = useItems(index)
  const template = index.meta().template
  const kinds = useMemo(() => stickyKindsOf(template, items), [template, items])
  // A kind the board does not offer (the MDO's plus on a tips–tops board) is not what the sticky
  // tool, or its key, should place: the template's first kind is.
  useEffect(() => {
    const first = kinds[0]
    if (first && !kinds.includes(stickyKind)) ui.set({ stickyKind: first })
  }, [kinds, stickyKind, ui])

  const selected = selection.flatMap((id) => index.get(id) ?? [])
  const arrows = selected.filter((item) => item.type === 'arrow')
  const tools = readOnly ? VIEW_TOOLS : TOOLS
  const pickValence = (next: Valence) => {
    for (const arrow of arrows) commands.setArrowValence(arrow.id, next)
    ui.set({ valence: next })
  }

  const showKinds = !readOnly && tool === 'sticky'
  const showValences = !readOnly && (tool === 'connect' || arrows.length > 0)
  const { open: moreOpen, toggle, close, triggerRef, panelRef } = usePopover()
  const id = useId()
  const bar = useRef<HTMLDivElement>(null)
  useRovingFocus(bar)

  const toolButton = (name: Tool) => {
    const key = TOOL_KEYS[name]
    return (
      <button
        key={name}
        type="button"
        className="tool"
        aria-pressed={tool === name}
        aria-keyshortcuts={key}
        title={key ? `${t.tools[name]} (${t.shortcut(key.toUpperCase())})` : t.tools[name]}
        onClick={() => ui.set({ tool: name, toolLocked: false })}
        onDoubleClick={() => ui.set({ tool: name, toolLocked: true })}
      >
        <Icon name={name} />
        <span className="visually-hidden">{t.tools[name]}</span>
      </button>
    )
  }
  return (
    <div
      ref={bar}
      className="toolbar"
      data-testid="toolbar"
      data-choices={showKinds || showValences}
      role="toolbar"
      aria-label={t.toolbar}
    >
      <div className="tool-group">
        {tools.filter((name) => MAIN_TOOLS.has(name)).map(toolButton)}
      </div>
      {/* Undo, then redo as the first of the folded buttons: side by side on a wide screen. */}
      {!readOnly && (
        <div className="tool-group tools-undo">
          <ActionButton
            icon="undo"
            label={t.undo}
            keys="Control+Z"
            onClick={() => session.undo.undo()}
          />
        </div>
      )}
      <div className="tool-more">
        <button
          ref={triggerRef}
          type="button"
          className="tool tool-more-toggle"
          aria-expanded={moreOpen}
          aria-controls={`${id}-more`}
          title={t.moreTools}
          onClick={toggle}
        >
          <Icon name="more" />
          <span className="visually-hidden">{t.moreTools}</span>
        </button>
        {/* A press on a tool in the folded list picks it and folds the list again. */}
        <div
          id={`${id}-more`}
          ref={panelRef}
          className="tool-more-items"
          data-open={moreOpen}
          onClick={(event) => {
            const button = event.target instanceof Element && event.target.closest('button.tool')
            if (moreOpen && button && !button.hasAttribute('aria-expanded')) close()
          }}
        >
          {!readOnly && (
            <div className="tool-group">
              <ActionButton
                icon="redo"
                label={t.redo}
                keys="Control+Shift+Z Control+Y"
                onClick={() => session.undo.redo()}
              />
            </div>
          )}
          {!readOnly && (
            <div className="tool-group">
              {tools.filter((name) => !MAIN_TOOLS.has(name)).map(toolButton)}
            </div>
          )}
          {!readOnly && (
            <div className="tool-group">
              <CircleMenu
                index={index}
                commands={commands}
                ui={ui}
                apiRef={apiRef}
                notify={notify}
              />
              <ActionButton
                icon="trash"
                label={t.deleteSelection}
                keys="Delete"
                disabled={selection.length === 0}
                onClick={() => {
                  commands.deleteItems(selection)
                  ui.set({ selection: [] })
                }}
              />
            </div>
          )}
          <div className="tool-group">
            <ActionButton
              icon="zoomOut"
              label={t.zoomOut}
              onClick={() => apiRef.current?.zoomBy(1 / 1.25)}
            />
            <ActionButton
              icon="zoomIn"
              label={t.zoomIn}
              onClick={() => apiRef.current?.zoomBy(1.25)}
            />
            <ActionButton
              icon="fit"
              label={t.zoomToFit}
              onClick={() => apiRef.current?.zoomToFit()}
            />
          </div>
        </div>
      </div>
      {showKinds && (
        <div className="tool-choices" role="group" aria-label={t.stickyKind}>
          {kinds.map((kind) => {
            const style = STICKY_KINDS[kind]
            return (
              <button
                key={kind}
                type="button"
                className="choice"
                aria-pressed={stickyKind === kind}
                onClick={() => ui.set({ stickyKind: kind })}
              >
                <KindChip kind={kind} />
                {label(style.label)}
              </button>
            )
          })}
        </div>
      )}
      {showValences && (
        <div className="tool-choices" role="group" aria-label={t.valence}>
          {VALENCES.map((name) => {
            const current =
              arrows.length > 0 ? arrows.every((a) => a.valence === name) : valence === name
            return (
              <button
                key={name}
                type="button"
                className={`choice valence-${name}`}
                aria-pressed={current}
                onClick={() => pickValence(name)}
              >
                <span className="valence-symbol" aria-hidden="true">
                  {VALENCE_SYMBOLS[name]}
                </span>
                {label(VALENCE_LABELS[name])}
              </button>
            )
          })}
        </div>
      )}
    </div>
  )
}

interface ActionProps {
  icon: IconName
  label: string
  keys?: string
  disabled?: boolean
  onClick: () => void
}

function ActionButton({ icon, label, keys, disabled, onClick }: ActionProps) {
  return (
    <button
      type="button"
      className="tool"
      aria-keyshortcuts={keys}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
      <span className="visually-hidden">{label}</span>
    </button>
  )
}
