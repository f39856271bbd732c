import { CompanyLogo } from '~/components/company-logo'
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  Link,
  NavLink,
  Outlet,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { ErrorPage } from '~/components/error-page'
import { LogoutButton, SkipToContent } from '~/components/layout-parts'
import { LanguageSwitch } from '~/components/language-switch'
import { getStoreHeader } from '~/domain/orders/cart.server'
import { impersonationBanner } from '~/domain/identity/impersonation.server'
import { requireBuyer } from '~/utils/auth.server'
import { formatDate } from '~/utils/dates'
import { useBranding } from '~/utils/use-company'
import { useT } from '~/utils/use-t'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBuyer(request)
  const [header, impersonation] = await Promise.all([
    getStoreHeader(user.accountId),
    impersonationBanner(request),
  ])
  return json({
    userName: user.name,
    isAccountAdmin: user.isAccountAdmin && (!impersonation || impersonation.mayManageBuyers),
    impersonation,
    ...header,
  })
}

export default function StoreLayout() {
  const { userName, isAccountAdmin, accountName, cartCount, impersonation, welcomeOffers } =
    useLoaderData<typeof loader>()
  const { t, locale } = useT()
  const { companyName, supportPhone, whatsapp, whatsappUrl } = useBranding()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 text-sm font-medium ${isActive ? 'bg-brand-700 text-white' : 'text-slate-700 hover:bg-slate-100'}`
  return (
    <div className="flex min-h-screen flex-col">
      <SkipToContent />
      {impersonation ? (
        <div
          role="status"
          className="flex flex-wrap items-center justify-center gap-3 bg-amber-400 px-4 py-2 text-sm font-medium text-amber-950 print:hidden"
          data-testid="impersonation-banner"
        >
          {t('impersonation.banner', { name: userName, account: accountName })}{' '}
          <span data-testid="impersonation-until">
            {t('impersonation.until', {
              time: formatDate(impersonation.expiresAt, locale, impersonation.timeZone, 'datetime'),
            })}
          </span>
          <Form method="post" action="/resources/impersonation">
            <button type="submit" className="rounded bg-amber-950 px-3 py-1 text-white">
              {t('impersonation.stop')}
            </button>
          </Form>
        </div>
      ) : null}
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link to="/catalog" aria-label={companyName}>
            <CompanyLogo
              height={40}
              maxWidth={200}
              textClassName="text-xl font-bold text-brand-700"
            />
          </Link>
          <Form method="get" action="/catalog" role="search" className="flex min-w-48 flex-1 gap-2">
            <label htmlFor="site-search" className="sr-only">
              {t('catalog.search')}
            </label>
            <input
              id="site-search"
              type="search"
              name="q"
              defaultValue={searchParams.get('q') ?? ''}
              placeholder={t('catalog.search')}
              className="w-full rounded-md border border-slate-300 px-3 py-2"
            />
            <button type="submit" className="rounded-md bg-slate-800 px-3 py-2 text-sm text-white">
              {t('catalog.searchButton')}
            </button>
          </Form>
          <nav className="flex flex-wrap items-center gap-1" aria-label={companyName}>
            <NavLink to="/catalog" className={navClass}>
              {t('nav.catalog')}
            </NavLink>
            <NavLink to="/cart" className={navClass}>
              {t('nav.cart')} <span data-testid="cart-count">({cartCount})</span>
            </NavLink>
            <NavLink to="/orders" className={navClass}>
              {t('nav.orders')}
            </NavLink>
            {isAccountAdmin ? (
              <NavLink to="/account/buyers" className={navClass}>
                {t('nav.buyers')}
              </NavLink>
            ) : null}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600">
              {userName} · <strong>{accountName}</strong>
            </span>
            <LogoutButton className="text-slate-700 underline" />
          </div>
        </div>
      </header>
      <div
        aria-hidden
        className={`h-0.5 bg-brand-600 transition-opacity ${navigation.state === 'idle' ? 'opacity-0' : 'opacity-100'}`}
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {welcomeOffers.length ? (
          <section
            aria-labelledby="welcome-heading"
            className="mb-6 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-950 print:hidden"
            data-testid="welcome-back"
          >
            <h2 id="welcome-heading" className="text-lg font-bold">
              {t('welcome.title', { account: accountName })}
            </h2>
            <ul className="mt-1 space-y-1 text-sm">
              {welcomeOffers.map((offer) => (
                <li key={offer.id}>
                  <strong>{offer.name}</strong>
                  {offer.description ? ` — ${offer.description}` : ''}
                </li>
              ))}
            </ul>
            <Link to="/cart" className="mt-2 inline-block text-sm font-semibold underline">
              {t('welcome.cta')}
            </Link>
          </section>
        ) : null}
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-sm text-slate-700" data-testid="support">
            {supportPhone || whatsappUrl ? (
              <>
                {t('store.support')}:{' '}
                {supportPhone ? (
                  <a href={`tel:${supportPhone.replace(/[^\d+]/g, '')}`} className="underline">
                    {supportPhone}
                  </a>
                ) : null}
                {supportPhone && whatsappUrl ? ' · ' : null}
                {whatsappUrl ? (
                  <a href={whatsappUrl} className="underline" rel="noopener noreferrer">
                    WhatsApp {whatsapp}
                  </a>
                ) : null}
              </>
            ) : null}
          </p>
          <LanguageSwitch />
        </div>
      </footer>
    </div>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
