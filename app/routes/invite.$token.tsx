import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Alert, Button, Field } from '~/components/ui/primitives'
import { viewInvitation } from '~/domain/campaigns/invitations.server'
import { acceptInvitationIntoCart } from '~/domain/orders/invitation-landing.server'
import { MIN_PASSWORD_LENGTH } from '~/domain/identity/password-policy'
import { createSessionCookie } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [
  { title: 'Convite · Reativa' },
  // The token is in the URL: keep it out of Referer headers and search engines.
  { name: 'referrer', content: 'no-referrer' },
  { name: 'robots', content: 'noindex' },
]

const STATUS = { INVALID: 404, EXPIRED: 410, USED: 410, RATE_LIMITED: 429 } as const

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await viewInvitation(params.token ?? '', String(context.clientIp ?? 'unknown'))
  return json(view, { status: view.state === 'VALID' ? 200 : STATUS[view.state] })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const text = (name: string) => String(form.get(name) ?? '').slice(0, 200)
  const result = await acceptInvitationIntoCart({
    token: params.token ?? '',
    name: text('name'),
    password: text('password'),
    confirm: text('confirm'),
    ip: String(context.clientIp ?? 'unknown'),
  })
  if (!result.ok) return json({ error: result.code }, { status: 400 })
  const cookie = await createSessionCookie(result.userId)
  const target = result.couponApplied
    ? `/cart?welcome=${encodeURIComponent(result.couponApplied)}`
    : '/catalog'
  return redirect(target, { headers: { 'Set-Cookie': cookie } })
}

export default function InvitationPage() {
  const view = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const refused = actionData && ['INVALID', 'EXPIRED', 'USED'].includes(actionData.error)

  if (view.state !== 'VALID' || refused) {
    const state = (refused ? actionData.error : view.state) as
      | 'INVALID'
      | 'EXPIRED'
      | 'USED'
      | 'RATE_LIMITED'
    return (
      <AuthCard>
        <div className="space-y-4" data-testid="invite-refused">
          <h1 className="text-xl font-bold">{t(`invite.${state}.title`)}</h1>
          <Alert tone="error">{t(`invite.${state}.body`)}</Alert>
          <Link to="/auth/login" className="block text-sm text-brand-700 underline">
            {t('invite.goLogin')}
          </Link>
          <Link to="/auth/forgot-password" className="block text-sm text-brand-700 underline">
            {t('invite.forgot')}
          </Link>
        </div>
      </AuthCard>
    )
  }

  const busy = navigation.state !== 'idle'
  const error = actionData?.error
  return (
    <AuthCard>
      <div className="space-y-4">
        <h1 className="text-xl font-bold">{t('invite.title', { account: view.accountName })}</h1>
        {view.offer ? (
          <div
            className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm"
            data-testid="invite-offer"
          >
            <p className="font-semibold">{view.offer.name}</p>
            {view.offer.description ? <p>{view.offer.description}</p> : null}
            {view.offer.code ? <p>{t('invite.couponWaiting', { code: view.offer.code })}</p> : null}
          </div>
        ) : null}
        {error ? (
          <Alert tone="error">{t(`invite.error.${error}`, { min: MIN_PASSWORD_LENGTH })}</Alert>
        ) : null}
        {view.mode === 'EMAIL_IN_USE' ? (
          <p className="text-sm">{t('invite.error.EMAIL_IN_USE')}</p>
        ) : (
          <Form method="post" className="space-y-4" noValidate>
            <p className="text-sm text-slate-700">
              {view.mode === 'LOG_IN'
                ? t('invite.logInIntro', { email: view.email })
                : t('invite.setPasswordIntro', { email: view.email })}
            </p>
            {view.mode === 'SET_PASSWORD' ? (
              <>
                <Field label={t('invite.name')} name="name" autoComplete="name" maxLength={120} />
                <Field
                  label={t('reset.password')}
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  minLength={MIN_PASSWORD_LENGTH}
                  required
                  hint={t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })}
                />
                <Field
                  label={t('reset.confirm')}
                  name="confirm"
                  type="password"
                  autoComplete="new-password"
                  required
                />
              </>
            ) : (
              <Field
                label={t('login.password')}
                name="password"
                type="password"
                autoComplete="current-password"
                required
              />
            )}
            <Button type="submit" className="w-full" disabled={busy}>
              {view.mode === 'LOG_IN' ? t('invite.logIn') : t('invite.activate')}
            </Button>
          </Form>
        )}
      </div>
    </AuthCard>
  )
}
