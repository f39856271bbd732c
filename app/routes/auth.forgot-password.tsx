import { parseWithZod } from '@conform-to/zod'
import { json, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { ForgotPasswordSchema } from '~/domain/identity/auth-forms'
import { requestPasswordReset } from '~/domain/identity/password-reset.server'
import { formMessage } from '~/utils/form-schema'
import { getLocale } from '~/utils/locale.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.forgotPassword') },
]

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), sent: false }, { status: 400 })
  }
  const result = await requestPasswordReset({
    email: submission.value.email,
    ip: context.clientIp,
    locale: await getLocale(request),
  })
  if (!result.ok) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60)
    const formErrors = [formMessage('login.rateLimited', { minutes })]
    return json({ result: submission.reply({ formErrors }), sent: false }, { status: 429 })
  }
  return json({ result: submission.reply(), sent: true })
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const [form, fields] = useContractForm(ForgotPasswordSchema, {
    id: 'forgot-password',
    lastResult: actionData?.result,
  })
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{t('forgot.title')}</h1>
      {actionData?.sent ? (
        <Alert tone="success">{t('forgot.sent')}</Alert>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t('forgot.intro')}</p>
          <FormErrors form={form} summary={false} />
          <Form method="post" className="space-y-4" {...formProps(form)}>
            <Field
              meta={fields.email}
              type="email"
              label={t('login.email')}
              inputProps={{ autoComplete: 'email' }}
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
