// The whole board as headings and lists, in the sections its template has: per circle its
// markers grouped by kind, the interaction arrows, the questions (1), the agreements (5), per
// column or area its stickies, then the rest. What a screen reader or keyboard user reads and
// edits instead of the canvas, and what the e2e tests read. A section the template does not have
// appears once something is in it, so nothing on the board is left out.
import { KindChip } from './KindChip.tsx'
import { useId, useMemo, useState, type ReactNode, type RefObject } from 'react'
import {
  ITEM_TYPE_LABELS,
  placeInContainer,
  showsSection,
  isContainer,
  shownLabel,
  STICKY_KIND_VALUES,
  STICKY_KINDS,
  STICKY_SIZE,
  type BoxItem,
  type CircleItem,
  type Item,
  type ItemId,
  type OutlineSection,
  type StickyKind,
} from '../../../shared/index.ts'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'
import { useLang, useStrings, type Strings } from '../i18n.ts'
import type { BoardCommands } from '../state/commands.ts'
import type { BoardIndex } from '../state/boardIndex.ts'
import { useItems } from '../state/hooks.ts'
import type { UiStore } from '../state/ui.ts'
import { mainText, OutlineItem, type OutlineContext } from './OutlineItem.tsx'
import { OutlineRows } from './OutlineRows.tsx'

/** The markers of the three-circle method, in the order the method discusses them. */
const CIRCLE_KINDS: readonly StickyKind[] = ['plus', 'minus', 'question', 'goal', 'need']

interface Props {
  index: BoardIndex
  commands: BoardCommands
  ui: UiStore
  readOnly: boolean
  apiRef?: RefObject<CanvasApi | null>
}

interface ContainerSection<T extends CircleItem | BoxItem> {
  container: T
  /** Its stickies per kind, in the order of STICKY_KIND_VALUES; kinds it has none of left out. */
  kinds: { kind: StickyKind; items: Item[] }[]
  /** Its other children. */
  rest: Item[]
}

interface Sections {
  circles: ContainerSection<CircleItem>[]
  arrows: Item[]
  questions: Item[]
  agreements: Item[]
  /** The boxes whose lists the questions and agreements are, when the board has them. */
  lists: { questions?: BoxItem; agreements?: BoxItem }
  /** Columns and areas, in reading order. */
  areas: ContainerSection<BoxItem>[]
  other: Item[]
}

function containerSection<T extends CircleItem | BoxItem>(
  container: T,
  children: readonly Item[],
): ContainerSection<T> {
  const kinds = STICKY_KIND_VALUES.map((kind) => ({
    kind,
    items: children.filter((child) => child.type === 'sticky' && child.kind === kind),
  })).filter((group) => group.items.length > 0)
  return { container, kinds, rest: children.filter((child) => child.type !== 'sticky') }
}

const isList = (item: Item): item is BoxItem =>
  item.type === 'box' && (item.role === 'questions' || item.role === 'agreements')

/** Built once per change of the board, so the lists keep their identity between other renders. */
function sectionsOf(items: readonly Item[], childrenOf: (id: ItemId) => readonly Item[]): Sections {
  const circles = items
    .filter((item): item is CircleItem => item.type === 'circle')
    .sort((a, b) => (a.number ?? 99) - (b.number ?? 99))
  // Top to bottom, then left to right: columns side by side, the route's levels from the apex.
  const areas = items
    .filter((item): item is BoxItem => item.type === 'box' && !isList(item))
    .sort((a, b) => a.y - b.y || a.x - b.x)
  const owners = new Set<string>([...circles, ...areas].map((container) => container.id))
  const sections: Sections = {
    circles: circles.map((circle) => containerSection(circle, childrenOf(circle.id))),
    arrows: [],
    questions: [],
    agreements: [],
    lists: {},
    areas: areas.map((area) => containerSection(area, childrenOf(area.id))),
    other: [],
  }
  for (const item of items) {
    if (item.type === 'circle' || owners.has(item.id)) continue
    if (item.type === 'arrow') sections.arrows.push(item)
    else if (item.type === 'question') sections.questions.push(item)
    else if (item.type === 'agreement') sections.agreements.push(item)
    else if (item.parent !== undefined && owners.has(item.parent)) continue
    // Boxes for questions and agreements are the headings of their sections, not items.
    else if (isList(item)) sections.lists[item.role as 'questions' | 'agreements'] ??= item
    else sections.other.push(item)
  }
  return sections
}

export function Outline({ index, commands, ui, readOnly, apiRef }: Props) {
  const t = useStrings()
  const lang = useLang()
  const hintId = useId()
  const items = useItems(index)
  const [editing, setEditing] = useState<ItemId | null>(null)
  const [active, setActive] = useState<ItemId | null>(null)
  // `items` changes with every change to the board, and so do the children the index keeps.
  const sections = useMemo(() => sectionsOf(items, (id) => index.childrenOf(id)), [items, index])
  const ctx = useMemo<OutlineContext>(
    () => ({
      t,
      lang,
      hintId,
      commands,
      ui,
      readOnly,
      setEditing,
      setActive,
      places: () =>
        index
          .all()
          .filter(isContainer)
          .map((place) => ({ id: place.id, label: shownLabel(place, lang) })),
    }),
    [t, lang, hintId, commands, ui, readOnly, index],
  )

  const template = index.meta().template
  const nameOf = (id: ItemId) => {
    const item = index.get(id)
    if (!item) return '?'
    if (item.type === 'circle' || item.type === 'box') return shownLabel(item, lang)
    return mainText(item).text || ITEM_TYPE_LABELS[item.type][lang]
  }

  const addMarker = (circle: CircleItem, kind: StickyKind) => {
    const found = index.search({
      minX: circle.x,
      minY: circle.y,
      maxX: circle.x + circle.w,
      maxY: circle.y + circle.h,
    })
    // The free spot nearest the centre (placeFree), as a reveal picks it: keyboard users build
    // the same board as people dragging stickies. A full circle's marker goes just over its edge.
    const held = found.filter((item) => item.id !== circle.id && item.type !== 'arrow')
    const [at = circle] = placeInContainer(circle, held, STICKY_SIZE)
    const id = commands.addSticky({ kind, x: at.x, y: at.y, parent: circle.id })
    if (id) {
      setEditing(id)
      ui.set({ selection: [id] })
      apiRef?.current?.centerOn(id)
    }
  }

  const row = (item: Item, ends?: string) => (
    <OutlineItem
      key={item.id}
      item={item}
      ctx={ctx}
      ends={ends}
      active={active === item.id}
      editing={editing === item.id}
    />
  )

  /**
   * A circle's or an area's stickies by kind, and what else it holds: after them in a circle, and
   * before them in an area, whose texts are the template's question that its stickies answer.
   */
  const contents = ({ container, kinds, rest }: ContainerSection<CircleItem | BoxItem>) => {
    const others = rest.length > 0 && <OutlineRows items={rest} row={(item) => row(item)} />
    return (
      <>
        {kinds.length === 0 && rest.length === 0 && <p className="hint">{t.nothingYet}</p>}
        {container.type === 'box' && others}
        {kinds.map(({ kind, items }) => (
          <div key={kind} className="kind-group">
            <h4>
              <span aria-hidden="true">{STICKY_KINDS[kind].symbol} </span>
              {STICKY_KINDS[kind].label[lang]}
            </h4>
            <OutlineRows items={items} row={(item) => row(item)} />
          </div>
        ))}
        {container.type === 'circle' && others}
      </>
    )
  }
  const numbered = (box: BoxItem | undefined, fallback: string) =>
    box ? `${box.number === undefined ? '' : `${box.number}. `}${shownLabel(box, lang)}` : fallback
  const { lists } = sections
  const shows = (section: OutlineSection, count: number) => showsSection(template, section, count)

  return (
    <section className="outline" data-testid="outline" aria-label={t.outlineTitle}>
      {!readOnly && (
        <p id={hintId} className="hint">
          {t.editHint}
        </p>
      )}
      {sections.circles.map((section) => {
        const circle = section.container
        const title = shownLabel(circle, lang)
        return (
          <section key={circle.id} className="outline-circle" data-circle-id={circle.id}>
            <h3>
              {circle.number !== undefined && `${circle.number}. `}
              {title}
            </h3>
            {!readOnly && (
              <div className="add-row" role="group" aria-label={t.addIn(title)}>
                <span className="add-caption" aria-hidden="true">
                  {t.addCaption}
                </span>
                {CIRCLE_KINDS.map((kind) => {
                  const style = STICKY_KINDS[kind]
                  return (
                    <button
                      key={kind}
                      type="button"
                      className="small add"
                      aria-label={t.addTo(style.label[lang], title)}
                      onClick={() => addMarker(circle, kind)}
                    >
                      <KindChip kind={kind} />
                      {style.label[lang]}
                    </button>
                  )
                })}
              </div>
            )}
            {contents(section)}
          </section>
        )
      })}
      {shows('interactions', sections.arrows.length) && (
        <ItemSection
          title={t.interactions}
          items={sections.arrows}
          t={t}
          row={row}
          ends={(item) =>
            item.type === 'arrow' ? `${nameOf(item.from)} → ${nameOf(item.to)}` : undefined
          }
        />
      )}
      {shows('questions', sections.questions.length + (lists.questions ? 1 : 0)) && (
        <ItemSection
          title={numbered(lists.questions, t.questions)}
          items={sections.questions}
          t={t}
          row={row}
        />
      )}
      {shows('agreements', sections.agreements.length + (lists.agreements ? 1 : 0)) && (
        <ItemSection
          title={numbered(lists.agreements, t.agreements)}
          items={sections.agreements}
          t={t}
          row={row}
        />
      )}
      {sections.areas.map((section) => (
        <section
          key={section.container.id}
          className="outline-section outline-area"
          data-area-id={section.container.id}
        >
          <h3>{numbered(section.container, '')}</h3>
          {contents(section)}
        </section>
      ))}
      {sections.other.length > 0 && (
        <ItemSection title={t.otherItems} items={sections.other} t={t} row={row} />
      )}
    </section>
  )
}

interface SectionProps {
  title: string
  items: readonly Item[]
  t: Strings
  row(item: Item, ends?: string): ReactNode
  ends?: (item: Item) => string | undefined
}

function ItemSection({ title, items, t, row, ends }: SectionProps) {
  return (
    <section className="outline-section">
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="hint">{t.nothingYet}</p>
      ) : (
        <OutlineRows items={items} row={(item) => row(item, ends?.(item))} />
      )}
    </section>
  )
}
