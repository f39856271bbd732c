import { type ReactNode } from 'react'
import { CompanyLogo } from '~/components/company-logo'
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
        <div className="flex justify-center">
          <CompanyLogo
            height={64}
            maxWidth={280}
            textClassName="text-3xl font-bold text-brand-700"
          />
        </div>
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
