import { parseWithZod } from '@conform-to/zod'
import { json, redirect, redirectDocument } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { LoginSchema } from '~/domain/identity/auth-forms'
import { authenticate } from '~/domain/identity/login.server'
import { createSessionCookie, getUser, homePathFor } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { landingAfterLogin } from '~/utils/home-path'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.login') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (user) throw redirect(homePathFor(user.role))
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
  // The password is never sent back into the page.
  const hideFields = ['password']
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields }) }, { status: 400 })
  }
  const result = await authenticate({ ...submission.value, ip: context.clientIp })
  if (!result.ok) {
    // One message whatever was wrong, so the form does not tell who has an account.
    const message =
      result.code === 'RATE_LIMITED'
        ? formMessage('login.rateLimited', { minutes: Math.ceil(result.retryAfterSeconds / 60) })
        : formMessage('login.invalid')
    return json(
      { result: submission.reply({ formErrors: [message], hideFields }) },
      { status: result.code === 'RATE_LIMITED' ? 429 : 400 },
    )
  }
  const target = landingAfterLogin(result.user.role, submission.value.redirectTo)
  const cookie = await createSessionCookie(result.user.id)
  // A new page, with the messages of the user's role and language (components/messages).
  return redirectDocument(target, { headers: { 'Set-Cookie': cookie } })
}

export default function Login() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const { t } = useT()
  const reset = searchParams.get('reset') === '1'
  const [form, fields] = useContractForm(LoginSchema, {
    id: 'login',
    lastResult: actionData?.result,
  })
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{t('login.title')}</h1>
      {reset ? <Alert tone="success">{t('reset.done')}</Alert> : null}
      <FormErrors form={form} summary={false} />
      <Form method="post" className="space-y-4" {...formProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field
          meta={fields.email}
          type="email"
          label={t('login.email')}
          inputProps={{ autoComplete: 'email' }}
        />
        <Field
          meta={fields.password}
          type="password"
          label={t('login.password')}
          inputProps={{ autoComplete: 'current-password' }}
        />
        <Button type="submit" className="w-full" disabled={navigation.state === 'submitting'}>
          {navigation.state === 'submitting' ? t('common.loading') : t('login.submit')}
        </Button>
      </Form>
      <Link to="/auth/forgot-password" className="block text-sm text-brand-700 underline">
        {t('login.forgot')}
      </Link>
      <Link to="/auth/request-access" className="block text-sm text-brand-700 underline">
        {t('login.requestAccess')}
      </Link>
    </div>
  )
}
