import { createCookie } from '@remix-run/node'
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from './i18n'
import { getUser } from './auth.server'

export const localeCookie = createCookie('reativa_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

/** The chosen language: explicit choice (cookie), then the user's profile, then the browser. */
export async function getLocale(request: Request): Promise<Locale> {
  const chosen: unknown = await localeCookie.parse(request.headers.get('Cookie'))
  if (isLocale(chosen)) return chosen
  const user = await getUser(request)
  if (user && isLocale(user.locale)) return user.locale
  return localeFromAcceptLanguage(request.headers.get('Accept-Language')) ?? DEFAULT_LOCALE
}
