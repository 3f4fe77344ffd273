// Debian's Chromium as the e2e tests and the benches start it: headless as root, no GPU, and none
// of its own background traffic, which this machine's closed network would refuse many times over.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
