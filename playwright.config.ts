// End-to-end tests: the built relay serving the e2e build of the client (`npm run build:e2e`,
// `npm run build:server`), driven by Debian's Chromium; Playwright cannot download browsers here.
import { defineConfig } from '@playwright/test'
import { freePort } from './tests/e2e/relay.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium.ts'

// Playwright loads this file again in every worker; the environment carries the port chosen
// once in the runner over to them, so all of them talk to the relay globalSetup started.
process.env.MDO_E2E_PORT ??= String(await freePort())
const baseURL = `http://127.0.0.1:${process.env.MDO_E2E_PORT}`

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/globalSetup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
})
