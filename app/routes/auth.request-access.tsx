import { parseWithZod } from '@conform-to/zod'
import { json, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { AccessRequestSchema } from '~/domain/accounts/access-request-forms'
import { requestAccess } from '~/domain/accounts/access-requests.server'
import { formMessage } from '~/utils/form-schema'
import { getLocale } from '~/utils/locale.server'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.requestAccess') },
]

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: AccessRequestSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), sent: false }, { status: 400 })
  }
  // The same answer whatever the CNPJ and email (access-requests.server.ts).
  const answer = await requestAccess({
    input: submission.value,
    ip: String(context.clientIp ?? 'unknown'),
    locale: await getLocale(request),
  })
  if (!answer.ok) {
    const minutes = Math.ceil(answer.retryAfterSeconds / 60)
    const formErrors = [formMessage('access.rateLimited', { minutes })]
    return json({ result: submission.reply({ formErrors }), sent: false }, { status: 429 })
  }
  return json({ result: submission.reply(), sent: true })
}

export default function RequestAccess() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const [form, fields] = useContractForm(AccessRequestSchema, {
    id: 'request-access',
    lastResult: actionData?.result,
  })
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{t('access.title')}</h1>
      {actionData?.sent ? (
        <div data-testid="access-sent">
          <Alert tone="success">{t('access.sent')}</Alert>
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t('access.intro')}</p>
          <FormErrors form={form} summary={false} />
          <Form method="post" className="space-y-4" {...formProps(form)}>
            <Field
              meta={fields.cnpj}
              label={t('access.cnpj')}
              hint={t('access.cnpjHint')}
              inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
            />
            <Field
              meta={fields.name}
              label={t('access.name')}
              inputProps={{ autoComplete: 'name' }}
            />
            <Field
              meta={fields.email}
              type="email"
              label={t('access.email')}
              inputProps={{ autoComplete: 'email' }}
            />
            <Button type="submit" className="w-full" disabled={navigation.state === 'submitting'}>
              {t('access.submit')}
            </Button>
          </Form>
        </>
      )}
      <Link to="/auth/login" className="block text-sm text-brand-700 underline">
        {t('access.backToLogin')}
      </Link>
    </div>
  )
}
