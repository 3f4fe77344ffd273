// Starts one relay for the whole e2e run on the port playwright.config.ts chose, serving the e2e
// build of the client, and stops it (and removes its data) after the last test.
import { startBuiltRelay } from './relay.ts'

export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = Number(process.env.MDO_E2E_PORT)
  if (!port) throw new Error('MDO_E2E_PORT is not set: run the suite through playwright.config.ts')
  const relay = await startBuiltRelay({
    port,
    clientDir: process.env.MDO_E2E_CLIENT_DIR ?? 'dist/client-e2e',
    // The whole suite makes more boards from one address than a person may in an hour; the limit
    // itself has its own tests (tests/integration), so here it only must not get in the way.
    env: { BOARDS_PER_HOUR: '100000' },
  })
  return () => relay.stop()
}
