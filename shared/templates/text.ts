// The words a template wrote on a board, shown in the reader's language. The document keeps what
// was written (the Dutch, for a board made in Dutch) with the item's role; a reader sees the same
// word in their own language as long as it is still the template's, and a renamed one as typed.
import { BOX_ROLE_LABELS, CIRCLE_ROLE_LABELS, type Label, type Lang } from '../labels.ts'
import type { BoxItem, CircleItem, LabelItem } from '../schema.ts'
import { TEMPLATE_PART_LABELS } from './labels.ts'
import { wrapText } from './parts.ts'
import { PLAN_LABELS } from './plan.ts'
import { ROUTE_LABELS } from './route.ts'

/** Line breaks and runs of spaces do not make a text another: hints are stored wrapped. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim()

function catalogue(labels: readonly Label[]): ReadonlyMap<string, Label> {
  const byText = new Map<string, Label>()
  for (const label of labels) {
    byText.set(normal(label.nl), label)
    byText.set(normal(label.en), label)
  }
  return byText
}

const CIRCLE_TEXTS = catalogue(Object.values(CIRCLE_ROLE_LABELS))
/** What boxes and free texts of the templates say: titles, columns, areas, hints, row names. */
const PART_TEXTS = catalogue([
  BOX_ROLE_LABELS.questions,
  BOX_ROLE_LABELS.agreements,
  ...Object.values(TEMPLATE_PART_LABELS),
  ...ROUTE_LABELS,
  ...PLAN_LABELS,
])

/** The template's label a text is, in either language; undefined for a text someone typed. */
export function templateLabelOf(type: 'circle' | 'box' | 'label', text: string): Label | undefined {
  return (type === 'circle' ? CIRCLE_TEXTS : PART_TEXTS).get(normal(text))
}

/**
 * A circle's or box's title, or a free text, as `lang` reads it: the template's word in that
 * language while it is the template's, else exactly as typed. A free text keeps the line width
 * it was wrapped at.
 */
export function shownLabel(item: CircleItem | BoxItem | LabelItem, lang: Lang): string {
  const text = item.type === 'label' ? item.text : item.label
  const label = templateLabelOf(item.type, text)
  if (!label) return text
  if (label.nl === label.en || text === label[lang]) return text
  if (item.type !== 'label' || !text.includes('\n')) return label[lang]
  const width = Math.max(...text.split('\n').map((line) => line.length))
  return wrapText(label[lang], width)
}

/**
 * One key for a title in either language, so "Interesting" on one board finds "Interessant" on
 * another; a title someone typed is its own key, compared without case or extra spaces.
 */
export function labelKey(text: string): string {
  const label = PART_TEXTS.get(normal(text)) ?? CIRCLE_TEXTS.get(normal(text))
  return label ? `template:${label.nl}` : normal(text).toLowerCase()
}
