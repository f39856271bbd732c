import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { type loader as rootLoader } from '~/root'
import { homePathFor } from '~/utils/home-path'
import { useT } from '~/utils/use-t'

/** The heading and message of an error page, by status: what happened, in the reader's words. */
export function errorTexts(status: number | null) {
  if (status === 404) return { title: 'error.notFoundTitle', message: 'error.notFound' } as const
  if (status === 403) return { title: 'error.forbiddenTitle', message: 'error.forbidden' } as const
  return { title: 'error.title', message: 'error.generic' } as const
}

/**
 * What a person sees when a route throws: a clear message, never a stack trace, and one link
 * to a page they can open (their own home, or the login page).
 */
export function ErrorPage() {
  const error = useRouteError()
  const { t } = useT()
  const user = useRouteLoaderData<typeof rootLoader>('root')?.user
  const texts = errorTexts(isRouteErrorResponse(error) ? error.status : null)
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-bold">{t(texts.title)}</h1>
      <p className="mt-2 text-slate-700">{t(texts.message)}</p>
      <Link
        to={user ? homePathFor(user.role) : '/auth/login'}
        className="mt-6 inline-block text-brand-700 underline"
      >
        {t(user ? 'error.home' : 'error.login')}
      </Link>
    </main>
  )
}
