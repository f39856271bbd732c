import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getUser } from '~/utils/auth.server'
import { setUserLocale } from '~/domain/identity/profile.server'
import { isLocale } from '~/utils/i18n'
import { localeCookie } from '~/utils/locale.server'
import { safeRedirect } from '~/utils/safe-redirect'

export async function loader() {
  return redirect('/')
}

/** Switches the language for this browser and, when signed in, for the user's emails too. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const locale = form.get('locale')
  const redirectTo = safeRedirect(form.get('redirectTo'))
  if (!isLocale(locale)) return redirect(redirectTo)
  const user = await getUser(request)
  if (user) await setUserLocale(user.id, locale)
  return redirect(redirectTo, { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } })
}
