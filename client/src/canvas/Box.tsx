// A numbered box beside the circles: 1 Vragen lists its questions, 5 Afspraken its agreements
// (wat, with hoe, wie and wanneer below), or a column of a workshop sheet. Its title and the words
// around the rows are in the reader's language. Rows are laid out compactly here, not at their own
// x/y, so the box reads like the list on the flip-over; each row is still its own item node.
import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva/lib/ReactKonvaCore'
import {
  AGREEMENT_FIELD_LABELS,
  shownLabel,
  type AgreementItem,
  type AgreementStatus,
  type BoxItem,
  type Item,
  type Lang,
  type QuestionItem,
} from '../../../shared/index.ts'
import { useLang } from '../i18n.ts'
import { NumberBadge } from './NumberBadge.tsx'
import { BOX_COLORS, FONT, INK, MUTED, PAPER } from './theme.ts'

// Sizes in board units, for 11 px or more on screen (the title 14) where a laptop opens the board.
export const BOX_LABEL_SIZE = 44
export const ROW_FONT_SIZE = 26
const DETAIL_FONT_SIZE = 23
const HEADER = 80
const PAD = 20
const ROW = 84
const GAP = 8
const NUMBER_RADIUS = 32

const STATUS_GLYPHS: Record<AgreementStatus, string> = {
  open: '○',
  done: '✓',
  'not-done': '✗',
  continue: '↻',
}

export const Box = memo(function Box({ item, rows }: { item: BoxItem; rows: readonly Item[] }) {
  const lang = useLang()
  const colors = BOX_COLORS[item.role]
  const listed = rows.filter(
    (row): row is AgreementItem | QuestionItem =>
      row.type === 'agreement' || row.type === 'question',
  )
  const room = Math.max(0, Math.floor((item.h - HEADER - PAD + GAP) / (ROW + GAP)))
  // When the list overflows, the last slot says how many more there are.
  const shown = listed.length > room ? listed.slice(0, Math.max(0, room - 1)) : listed
  const hidden = listed.length - shown.length
  const hasNumber = item.number !== undefined
  const labelX = hasNumber ? PAD + 2 * NUMBER_RADIUS + 12 : PAD
  return (
    <Group id={item.id} name="item box" x={item.x} y={item.y}>
      <Rect
        name="item-body"
        width={item.w}
        height={item.h}
        fill={colors.fill}
        stroke={colors.stroke}
        strokeWidth={4}
        cornerRadius={12}
        perfectDrawEnabled={false}
      />
      {item.number !== undefined && (
        <NumberBadge
          x={PAD + NUMBER_RADIUS}
          y={HEADER / 2}
          radius={NUMBER_RADIUS}
          number={item.number}
          color={colors.stroke}
          fontSize={36}
        />
      )}
      <Text
        name="box-label item-handle"
        x={labelX}
        y={HEADER / 2 - BOX_LABEL_SIZE / 2}
        width={Math.max(0, item.w - labelX - PAD)}
        text={shownLabel(item, lang)}
        fontFamily={FONT}
        fontSize={BOX_LABEL_SIZE}
        fontStyle="bold"
        fill={colors.stroke}
        wrap="none"
        ellipsis
        perfectDrawEnabled={false}
      />
      {shown.map((row, i) => (
        <Row
          key={row.id}
          row={row}
          y={HEADER + i * (ROW + GAP)}
          width={item.w - 2 * PAD}
          lang={lang}
        />
      ))}
      {hidden > 0 && (
        <Text
          x={PAD}
          y={HEADER + shown.length * (ROW + GAP) + ROW / 2 - 12}
          text={`+${hidden}`}
          fontFamily={FONT}
          fontSize={26}
          fontStyle="bold"
          fill={MUTED}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
})

const Row = memo(function Row({
  row,
  y,
  width,
  lang,
}: {
  row: AgreementItem | QuestionItem
  y: number
  width: number
  lang: Lang
}) {
  const glyph =
    row.type === 'agreement' ? STATUS_GLYPHS[row.status] : row.decisionNeeded ? '⚖' : '?'
  const main = row.type === 'agreement' ? row.wat : row.text
  const detail =
    row.type === 'agreement'
      ? // Who and when first: a long hoe is what the ellipsis may cut.
        [
          row.wie && `${AGREEMENT_FIELD_LABELS.wie[lang]}: ${row.wie}`,
          row.wanneer && `${AGREEMENT_FIELD_LABELS.wanneer[lang]}: ${row.wanneer}`,
          row.hoe && `${AGREEMENT_FIELD_LABELS.hoe[lang]}: ${row.hoe}`,
        ]
          .filter(Boolean)
          .join(' · ')
      : row.askedBy && `— ${row.askedBy}`
  const textWidth = Math.max(0, width - 60)
  return (
    <Group id={row.id} name={`item ${row.type}`} x={PAD} y={y}>
      <Rect
        name="item-body"
        width={width}
        height={ROW}
        fill={PAPER}
        stroke="#dee2e6"
        strokeWidth={1}
        cornerRadius={6}
        perfectDrawEnabled={false}
      />
      <Text
        x={8}
        y={0}
        width={36}
        height={ROW}
        text={glyph}
        fontFamily={FONT}
        fontSize={28}
        fill={INK}
        align="center"
        verticalAlign="middle"
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        name={`${row.type}-text`}
        x={52}
        y={detail ? 8 : 10}
        width={textWidth}
        height={detail ? ROW_FONT_SIZE * 1.2 : ROW - 16}
        text={main}
        fontFamily={FONT}
        fontSize={ROW_FONT_SIZE}
        fill={INK}
        wrap={detail ? 'none' : 'word'}
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
      {detail && (
        <Text
          name="row-detail"
          x={52}
          y={8 + ROW_FONT_SIZE * 1.2 + 6}
          width={textWidth}
          text={detail}
          fontFamily={FONT}
          fontSize={DETAIL_FONT_SIZE}
          fill={MUTED}
          wrap="none"
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
})
