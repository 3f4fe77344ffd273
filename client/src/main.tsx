/// <reference types="vite/client" />
// Browser entry: picks the page from the path and holds the language, Dutch unless chosen.
import { lazy, StrictMode, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { createRoot } from 'react-dom/client'
// app.css is linked from index.html; the rest of the look is imported here.
import './board.css'
import './panels.css'
import './pages.css'
import { LangContext, type Lang } from './i18n.ts'
import { BoardPage } from './pages/BoardPage.tsx'
import { boardIdFromPath } from './sync/links.ts'

// Most visits open a board from its link: the start page loads only when it is the one shown.
const Landing = lazy(() =>
  import('./pages/Landing.tsx').then((module) => ({ default: module.Landing })),
)

// Only a workshop leader needs the overview: it loads as its own chunk, off the initial bundle.
const WorkshopPage = lazy(() =>
  import('./pages/WorkshopPage.tsx').then((module) => ({ default: module.WorkshopPage })),
)

function storedLang(): Lang {
  try {
    return localStorage.getItem('lang') === 'en' ? 'en' : 'nl'
  } catch {
    return 'nl'
  }
}

function App() {
  const [lang, setLangState] = useState<Lang>(storedLang)
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem('lang', next)
    } catch {
      // Without storage the choice lasts until the page is closed.
    }
    setLangState(next)
  }, [])
  const setting = useMemo(() => ({ lang, setLang }), [lang, setLang])
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  const boardId = boardIdFromPath(window.location.pathname)
  const workshopId = /^\/w\/([A-Za-z0-9_-]+)$/.exec(window.location.pathname)?.[1]
  return (
    <LangContext value={setting}>
      {boardId ? (
        <BoardPage key={boardId} boardId={boardId} />
      ) : workshopId ? (
        <Suspense fallback={null}>
          <WorkshopPage key={workshopId} workshopId={workshopId} />
        </Suspense>
      ) : (
        <Suspense fallback={null}>
          <Landing />
        </Suspense>
      )}
    </LangContext>
  )
}

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
