import { json, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { Alert, Button, Field } from '~/components/ui/primitives'
import { requestPasswordReset } from '~/domain/identity/password-reset.server'
import { getLocale } from '~/utils/locale.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [{ title: 'Recuperar senha · Reativa' }]

const ForgotForm = z.object({ email: z.string().trim().email().max(254) })

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = ForgotForm.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success)
    return json({ state: 'INVALID_EMAIL' as const, retryMinutes: 0 }, { status: 400 })
  const result = await requestPasswordReset({
    email: parsed.data.email,
    ip: context.clientIp,
    locale: await getLocale(request),
  })
  if (!result.ok) {
    return json(
      { state: 'RATE_LIMITED' as const, retryMinutes: Math.ceil(result.retryAfterSeconds / 60) },
      { status: 429 },
    )
  }
  return json({ state: 'SENT' as const, retryMinutes: 0 })
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{t('forgot.title')}</h1>
      {actionData?.state === 'SENT' ? (
        <Alert tone="success">{t('forgot.sent')}</Alert>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t('forgot.intro')}</p>
          {actionData?.state === 'RATE_LIMITED' ? (
            <Alert tone="error">
              {t('login.rateLimited', { minutes: actionData.retryMinutes })}
            </Alert>
          ) : null}
          <Form method="post" className="space-y-4" noValidate>
            <Field
              label={t('login.email')}
              name="email"
              type="email"
              autoComplete="email"
              required
              error={actionData?.state === 'INVALID_EMAIL' ? t('validation.email') : undefined}
            />
            <Button type="submit" className="w-full" disabled={navigation.state === 'submitting'}>
              {t('forgot.submit')}
            </Button>
          </Form>
        </>
      )}
      <Link to="/auth/login" className="block text-sm text-brand-700 underline">
        {t('forgot.backToLogin')}
      </Link>
    </div>
  )
}
