import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { LogoutButton, SkipToContent } from '~/components/layout-parts'
import { LanguageSwitch } from '~/components/language-switch'
import { repHeader } from '~/domain/commission/statement.server'
import { requireRep } from '~/utils/auth.server'
import { useCompanyName } from '~/utils/use-company'
import { useT } from '~/utils/use-t'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRep(request)
  return json({ rep: await repHeader(user.repId) })
}

export default function RepLayout() {
  const { rep } = useLoaderData<typeof loader>()
  const { t } = useT()
  const companyName = useCompanyName()
  const link = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-brand-700 text-white' : 'text-slate-700 hover:bg-slate-100'}`
  return (
    <div className="flex min-h-screen flex-col">
      <SkipToContent />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link to="/rep" className="text-xl font-bold text-brand-700">
            {companyName}{' '}
            <span className="text-sm font-normal text-slate-600">· {t('rep.title')}</span>
          </Link>
          <nav className="flex gap-1" aria-label={t('rep.title')}>
            <NavLink to="/rep" end className={link}>
              {t('rep.nav.commission')}
            </NavLink>
            <NavLink to="/rep/accounts" className={link}>
              {t('rep.nav.accounts')}
            </NavLink>
            <NavLink to="/rep/calls" className={link}>
              {t('rep.nav.calls')}
            </NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <LanguageSwitch />
            <span className="text-slate-600">
              {rep.code} · {rep.name}
            </span>
            <LogoutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <Outlet />
      </main>
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
