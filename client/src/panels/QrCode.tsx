// A QR code drawn as SVG from the qrcode package's matrix: computed on this device (the link holds
// a secret token, so no QR service may see it), sharp at any size, and fine under a strict CSP.
import { useMemo } from 'react'
import QRCode from 'qrcode'

/** Modules of empty margin that scanners need around the code. */
const QUIET = 4

export function qrPath(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  let path = ''
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`
    }
  }
  return { size: modules.size + 2 * QUIET, path }
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrPath(text), [text])
  return (
    <svg
      className="qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  )
}
