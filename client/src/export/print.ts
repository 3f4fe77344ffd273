// Printing the board: the whole board fitted into view, drawn once as a picture that the print
// stylesheet (board.css, @media print) puts alone on a landscape page. Ctrl+P without this button
// prints the canvas as it is on screen, with the same stylesheet.
import type { RefObject } from 'react'
import type { CanvasApi } from '../canvas/BoardCanvas.tsx'

export async function printBoard(apiRef: RefObject<CanvasApi | null>): Promise<void> {
  apiRef.current?.zoomToFit()
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  const stage = apiRef.current?.stage()
  if (!stage) throw new Error('no board on screen')
  const picture = document.createElement('img')
  picture.className = 'print-board'
  picture.alt = ''
  picture.src = stage.toDataURL({ pixelRatio: 2 })
  await picture.decode()
  document.body.append(picture)
  document.body.classList.add('printing-board')
  const done = () => {
    picture.remove()
    document.body.classList.remove('printing-board')
    window.removeEventListener('afterprint', done)
  }
  window.addEventListener('afterprint', done)
  window.print()
}
