// Imported before Excalidraw: its fonts come from this page's own server (fonts/ beside
// index.html, copied there by the build), never from its default CDN.
declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[]
  }
}

window.EXCALIDRAW_ASSET_PATH = `${location.origin}/`

export {}
