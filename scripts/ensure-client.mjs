// `npm start` runs this first: builds the browser client when dist/ is missing or older than its
// sources, so a fresh clone serves a working board without a separate build step.
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const built = 'dist/client/index.html'

function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

let builtAt = 0
try {
  builtAt = statSync(built).mtimeMs
} catch {
  // not built yet
}
const sourcesAt = Math.max(newest('client'), newest('shared'), statSync('vite.config.ts').mtimeMs)
if (builtAt < sourcesAt) {
  console.log('Building the client (vite build)…')
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
}
