import { parseWithZod } from '@conform-to/zod'
import { json, redirect, redirectDocument } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { ErrorPage } from '~/components/error-page'
import { Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { NewPasswordFields } from '~/components/new-password-fields'
import { Button } from '~/components/ui/primitives'
import { claimInstall, hasAdmin } from '~/domain/identity/first-admin.server'
import { SetupSchema } from '~/domain/identity/setup-form'
import { createSessionCookie } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.setup') },
  { name: 'robots', content: 'noindex' },
]

/** Open only while the install has no administrator; afterwards it is the login page. */
export async function loader(_: LoaderFunctionArgs) {
  if (await hasAdmin()) throw redirect('/auth/login')
  return null
}

// Neither the code nor the passwords are ever sent back into the page.
const hideFields = ['code', 'password', 'confirm']

export async function action({ request, context }: ActionFunctionArgs) {
  if (await hasAdmin()) throw redirect('/auth/login')
  const submission = parseWithZod(await request.formData(), { schema: SetupSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields }) }, { status: 400 })
  }
  const result = await claimInstall({ ...submission.value, ip: context.clientIp })
  if (result.ok) {
    const cookie = await createSessionCookie(result.user.id)
    return redirectDocument('/admin', { headers: { 'Set-Cookie': cookie } })
  }
  if (result.code === 'ALREADY_SET_UP') throw redirect('/auth/login')
  const reply =
    result.code === 'RATE_LIMITED'
      ? submission.reply({
          hideFields,
          formErrors: [
            formMessage('setup.rateLimited', {
              minutes: Math.ceil(result.retryAfterSeconds / 60),
            }),
          ],
        })
      : result.code === 'EMAIL_TAKEN'
        ? submission.reply({
            hideFields,
            fieldErrors: { email: [formMessage('setup.emailTaken')] },
          })
        : submission.reply({ hideFields, fieldErrors: { code: [formMessage('setup.wrongCode')] } })
  return json({ result: reply }, { status: result.code === 'RATE_LIMITED' ? 429 : 400 })
}

export default function SetupPage() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const [form, fields] = useContractForm(SetupSchema, {
    id: 'setup',
    lastResult: actionData?.result,
  })
  const busy = navigation.state === 'submitting'
  return (
    <AuthCard>
      <div className="space-y-4">
        <h1 className="text-xl font-bold">{t('setup.title')}</h1>
        <p className="text-sm text-slate-700">{t('setup.intro')}</p>
        <FormErrors form={form} summary={false} />
        <Form method="post" className="space-y-4" {...formProps(form)}>
          <Field
            meta={fields.code}
            label={t('setup.code')}
            hint={t('setup.codeHint')}
            inputProps={{ autoComplete: 'off', spellCheck: false, className: 'font-mono' }}
          />
          <Field
            meta={fields.companyName}
            label={t('setup.companyName')}
            hint={t('setup.companyHint')}
            inputProps={{ autoComplete: 'organization' }}
          />
          <fieldset className="space-y-4">
            <legend className="font-semibold">{t('setup.admin')}</legend>
            <Field
              meta={fields.name}
              label={t('setup.name')}
              inputProps={{ autoComplete: 'name' }}
            />
            <Field
              meta={fields.email}
              type="email"
              label={t('setup.email')}
              inputProps={{ autoComplete: 'email' }}
            />
            <NewPasswordFields password={fields.password} confirm={fields.confirm} />
          </fieldset>
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? t('common.loading') : t('setup.submit')}
          </Button>
        </Form>
      </div>
    </AuthCard>
  )
}

export function ErrorBoundary() {
  return <ErrorPage />
}
