import { json, redirect } from '@remix-run/node'
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect } from 'react'
import { ErrorPage, errorTexts } from './components/error-page'
import { needsOtherMessages, SentMessagesScript } from './components/messages'
import { useNonce } from './components/nonce'
import { PageStyles } from './components/page-styles'
import stylesHref from './tailwind.css'
import { getBranding } from './domain/company/company.server'
import { hasAdmin } from './domain/identity/first-admin.server'
import { getUser, refreshedSessionCookie } from './utils/auth.server'
import { DEFAULT_LOCALE, pageMessages, translator } from './utils/i18n'
import { getLocale } from './utils/locale.server'

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const company = data?.brand.companyName ?? 'Reativa'
  if (!error) return [{ title: company }]
  const t = translator(data?.locale ?? DEFAULT_LOCALE)
  const { title } = errorTexts(isRouteErrorResponse(error) ? error.status : null)
  return [{ title: `${t(title)} · ${company}` }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  // Until the first administrator exists, every page leads to the set-up page (first-admin.server).
  if (new URL(request.url).pathname !== '/setup' && !(await hasAdmin())) throw redirect('/setup')
  const [user, locale, cookie, brand] = await Promise.all([
    getUser(request),
    getLocale(request),
    refreshedSessionCookie(request),
    getBranding(),
  ])
  return json(
    {
      locale,
      brand,
      timeZone: user?.timeZone ?? 'America/Sao_Paulo',
      user: user ? { id: user.id, name: user.name, role: user.role } : null,
    },
    cookie ? { headers: { 'Set-Cookie': cookie } } : undefined,
  )
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  return (
    <html lang={data?.locale ?? DEFAULT_LOCALE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content="Reativa: pedidos B2B 24 horas para o varejo." />
        <Meta />
        <Links />
        <PageStyles href={stylesHref} brandColor={data?.brand.brandColor ?? null} />
      </head>
      <body className="min-h-screen">
        {children}
        <SentMessagesScript />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>('root')
  const { locale, scope } = pageMessages(data)
  useEffect(() => {
    // The page was sent another language's messages, or a visitor's only: load it anew.
    if (needsOtherMessages({ locale, scope })) window.location.reload()
  }, [locale, scope])
  return <Outlet />
}

export function ErrorBoundary() {
  return <ErrorPage />
}
