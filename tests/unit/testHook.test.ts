// The e2e hook (client/src/testHook.ts) must never reach a production build: only BoardPage may
// load it, through a dynamic import behind the e2e mode check, and a real production build of
// the client must not contain it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { build } from 'vite'
import { describe, expect, it } from 'vitest'

const CLIENT = 'client/src'
const HOOK_NAMES = ['__mdoTest', '__mdoControl', 'installTestHook']

function sourcesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourcesIn(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

describe('the e2e test hook', () => {
  it('is loaded only by BoardPage, dynamically, in e2e mode', () => {
    const users = sourcesIn(CLIENT)
      .filter((file) => /\.(ts|tsx)$/.test(file) && !file.endsWith('testHook.ts'))
      .filter((file) => /testHook|__mdoTest/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(CLIENT, file))
    expect(users).toEqual(['pages/BoardPage.tsx'])

    const page = readFileSync(join(CLIENT, 'pages/BoardPage.tsx'), 'utf8')
    expect(page).not.toMatch(/^\s*import\b[^;]*testHook/m)
    expect(page).not.toContain('__mdoTest')
    expect(page).toMatch(
      /if \(import\.meta\.env\.MODE === 'e2e'\)\s*(\{\s*)?void import\('\.\.\/testHook\.ts'\)/,
    )
  })

  it('is absent from a production build', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'mdo-prod-build-'))
    try {
      await build({
        configFile: 'vite.config.ts',
        mode: 'production',
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      })
      const found = sourcesIn(outDir)
        .filter((file) => file.endsWith('.js') || file.endsWith('.html'))
        .flatMap((file) => {
          const text = readFileSync(file, 'utf8')
          return HOOK_NAMES.filter((name) => text.includes(name)).map(
            (name) => `${relative(outDir, file)}: ${name}`,
          )
        })
      expect(found).toEqual([])
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  }, 120_000)
})
