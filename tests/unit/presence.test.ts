// The relay's presence registry on its own: who holds a client id, what a state may be, and what
// leaving announces. The trust suite (tests/trust/presence.test.ts) tries the same over sockets.
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  AwarenessRegistry,
  encodePresence,
  readPresence,
  type PresenceEntry,
} from '../../server/relay/awareness.ts'
import { ProtocolError } from '../../server/relay/protocol.ts'
import { isPresenceState } from '../../shared/presence.ts'

const entry = (clientId: number, clock: number, state: unknown): PresenceEntry => ({
  clientId,
  clock,
  state: new TextEncoder().encode(JSON.stringify(state)),
})

/** What a stock y-protocols client makes of an update: the states it then shows. */
function shown(...updates: Uint8Array[]): Map<number, unknown> {
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState(null)
  for (const update of updates) applyAwarenessUpdate(awareness, update, 'relay')
  return awareness.getStates()
}

describe('presence registry', () => {
  it('applies only the ids a holder claimed first, and leaving removes only those', () => {
    const registry = new AwarenessRegistry<string>()
    const anna = entry(1, 1, { user: { name: 'Anna' } })
    expect(registry.apply([anna], 'voorzitter', true)).toEqual([anna])
    const forged = [entry(1, 9, { user: { name: 'Mallory' } }), entry(1, 10, null)]
    const own = entry(2, 1, { user: { name: 'Bezoeker' } })
    expect(registry.apply([...forged, own], 'view', true)).toEqual([own])
    expect(registry.ownerOf(1)).toBe('voorzitter')

    const removal = registry.release([1, 2], 'view')
    expect([...shown(registry.encodeAll()!).entries()]).toEqual([[1, { user: { name: 'Anna' } }]])
    expect(shown(encodePresence([own]), encodePresence(removal)).has(2)).toBe(false)
    expect(registry.ownerOf(2)).toBeUndefined()
  })

  it('keeps a socket its ids after it sets them to null; another process lets them go', () => {
    const registry = new AwarenessRegistry<string>()
    registry.apply([entry(5, 1, {}), entry(5, 2, null)], 'socket', true)
    expect(registry.size).toBe(0)
    expect(registry.ownerOf(5)).toBe('socket')
    registry.apply([entry(6, 1, {}), entry(6, 2, null)], 'elsewhere', false)
    expect(registry.ownerOf(6)).toBeUndefined()
  })
})

describe('readPresence', () => {
  const message = (entries: PresenceEntry[]) => encodePresence(entries)

  it('refuses more entries than allowed before reading any of them', () => {
    const many = Array.from({ length: 9 }, (_, i) => entry(i, 1, {}))
    expect(() => readPresence(message(many), 8)).toThrow(ProtocolError)
    expect(readPresence(message(many.slice(0, 8)), 8)).toHaveLength(8)
  })

  it('reads what a stock client sends', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ user: { name: 'Juf Anna', role: 'leerkracht', color: '#123456' } })
    const update = encodeAwarenessUpdate(awareness, [awareness.clientID])
    expect(readPresence(update, 8)[0]?.clientId).toBe(awareness.clientID)
  })

  it.each([
    ['{"user":{"name":"Anna","role":"ib","color":"#aa3300"},"cursor":{"x":1,"y":-2}}', true],
    ['{"user":null,"cursor":null}', true],
    ['{"user":null,"cursor":null,"seat":"Qw3_rT-9xYzA1b2C"}', true],
    ['{"seat":"kort"}', false],
    ['{}', true],
    ['null', true],
    ['{"user":{"name":"Anna","color":"red"}}', false],
    ['{"user":{"name":"Anna"},"extra":1}', false],
    ['{"cursor":{"x":1}}', false],
    ['[1]', false],
    ['"text"', false],
    ['{"user":', false],
  ])('%s is a presence state: %s', (json, expected) => {
    expect(isPresenceState(json)).toBe(expected)
  })
})
