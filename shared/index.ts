// The board as data: the one entry point client/ and server/ import shared/ through.
export { transactAnonymously, clientIdsOf } from './anonymous.ts'
export * from './commands/arrange.ts'
export * from './commands/board.ts'
export * from './commands/clipboard.ts'
export * from './commands/create.ts'
export * from './commands/draw.ts'
export * from './commands/edit.ts'
export * from './commands/nextMeeting.ts'
export * from './commands/plenary.ts'
export { containerAt, containerIn, containsPoint, centreOf } from './containers.ts'
export { placeFree, placeInContainer, PLACE_GAP, type Region, type Rect } from './placement.ts'
export * from './control.ts'
export * from './errors.ts'
export * from './ids.ts'
export * from './labels.ts'
export * from './migrations.ts'
export {
  itemsMap,
  metaMap,
  readBoard,
  readItem,
  readMeta,
  type BoardSnapshot,
  type ItemReading,
} from './read.ts'
export * from './schema.ts'
export * from './shownBoard.ts'
export * from './stickyKinds.ts'
export * from './templates.ts'
export { compareByZ } from './zOrder.ts'
export * from './commands/actions.ts'
export * from './commands/drafts.ts'
export * from './votes.ts'
