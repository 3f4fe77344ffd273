// Changes that must not say who made them (an anonymous round's reveal, a hidden vote's dots): a
// Yjs update carries the writing doc's client id, the id of everything else that device writes.
// Such a change is made in a scratch copy of the board under a fresh random client id instead.
import * as Y from 'yjs'

/**
 * Runs `change` on a scratch copy of `doc` whose client id is new and random, then applies to
 * `doc` (with `origin`) just the update that change made: the same items and fields a direct
 * change would write, under a client id used for nothing else. The scratch copy is thrown away.
 * `clientId` is for tests; Yjs picks another one if the board already holds it.
 */
export function transactAnonymously<T>(
  doc: Y.Doc,
  change: (scratch: Y.Doc) => T,
  origin?: unknown,
  clientId?: number,
): T {
  const scratch = new Y.Doc({ gc: doc.gc })
  if (clientId !== undefined) scratch.clientID = clientId
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
    // Only what `change` writes: an update of the whole scratch doc would also restate every
    // deletion the board ever had, which is not this change.
    const made: Uint8Array[] = []
    scratch.on('update', (update: Uint8Array) => made.push(update))
    const result = change(scratch)
    if (made.length > 0)
      Y.applyUpdate(doc, made.length === 1 ? made[0]! : Y.mergeUpdates(made), origin)
    return result
  } finally {
    scratch.destroy()
  }
}

/**
 * Every client id an update names: of what it inserts or deletes, and of the neighbours and
 * parents its items point to. What a peer can read off it.
 */
export function clientIdsOf(update: Uint8Array): Set<number> {
  const ids = new Set<number>()
  const { structs, ds } = Y.decodeUpdate(update)
  for (const struct of structs) {
    ids.add(struct.id.client)
    if (!(struct instanceof Y.Item)) continue
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (ref instanceof Y.ID) ids.add(ref.client)
    }
  }
  for (const client of ds.clients.keys()) ids.add(client)
  return ids
}
