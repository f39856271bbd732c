import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, NavLink, Outlet, useLoaderData, useNavigation } from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { LogoutButton, SkipToContent } from '~/components/layout-parts'
import { LanguageSwitch } from '~/components/language-switch'
import { requireStaff } from '~/utils/auth.server'
import { type MessageKey } from '~/utils/i18n'
import { can, type Permission } from '~/utils/permissions'
import { useCompanyName } from '~/utils/use-company'
import { useT } from '~/utils/use-t'

// The back office's sections, each shown to whoever may open it.
const NAV = [
  { to: '/admin', label: 'admin.nav.dashboard', permission: 'dashboard:view' },
  { to: '/admin/calls', label: 'admin.nav.calls', permission: 'calls:work' },
  { to: '/admin/accounts', label: 'admin.nav.accounts', permission: 'accounts:view' },
  {
    to: '/admin/access-requests',
    label: 'admin.nav.accessRequests',
    permission: 'accounts:edit',
  },
  { to: '/admin/campaigns', label: 'admin.nav.campaigns', permission: 'campaigns:manage' },
  { to: '/admin/catalog', label: 'admin.nav.catalog', permission: 'catalog:manage' },
  { to: '/admin/offers', label: 'admin.nav.offers', permission: 'offers:manage' },
  { to: '/admin/price-lists', label: 'admin.nav.priceLists', permission: 'pricing:manage' },
  { to: '/admin/payment-terms', label: 'admin.nav.paymentTerms', permission: 'pricing:manage' },
  { to: '/admin/commission', label: 'admin.nav.commission', permission: 'commission:manage' },
  { to: '/admin/goals', label: 'admin.nav.goals', permission: 'goals:manage' },
  { to: '/admin/contests', label: 'admin.nav.contests', permission: 'contests:manage' },
  { to: '/admin/imports', label: 'admin.nav.imports', permission: 'imports:manage' },
  { to: '/admin/settings', label: 'admin.nav.settings', permission: 'settings:manage' },
  { to: '/admin/users', label: 'admin.nav.users', permission: 'users:manage' },
  { to: '/admin/audit', label: 'admin.nav.audit', permission: 'audit:view' },
] as const satisfies readonly { to: string; label: MessageKey; permission: Permission }[]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'backoffice:enter')
  return json({ name: user.name, role: user.role })
}

export default function AdminLayout() {
  const { name, role } = useLoaderData<typeof loader>()
  const { t } = useT()
  const companyName = useCompanyName()
  const navigation = useNavigation()
  const link = ({ isActive }: { isActive: boolean }) =>
    `block rounded-md px-3 py-2 text-sm ${isActive ? 'bg-brand-700 font-semibold text-white' : 'text-slate-700 hover:bg-slate-200'}`
  return (
    <div className="flex min-h-screen flex-col">
      <SkipToContent />
      <header className="border-b border-slate-200 bg-white">
        <div className="flex flex-wrap items-center gap-4 px-4 py-3">
          <Link to="/admin" className="text-xl font-bold text-brand-700">
            {companyName}{' '}
            <span className="text-sm font-normal text-slate-600">· {t('admin.title')}</span>
          </Link>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <LanguageSwitch />
            <span className="text-slate-600">
              {name} · {t(`role.${role}`)}
            </span>
            <LogoutButton />
          </div>
        </div>
        <div
          aria-hidden
          className={`h-0.5 bg-brand-600 ${navigation.state === 'idle' ? 'opacity-0' : 'opacity-100'}`}
        />
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <nav
          aria-label={t('admin.title')}
          className="border-b border-slate-200 bg-slate-100 p-3 md:w-52 md:border-r md:border-b-0"
        >
          <ul className="flex gap-1 md:flex-col">
            {NAV.filter((item) => can(role, item.permission)).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/admin'} className={link}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            {can(role, 'mailbox:view') ? (
              <li>
                <a href="/dev/mailbox" className={link({ isActive: false })}>
                  {t('nav.mailbox')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
        <main id="main" className="min-w-0 flex-1 p-4 md:p-6">
          <Outlet />
        </main>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
