import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { Alert, Button, Field } from '~/components/ui/primitives'
import { checkResetToken, resetPassword } from '~/domain/identity/password-reset.server'
import { MIN_PASSWORD_LENGTH } from '~/domain/identity/password-policy'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [
  { title: 'Nova senha · Reativa' },
  // The token is in the URL: keep it out of Referer headers and search engines.
  { name: 'referrer', content: 'no-referrer' },
  { name: 'robots', content: 'noindex' },
]

const ResetForm = z
  .object({
    token: z.string().min(1).max(200),
    password: z.string().min(MIN_PASSWORD_LENGTH).max(200),
    confirm: z.string(),
  })
  .refine((form) => form.password === form.confirm, { path: ['confirm'] })

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return json({ token, state: await checkResetToken(token) })
}

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData())
  const parsed = ResetForm.safeParse(form)
  if (!parsed.success) {
    const fields = parsed.error.flatten().fieldErrors
    return json(
      { tokenState: null, fieldErrors: { password: !!fields.password, confirm: !!fields.confirm } },
      { status: 400 },
    )
  }
  const result = await resetPassword(parsed.data)
  if (!result.ok)
    return json(
      { tokenState: result.code, fieldErrors: { password: false, confirm: false } },
      { status: 400 },
    )
  return redirect('/auth/login?reset=1')
}

const stateMessage = {
  INVALID: 'reset.invalid',
  EXPIRED: 'reset.expired',
  USED: 'reset.used',
} as const

export default function ResetPassword() {
  const { token, state } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const tokenState = actionData?.tokenState ?? state
  if (tokenState !== 'VALID') {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-bold">{t('reset.title')}</h1>
        <Alert tone="error">{t(stateMessage[tokenState])}</Alert>
        <Link to="/auth/forgot-password" className="block text-sm text-brand-700 underline">
          {t('reset.requestNew')}
        </Link>
      </div>
    )
  }
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{t('reset.title')}</h1>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="token" value={token} />
        <Field
          label={t('reset.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          hint={t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })}
          error={
            actionData?.fieldErrors.password
              ? t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })
              : undefined
          }
        />
        <Field
          label={t('reset.confirm')}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          error={actionData?.fieldErrors.confirm ? t('validation.passwordMatch') : undefined}
        />
        <Button type="submit" className="w-full" disabled={navigation.state === 'submitting'}>
          {t('reset.submit')}
        </Button>
      </Form>
    </div>
  )
}
