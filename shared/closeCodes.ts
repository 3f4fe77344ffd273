// Websocket close codes the relay uses to refuse or end a connection, so the client can tell
// "wrong link" from "network trouble" and stop reconnecting where that cannot help.
export const CLOSE = {
  badMessage: 4400,
  noToken: 4401,
  forbidden: 4403,
  slowConsumer: 4408,
  boardGone: 4410,
  boardTooLarge: 4413,
  /**
   * The relay refused an update: a locked item, a field the schema does not know, another voter's
   * dots. Nothing of it was forwarded or stored; the client drops its copy and loads the relay's.
   */
  refused: 4422,
  tooMany: 4429,
  shuttingDown: 4503,
} as const

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE]

/** Codes after which reconnecting with the same link will not help. */
export const FINAL_CLOSE_CODES: readonly number[] = [
  CLOSE.noToken,
  CLOSE.forbidden,
  CLOSE.boardGone,
  CLOSE.boardTooLarge,
]
