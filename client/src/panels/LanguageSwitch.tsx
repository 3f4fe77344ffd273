// Dutch first; one button switches to English and back, labelled in the language it switches to.
import { useStrings, useSwitchLang } from '../i18n.ts'

export function LanguageSwitch() {
  const t = useStrings()
  const switchLang = useSwitchLang()
  const lang = t.switchLanguage === 'English' ? 'en' : 'nl'
  return (
    <button
      type="button"
      className="lang-switch"
      onClick={switchLang}
      aria-label={t.switchLanguageLabel}
      lang={lang}
    >
      {t.switchLanguage}
    </button>
  )
}
