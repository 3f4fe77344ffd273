// Dutch first; one button switches to English and back, labelled in the language it switches to.
import { useStrings, useSwitchLang } from '../i18n.ts'

export function LanguageSwitch() {
  const t = useStrings()
  const switchLang = useSwitchLang()
  const lang = t.switchLanguage === 'English' ? 'en' : 'nl'
  // Where room is short (the board's top bar on a phone) the button shows the language's code.
  return (
    <button
      type="button"
      className="lang-switch"
      onClick={switchLang}
      aria-label={t.switchLanguageLabel}
      lang={lang}
    >
      <span className="lang-name">{t.switchLanguage}</span>
      <span className="lang-code" aria-hidden="true">
        {lang.toUpperCase()}
      </span>
    </button>
  )
}
