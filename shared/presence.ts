// What a participant's presence may hold: who they are (name, role, colour), where their
// pointer is, and the device's seat (shared/attendance.ts). The relay stores and forwards nothing else, so no client can push other data (or
// megabytes of it) to every screen through presence.
import { z } from 'zod'

/** Bytes of one presence state as JSON text: the shape below fits in a fraction of this. */
export const MAX_PRESENCE_BYTES = 2 * 1024

const coordinate = z.number().min(-1e9).max(1e9)

export const presenceUserSchema = z.strictObject({
  name: z.string().max(80).optional(),
  role: z.string().max(40).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
})

export const presenceStateSchema = z.strictObject({
  user: presenceUserSchema.nullable().optional(),
  cursor: z.strictObject({ x: coordinate, y: coordinate }).nullable().optional(),
  /** The device's random seat at the board, by which the voorzitter records who was there. */
  seat: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
})

export type PresenceState = z.infer<typeof presenceStateSchema>

/** A presence state as JSON text, or null (the client left): whether the relay may keep it. */
export function isPresenceState(json: string): boolean {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return false
  }
  return value === null || presenceStateSchema.safeParse(value).success
}
