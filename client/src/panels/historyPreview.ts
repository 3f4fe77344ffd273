// What the history panel shows of one version: its points per circle and box (by ownership, as
// the outline and the report group them), the points on no circle, its questions and agreements.
import type {
  AgreementItem,
  ContainerItem,
  Item,
  QuestionItem,
  StickyItem,
} from '../../../shared/index.ts'

export interface PreviewGroup {
  /** Null: the stickies that belong to no circle or box. */
  container: ContainerItem | null
  stickies: StickyItem[]
}

export interface PreviewContent {
  groups: PreviewGroup[]
  questions: QuestionItem[]
  agreements: AgreementItem[]
}

/** Circles are listed even when empty (they are the method); boxes and the rest when they hold points. */
export function previewContent(items: readonly Item[]): PreviewContent {
  const byContainer = new Map<string | null, StickyItem[]>()
  const containers: ContainerItem[] = []
  const questions: QuestionItem[] = []
  const agreements: AgreementItem[] = []
  for (const item of items) {
    if (item.type === 'circle' || item.type === 'box') containers.push(item)
    else if (item.type === 'question') questions.push(item)
    else if (item.type === 'agreement') agreements.push(item)
    else if (item.type === 'sticky') {
      const key = item.parent ?? null
      byContainer.set(key, [...(byContainer.get(key) ?? []), item])
    }
  }
  const known = new Set<string | null>(containers.map((container) => container.id))
  const groups: PreviewGroup[] = containers
    .filter((container) => container.type === 'circle' || byContainer.has(container.id))
    .sort(byNumber)
    .map((container) => ({ container, stickies: byContainer.get(container.id) ?? [] }))
  // A parent that is not a circle or box reads as no parent: such points are loose too.
  const loose = [...byContainer].flatMap(([key, stickies]) => (known.has(key) ? [] : stickies))
  if (loose.length > 0) groups.push({ container: null, stickies: loose })
  return { groups, questions, agreements }
}

// The method's numbers first (1 Vragen, 2 Kind, …), then the rest in board order.
const byNumber = (a: ContainerItem, b: ContainerItem) =>
  (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER)
