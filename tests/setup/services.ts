// Vitest global setup: the integration tests talk to a real PostgreSQL. When none answers on the
// configured address and this is a Debian machine with a local cluster, start it; otherwise say
// plainly what is missing. (Redis needs no setup: the cluster tests run a redis-server of their own.)
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { connect } from 'node:net'

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.setTimeout(1000)
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
  })
}

export default async function setup(): Promise<void> {
  const url = new URL(DATABASE_URL)
  const host = url.hostname || '127.0.0.1'
  const port = Number(url.port || 5432)
  if (await reachable(host, port)) return
  try {
    const version = readdirSync('/etc/postgresql')[0]
    if (version) {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
        stdio: 'inherit',
      })
    }
  } catch {
    // fall through to the clear error below
  }
  for (let i = 0; i < 50; i++) {
    if (await reachable(host, port)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(
    `PostgreSQL does not answer at ${host}:${port}. Start it, or set DATABASE_URL (see README).`,
  )
}
