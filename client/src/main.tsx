// Browser entry: picks the page from the path and holds the language switch.
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { type Lang, STRINGS } from './i18n.ts'
import { BoardPage } from './pages/BoardPage.tsx'
import { Landing } from './pages/Landing.tsx'

function App() {
  const [lang, setLang] = useState<Lang>(() =>
    localStorage.getItem('lang') === 'en' ? 'en' : 'nl',
  )
  const t = STRINGS[lang]
  const switchLang = () => {
    const next = lang === 'nl' ? 'en' : 'nl'
    localStorage.setItem('lang', next)
    document.documentElement.lang = next
    setLang(next)
  }
  const boardId = /^\/b\/([A-Za-z0-9_-]+)$/.exec(window.location.pathname)?.[1]
  return (
    <>
      <button type="button" className="lang-switch" onClick={switchLang}>
        {t.language}
      </button>
      {boardId ? <BoardPage boardId={boardId} t={t} /> : <Landing t={t} />}
    </>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
