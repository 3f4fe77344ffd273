// Builds the browser client from client/ into dist/client; the relay serves that folder.
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

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

export default defineConfig({
  root: 'client',
  plugins: [react(), preloadBoardView()],
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
