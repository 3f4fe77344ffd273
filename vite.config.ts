// Builds the browser client from client/ into dist/client; the relay serves that folder.
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { buildSync } from 'esbuild'
import { createHash } from 'node:crypto'

/**
 * Lists the board view's chunk (loaded by a dynamic import in BoardPage) as a module preload in
 * index.html: the browser fetches and compiles it alongside the entry instead of after the entry
 * has run, so the canvas is ready when the board's data arrives.
 */
function preloadBoardView(): Plugin {
  return {
    name: 'mdo-preload-board-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        )
        const view = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/pages/BoardView.tsx'))
        if (!view) throw new Error('preloadBoardView: no chunk for pages/BoardView.tsx')
        const entry = new Set(
          chunks.filter((chunk) => chunk.isEntry).flatMap((c) => [c.fileName, ...c.imports]),
        )
        const files = [view.fileName, ...view.imports].filter((file) => !entry.has(file))
        const css = files.flatMap((file) => {
          const chunk = bundle?.[file]
          return chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : []
        })
        return [
          ...files.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
          // Linked, not just preloaded: the import would otherwise wait for its styles to load.
          ...css.map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
        ]
      },
    },
  }
}

/**
 * Builds client/src/early/boot.ts on its own, as a tiny classic script that index.html loads first
 * and async: it runs long before the app's modules have loaded, and asks for a board page's board
 * as JSON. Not in dev: there the app only reads the board from its document.
 */
function earlyScript(): Plugin {
  let file = ''
  return {
    name: 'mdo-early-script',
    apply: 'build',
    generateBundle() {
      const [built] = buildSync({
        entryPoints: ['client/src/early/boot.ts'],
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'es2020',
        write: false,
      }).outputFiles
      if (!built) throw new Error('earlyScript: esbuild wrote nothing')
      const hash = createHash('sha256').update(built.contents).digest('base64url').slice(0, 8)
      file = `assets/early-${hash}.js`
      this.emitFile({ type: 'asset', fileName: file, source: built.contents })
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'script', attrs: { async: true, src: `/${file}` }, injectTo: 'head-prepend' },
      ],
    },
  }
}

export default defineConfig({
  root: 'client',
  plugins: [react(), preloadBoardView(), earlyScript()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
})
