import { type ReactNode } from 'react'
import { LanguageSwitch } from '~/components/language-switch'
import { useCompanyName } from '~/utils/use-company'
import { useT } from '~/utils/use-t'

/** The small centred card of the pages people reach before logging in (login, invitation, unsubscribe). */
export function AuthCard({ children }: { children: ReactNode }) {
  const { t } = useT()
  const companyName = useCompanyName()
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-6 p-4">
      <header className="text-center">
        <p className="text-3xl font-bold text-brand-700" data-testid="company-name">
          {companyName}
        </p>
        <p className="text-slate-600">{t('app.tagline')}</p>
      </header>
      <main id="main" className="w-full max-w-sm rounded-lg bg-white p-6 shadow">
        {children}
      </main>
      <LanguageSwitch />
      {companyName !== t('app.name') ? (
        <p className="text-xs text-slate-500">{t('app.poweredBy')}</p>
      ) : null}
    </div>
  )
}
