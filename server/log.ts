// One JSON line per event on stdout. Callers pass paths without query strings: tokens never
// reach a log.
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent'

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 }

export function createLogger(
  level: Level = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  const at =
    (lineLevel: Exclude<Level, 'silent'>) =>
    (message: string, fields?: Record<string, unknown>) => {
      if (ORDER[lineLevel] < ORDER[level]) return
      write(
        JSON.stringify({ time: new Date().toISOString(), level: lineLevel, message, ...fields }),
      )
    }
  return { info: at('info'), warn: at('warn'), error: at('error') }
}

/** The path of a request URL without its query, which may hold a token. */
export const pathOnly = (url: string | undefined): string => (url ?? '').split('?')[0] ?? ''
