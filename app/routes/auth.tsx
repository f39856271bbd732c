import { Outlet } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { LanguageSwitch } from '~/components/language-switch'
import { useT } from '~/utils/use-t'

export default function AuthLayout() {
  const { t } = useT()
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-6 p-4">
      <header className="text-center">
        <p className="text-3xl font-bold text-brand-700">{t('app.name')}</p>
        <p className="text-slate-600">{t('app.tagline')}</p>
      </header>
      <main id="main" className="w-full max-w-sm rounded-lg bg-white p-6 shadow">
        <Outlet />
      </main>
      <LanguageSwitch />
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
