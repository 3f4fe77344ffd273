// Builds the render bench's Excalidraw page (bench/render/excalidraw) into dist/bench/excalidraw,
// with Excalidraw's fonts copied beside it so that the page asks no other host for anything.
// Its own build: Excalidraw never enters the product's bundle (vite.config.ts, client/).
import { cpSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const OUT = fileURLToPath(new URL('../../../dist/bench/excalidraw/', import.meta.url))
const FONTS = fileURLToPath(
  new URL('../../../node_modules/@excalidraw/excalidraw/dist/prod/fonts/', import.meta.url),
)

function copyFonts(): Plugin {
  return {
    name: 'bench-excalidraw-fonts',
    apply: 'build',
    closeBundle() {
      cpSync(FONTS, `${OUT}fonts`, { recursive: true })
    },
  }
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), copyFonts()],
  define: { 'process.env.IS_PREACT': JSON.stringify('false') },
  build: { outDir: OUT, emptyOutDir: true },
  logLevel: 'warn',
})
