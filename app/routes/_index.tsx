import { json, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { LanguageSwitch } from '~/components/language-switch'
import { Button } from '~/components/ui/primitives'
import { getUser, homePathFor } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (!user) throw redirect('/auth/login')
  if (homePathFor(user.role) !== '/') throw redirect(homePathFor(user.role))
  return json({ name: user.name, role: user.role })
}

/** Staff land here until their back-office areas exist. */
export default function StaffHome() {
  const { name, role } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-4 p-8">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t('home.title', { name })}</h1>
        <LanguageSwitch />
      </div>
      <p>{t('home.staffIntro', { role: t(`role.${role}`) })}</p>
      <p>
        <a className="text-brand-700 underline" href="/dev/mailbox">
          {t('nav.mailbox')}
        </a>
      </p>
      <Form method="post" action="/auth/logout">
        <Button variant="secondary">{t('nav.logout')}</Button>
      </Form>
    </main>
  )
}
