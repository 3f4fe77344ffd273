// The interface's language: Dutch first (i18n.nl.ts), English as a switch (i18n.en.ts, typed by
// the Dutch), held in a context. Components never inline text; the board's own words (sticky
// kinds, circles, agreement parts) come from shared/labels.ts.
import { createContext, useContext } from 'react'
import type { Label } from '../../shared/index.ts'
import { en } from './i18n.en.ts'
import { nl, type Strings } from './i18n.nl.ts'

export type Lang = 'nl' | 'en'

export type { Strings }

export const STRINGS: Record<Lang, Strings> = { nl, en }

export interface LangSetting {
  lang: Lang
  setLang(lang: Lang): void
}

export const LangContext = createContext<LangSetting>({ lang: 'nl', setLang: () => {} })

export function useLang(): Lang {
  return useContext(LangContext).lang
}

export function useSwitchLang(): () => void {
  const { lang, setLang } = useContext(LangContext)
  return () => setLang(lang === 'nl' ? 'en' : 'nl')
}

export function useStrings(): Strings {
  return STRINGS[useContext(LangContext).lang]
}

/** Picks the current language from a shared/ label. */
export function useLabel(): (label: Label) => string {
  const { lang } = useContext(LangContext)
  return (label) => label[lang]
}
