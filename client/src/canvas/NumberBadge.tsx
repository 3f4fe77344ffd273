// The numbered disc of the method (1 Vragen, 2 Kind, 3 School, 4 Thuis, 5 Afspraken). It is also
// a drag handle: pressing it moves its circle or box.
import { Circle as KonvaCircle, Group, Text } from 'react-konva/lib/ReactKonvaCore'
import { FONT } from './theme.ts'

interface Props {
  x: number
  y: number
  radius: number
  number: number
  color: string
  fontSize: number
}

export function NumberBadge({ x, y, radius, number, color, fontSize }: Props) {
  return (
    <Group name="item-handle" x={x} y={y}>
      <KonvaCircle name="item-handle" radius={radius} fill={color} perfectDrawEnabled={false} />
      <Text
        x={-radius}
        y={-radius}
        width={2 * radius}
        height={2 * radius}
        text={String(number)}
        fontFamily={FONT}
        fontSize={fontSize}
        fontStyle="bold"
        fill="#ffffff"
        align="center"
        verticalAlign="middle"
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  )
}
