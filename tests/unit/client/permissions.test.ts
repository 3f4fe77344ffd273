// What a person may do, read from a real control document as the facilitator set it: the link's
// role, a refused link, an ended meeting, a locked board and a private round being written.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  endMeeting,
  lockBoard,
  readControl,
  revealRound,
  startRound,
} from '../../../shared/index.ts'
import { derivePermissions } from '../../../client/src/state/permissions.ts'
import type { AccessRole } from '../../../client/src/sync/session.ts'

const roles: AccessRole[] = ['view', 'edit', 'facilitator']

function controlAfter(change: (doc: Y.Doc) => void = () => {}) {
  const doc = new Y.Doc()
  change(doc)
  return readControl(doc).control
}

const may = (role: AccessRole, control = controlAfter(), refused = false) =>
  derivePermissions({ role, refused, control })

describe('permissions', () => {
  it('an open board: the links write as their role says', () => {
    expect(roles.map((role) => [may(role).edit, may(role).vote, may(role).lead])).toEqual([
      [false, false, false],
      [true, true, false],
      [true, true, true],
    ])
    expect(may('view').readOnly).toBe('view')
  })

  it('a locked board keeps a participant from editing, not from voting', () => {
    const locked = controlAfter((doc) => lockBoard(doc, true))
    expect(may('edit', locked)).toMatchObject({ edit: false, vote: true, readOnly: 'locked' })
    expect(may('facilitator', locked)).toMatchObject({ edit: true, readOnly: null })
  })

  it('an ended meeting takes nothing more from a participant, the facilitator still writes', () => {
    const ended = controlAfter((doc) => endMeeting(doc, 1000))
    expect(may('edit', ended)).toMatchObject({
      edit: false,
      vote: false,
      publish: false,
      readOnly: 'ended',
    })
    expect(may('facilitator', ended)).toMatchObject({ edit: true, vote: true, publish: true })
  })

  it('a refused link writes nothing, whatever its role', () => {
    for (const role of ['edit', 'facilitator'] as const) {
      expect(may(role, controlAfter(), true)).toMatchObject({ edit: false, readOnly: 'refused' })
    }
  })

  it('a private round is being written until its reveal, for everyone who writes', () => {
    const writing = controlAfter((doc) =>
      startRound(doc, { id: 'r1', private: true, anonymous: false, now: 1000 }),
    )
    expect(may('edit', writing).privateRound?.id).toBe('r1')
    expect(may('facilitator', writing).privateRound?.id).toBe('r1')
    expect(may('view', writing).privateRound).toBeNull()
    const revealed = controlAfter((doc) => {
      startRound(doc, { id: 'r1', private: true, anonymous: false, now: 1000 })
      revealRound(doc, 2000)
    })
    expect(may('edit', revealed).privateRound).toBeNull()
    const open = controlAfter((doc) =>
      startRound(doc, { id: 'r2', private: false, anonymous: false, now: 1000 }),
    )
    expect(may('edit', open).privateRound).toBeNull()
  })
})
