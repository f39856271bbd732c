import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Alert, Button } from '~/components/ui/primitives'
import { verifyUnsubscribe } from '~/domain/campaigns/links.server'
import { isOptedOut, optOut } from '~/domain/campaigns/invitations.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.unsubscribe') },
  { name: 'robots', content: 'noindex' },
]

async function addressFrom(request: Request) {
  const url = new URL(request.url)
  return verifyUnsubscribe(url.searchParams.get('e'), url.searchParams.get('s'))
}

// Opening the link only asks: mail scanners follow links, and must not unsubscribe anyone.
export async function loader({ request }: LoaderFunctionArgs) {
  const email = await addressFrom(request)
  if (!email) return json({ email: null, done: false }, { status: 400 })
  return json({ email, done: await isOptedOut(email) })
}

// The button, or the mail provider's one-click POST (List-Unsubscribe-Post).
export async function action({ request }: ActionFunctionArgs) {
  const email = await addressFrom(request)
  if (!email) return json({ ok: false }, { status: 400 })
  await optOut(email, 'unsubscribe')
  return json({ ok: true })
}

export default function UnsubscribePage() {
  const { email, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  return (
    <AuthCard>
      <div className="space-y-4">
        <h1 className="text-xl font-bold">{t('unsubscribe.title')}</h1>
        {!email ? (
          <Alert tone="error">{t('unsubscribe.invalid')}</Alert>
        ) : done || actionData?.ok ? (
          <Alert tone="success">{t('unsubscribe.done', { email })}</Alert>
        ) : (
          <Form method="post" className="space-y-3">
            <p className="text-sm">{t('unsubscribe.confirm', { email })}</p>
            <Button type="submit" className="w-full">
              {t('unsubscribe.button')}
            </Button>
          </Form>
        )}
      </div>
    </AuthCard>
  )
}
