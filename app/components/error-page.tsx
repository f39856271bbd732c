import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useT } from '~/utils/use-t'

/** What a person sees when a route throws: a clear message, never a stack trace. */
export function ErrorPage() {
  const error = useRouteError()
  const { t } = useT()
  let message = t('error.generic')
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) message = t('error.notFound')
    else if (error.status === 403) message = t('error.forbidden')
  }
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-bold">{t('error.title')}</h1>
      <p className="mt-2 text-slate-700">{message}</p>
      <Link to="/" className="mt-6 inline-block text-brand-700 underline">
        {t('common.backToCatalog')}
      </Link>
    </main>
  )
}
