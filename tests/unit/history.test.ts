// The pieces of history that need no relay: copying a version's content onto a live doc (what a
// restore writes) and which old versions a long-lived board lets go.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { copyContent } from '../../server/history/copyDoc.ts'
import { versionsToThin } from '../../server/history/thinning.ts'
import type { VersionInfo } from '../../server/store/types.ts'
import {
  addSticky,
  createBoard,
  deleteItems,
  itemsMap,
  readBoard,
  setText,
  setTitle,
  type ItemId,
} from '../../shared/index.ts'

/** Two peers of one board: `live` goes on after `version` was taken from it. */
function twoPeers() {
  const live = new Y.Doc()
  createBoard(live, { template: 'mdo', title: 'MDO Sam', now: 1 })
  const ids = ['Leest graag 📚', 'Helpt anderen'].map((text, i) =>
    addSticky(live, { kind: 'plus', x: i * 200, y: 0, text }),
  )
  const version = new Y.Doc()
  Y.applyUpdate(version, Y.encodeStateAsUpdate(live))
  return { live, version, ids }
}

function restore(version: Y.Doc, live: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  live.on('update', (update: Uint8Array) => updates.push(update))
  live.transact((transaction) => copyContent(version, live, transaction))
  return updates
}

const board = (doc: Y.Doc) => {
  const { meta, items } = readBoard(doc)
  return { meta, items }
}

describe('copyContent', () => {
  it('makes the live board equal to the version: deleted items back, edits undone, additions gone', () => {
    const { live, version, ids } = twoPeers()
    deleteItems(live, [ids[0]!])
    setText(live, ids[1]!, 'text', 'Helpt anderen niet 😀')
    setTitle(live, 'weg')
    const added = addSticky(live, { kind: 'minus', x: 0, y: 400, text: 'nieuw' })
    live.getMap('votes').set('v1/device', [ids[1]])

    restore(version, live)
    expect(board(live)).toEqual(board(version))
    expect(itemsMap(live).has(added)).toBe(false)
    expect(live.getMap('votes').size).toBe(0)
  })

  it('leaves equal items alone and edits a changed text in place, so concurrent edits still merge', () => {
    const { live, version, ids } = twoPeers()
    const text = (doc: Y.Doc, id: ItemId) =>
      (itemsMap(doc).get(id) as Y.Map<unknown>).get('text') as Y.Text
    const before = text(live, ids[1]!)
    setText(live, ids[1]!, 'text', 'Helpt andere kinderen')
    // A peer that has the edit types at the end while the restore is made.
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(live))
    text(peer, ids[1]!).insert(text(peer, ids[1]!).length, '!')

    const [change] = restore(version, live)
    expect(text(live, ids[1]!)).toBe(before)
    expect(text(live, ids[1]!).toString()).toBe('Helpt anderen')
    Y.applyUpdate(live, Y.encodeStateAsUpdate(peer))
    Y.applyUpdate(peer, change!)
    expect(text(peer, ids[1]!).toString()).toBe('Helpt anderen!')
    expect(text(live, ids[1]!).toString()).toBe('Helpt anderen!')
  })

  it('restores an emoji whole when only its second half differs', () => {
    const { live, version, ids } = twoPeers()
    setText(live, ids[0]!, 'text', 'Leest graag 📘')
    restore(version, live)
    expect(board(live)).toEqual(board(version))
  })

  it('writes nothing when the board already equals the version', () => {
    const { live, version } = twoPeers()
    expect(restore(version, live)).toEqual([])
  })

  it('empties roots the board does not use, and lists written into its maps', () => {
    const { live, version } = twoPeers()
    live.getMap('x').set('blob', 'x'.repeat(10_000))
    // A hostile peer's list under the name of the items map.
    const hostile = new Y.Doc()
    hostile.getArray('items').push(['a list where a map belongs'])
    Y.applyUpdate(live, Y.encodeStateAsUpdate(hostile))
    restore(version, live)
    expect(live.getMap('x').size).toBe(0)
    const asList = new Y.Doc()
    Y.applyUpdate(asList, Y.encodeStateAsUpdate(live))
    expect(asList.getArray('items').length).toBe(0)
    expect(board(live)).toEqual(board(version))
    expect(Y.encodeStateAsUpdate(live).byteLength).toBeLessThan(5_000)
  })
})

describe('versionsToThin', () => {
  const HOUR = 3_600_000
  const versions = (ats: number[]): VersionInfo[] =>
    ats
      .map((at, i) => ({
        n: i + 1,
        at,
        step: null,
        points: 0,
        reason: 'interval' as const,
        bytes: 1,
      }))
      .reverse()

  it('keeps the newest ones whole, then one per hour, then one per day', () => {
    const now = 30 * 24 * HOUR
    // Ten days ago: four a day apart by an hour; yesterday: three in one hour; now: five.
    const old = [0, 1, 2, 3].map((h) => now - 10 * 24 * HOUR + h * HOUR)
    const yesterday = [0, 10, 20].map((m) => now - 24 * HOUR + m * 60_000)
    const recent = [1, 2, 3, 4, 5].map((m) => now - m * 60_000).reverse()
    const all = versions([...old, ...yesterday, ...recent])
    const drop = versionsToThin(all, now, { keepNewest: 5, hourlyFor: 7 * 24 * HOUR })
    // Of the old day the last is kept; of yesterday's hour the last; the five newest all.
    expect(drop.sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 6])
  })

  it('keeps everything while a board has few versions', () => {
    expect(versionsToThin(versions([0, 1, 2]), 10 * 24 * HOUR)).toEqual([])
  })
})
