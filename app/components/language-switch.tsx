import { Form, useLocation } from '@remix-run/react'
import { LOCALES } from '~/utils/i18n'
import { useT } from '~/utils/use-t'

const labels = { 'pt-BR': 'Português', en: 'English' } as const

/** Works without JavaScript: each language is a submit button of a small form. */
export function LanguageSwitch() {
  const { t, locale } = useT()
  const location = useLocation()
  return (
    // A new page: the browser holds only the current language's messages (components/messages).
    <Form
      method="post"
      action="/resources/locale"
      reloadDocument
      className="flex items-center gap-1 text-xs"
      aria-label={t('nav.language')}
    >
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          className="rounded px-2 py-1 text-slate-700 hover:bg-slate-200 aria-pressed:bg-slate-800 aria-pressed:text-white"
        >
          {labels[option]}
        </button>
      ))}
    </Form>
  )
}
