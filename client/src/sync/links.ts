// Where a board link points: its board id in the path, its token in the fragment, and the relay's
// address. Free of imports, so the early script (early/boot.ts) can use it without the app.

/** The board a page path opens (`/b/<id>`), or undefined. */
export function boardIdFromPath(pathname: string): string | undefined {
  return /^\/b\/([A-Za-z0-9_-]+)$/.exec(pathname)?.[1]
}

/** The token travels in the fragment (`#t=…`), which browsers never send to a server. */
export function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('t')
}

export function wsBase(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
}

/** The subprotocols a board socket offers: the token goes there, so no URL ever holds it. */
export function boardProtocols(token: string): string[] {
  return ['mdo.v1', `token.${token}`]
}
