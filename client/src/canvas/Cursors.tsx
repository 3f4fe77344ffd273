// Other people's pointers, from awareness: an arrow in their colour with their name and role. The
// cursors keep their screen size at any zoom; the camera rescales them directly, not via React.
import type Konva from 'konva'
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import { Group, Label, Line, Tag, Text } from 'react-konva/lib/ReactKonvaCore'
import type { Strings } from '../i18n.ts'
import type { BoardSession, ParticipantRole } from '../sync/session.ts'
import type { Camera } from './camera.ts'
import { FONT, readableOn } from './theme.ts'

interface RemoteCursor {
  clientId: number
  name: string
  role: string
  color: string
  x: number
  y: number
}

const POINTER = [0, 0, 0, 18, 5, 14, 12, 14]

/** Awareness comes from any peer, so each field is checked before it is drawn. */
function readCursor(clientId: number, state: unknown): RemoteCursor | null {
  if (typeof state !== 'object' || state === null) return null
  const { user, cursor } = state as { user?: unknown; cursor?: unknown }
  if (typeof user !== 'object' || user === null || typeof cursor !== 'object' || !cursor)
    return null
  const { name, role, color } = user as Record<string, unknown>
  const { x, y } = cursor as Record<string, unknown>
  if (typeof name !== 'string' || typeof role !== 'string' || typeof color !== 'string') return null
  if (!/^#[0-9a-fA-F]{6}$/.test(color) || typeof x !== 'number' || typeof y !== 'number')
    return null
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null
  return { clientId, name: name.slice(0, 80), role, color, x, y }
}

function roleName(roles: Strings['roles'], role: string): string {
  return Object.hasOwn(roles, role) ? roles[role as ParticipantRole] : role.slice(0, 40)
}

/** A snapshot of everyone else's cursor that keeps its identity until one of them changes. */
function cursorFeed(session: BoardSession) {
  let key = ''
  let cursors: RemoteCursor[] = []
  return {
    subscribe(listener: () => void) {
      session.awareness.on('change', listener)
      return () => session.awareness.off('change', listener)
    },
    read(): RemoteCursor[] {
      const next: RemoteCursor[] = []
      session.awareness.getStates().forEach((state, clientId) => {
        if (clientId === session.awareness.clientID) return
        const cursor = readCursor(clientId, state)
        if (cursor) next.push(cursor)
      })
      const nextKey = JSON.stringify(next)
      if (nextKey !== key) {
        key = nextKey
        cursors = next
      }
      return cursors
    },
  }
}

export function Cursors({
  session,
  camera,
  roles,
}: {
  session: BoardSession
  camera: Camera | null
  roles: Strings['roles']
}) {
  const feed = useMemo(() => cursorFeed(session), [session])
  const cursors = useSyncExternalStore(feed.subscribe, feed.read)
  const group = useRef<Konva.Group>(null)

  // Rescale on every camera move and after every render (new cursors start at scale 1).
  useEffect(() => {
    if (!camera) return
    const rescale = () => {
      const s = 1 / camera.scale()
      for (const node of group.current?.getChildren() ?? []) node.scale({ x: s, y: s })
    }
    rescale()
    return camera.subscribe(rescale)
  }, [camera, cursors])

  return (
    <Group ref={group} listening={false}>
      {cursors.map((cursor) => (
        <Group key={cursor.clientId} name="cursor" x={cursor.x} y={cursor.y}>
          <Line
            points={POINTER}
            closed
            fill={cursor.color}
            stroke="#ffffff"
            strokeWidth={1.5}
            perfectDrawEnabled={false}
          />
          <Label x={12} y={18}>
            <Tag fill={cursor.color} cornerRadius={4} />
            <Text
              text={
                cursor.name
                  ? `${cursor.name} · ${roleName(roles, cursor.role)}`
                  : roleName(roles, cursor.role)
              }
              fontFamily={FONT}
              fontSize={13}
              padding={4}
              fill={readableOn(cursor.color)}
            />
          </Label>
        </Group>
      ))}
    </Group>
  )
}
