import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { Alert, Button, Field } from '~/components/ui/primitives'
import { authenticate } from '~/domain/identity/login.server'
import { createSessionCookie, getUser, homePathFor, safeRedirect } from '~/utils/auth.server'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = () => [{ title: 'Entrar · Reativa' }]

const LoginForm = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
  redirectTo: z.string().optional(),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (user) throw redirect(homePathFor(user.role))
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = LoginForm.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) {
    const fields = parsed.error.flatten().fieldErrors
    return json(
      {
        error: null,
        retryMinutes: 0,
        fieldErrors: { email: !!fields.email, password: !!fields.password },
      },
      { status: 400 },
    )
  }
  const result = await authenticate({ ...parsed.data, ip: context.clientIp })
  if (!result.ok) {
    const status = result.code === 'RATE_LIMITED' ? 429 : 400
    const retryMinutes =
      result.code === 'RATE_LIMITED' ? Math.ceil(result.retryAfterSeconds / 60) : 0
    return json(
      { error: result.code, retryMinutes, fieldErrors: { email: false, password: false } },
      { status },
    )
  }
  const cookie = await createSessionCookie(result.user.id)
  const fallback = homePathFor(result.user.role)
  const target =
    result.user.role === 'BUYER' ? safeRedirect(parsed.data.redirectTo, fallback) : fallback
  return redirect(target, { headers: { 'Set-Cookie': cookie } })
}

export default function Login() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const { t } = useT()
  const reset = searchParams.get('reset') === '1'
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{t('login.title')}</h1>
      {reset ? <Alert tone="success">{t('reset.done')}</Alert> : null}
      {actionData?.error === 'INVALID' ? <Alert tone="error">{t('login.invalid')}</Alert> : null}
      {actionData?.error === 'RATE_LIMITED' ? (
        <Alert tone="error">{t('login.rateLimited', { minutes: actionData.retryMinutes })}</Alert>
      ) : null}
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field
          label={t('login.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          error={actionData?.fieldErrors.email ? t('validation.email') : undefined}
        />
        <Field
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={actionData?.fieldErrors.password ? t('validation.required') : undefined}
        />
        <Button type="submit" className="w-full" disabled={navigation.state === 'submitting'}>
          {navigation.state === 'submitting' ? t('common.loading') : t('login.submit')}
        </Button>
      </Form>
      <Link to="/auth/forgot-password" className="block text-sm text-brand-700 underline">
        {t('login.forgot')}
      </Link>
    </div>
  )
}
