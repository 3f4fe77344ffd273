// The part of the page the person can see: on a phone the keyboard (or a pinch) shrinks the
// visual viewport while the layout viewport stays, so whatever must stay in sight — the text
// editor, the add-a-point sheet — measures against this box and listens to its changes.

export interface VisibleBox {
  left: number
  top: number
  right: number
  bottom: number
}

/** The visual viewport in the layout viewport's client coordinates. */
export function visibleBox(): VisibleBox {
  const vv = window.visualViewport
  if (!vv) return { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }
  return {
    left: vv.offsetLeft,
    top: vv.offsetTop,
    right: vv.offsetLeft + vv.width,
    bottom: vv.offsetTop + vv.height,
  }
}

/** Calls `listener` whenever the visible box may have changed; returns the unsubscribe. */
export function onVisibleBox(listener: () => void): () => void {
  const vv = window.visualViewport
  vv?.addEventListener('resize', listener)
  vv?.addEventListener('scroll', listener)
  window.addEventListener('resize', listener)
  return () => {
    vv?.removeEventListener('resize', listener)
    vv?.removeEventListener('scroll', listener)
    window.removeEventListener('resize', listener)
  }
}
