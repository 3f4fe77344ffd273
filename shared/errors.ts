// Two kinds of trouble, kept apart on purpose: a BoardError is a caller's mistake and is thrown;
// a Problem is something wrong inside a document and is reported, never thrown.
import type { z } from 'zod'

/** A command was called with arguments that cannot apply to this board (unknown id, wrong type). */
export class BoardError extends Error {
  override name = 'BoardError'
}

/** Something a reader skipped or repaired; `id` names the item when there is one. */
export interface Problem {
  id?: string
  reason: string
}

/** The first few zod issues in one line, for a Problem or a BoardError. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`)
    .join('; ')
}
