import { parseWithZod } from '@conform-to/zod'
import { json, redirect, redirectDocument } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { FormErrors, formProps, useContractForm } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { ResetPasswordSchema } from '~/domain/identity/auth-forms'
import {
  checkResetToken,
  resetPassword,
  signInWithSpentToken,
} from '~/domain/identity/password-reset.server'
import { createSessionCookie, homePathFor } from '~/utils/auth.server'
import { NewPasswordFields } from '~/components/new-password-fields'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.resetPassword') },
  // The token is in the URL: keep it out of Referer headers to other sites, and out of search
  // engines. (No referrer at all would make the browser post the form with `Origin: null`,
  // which the cross-site check refuses when JavaScript is off.)
  { name: 'referrer', content: 'same-origin' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const token = params.get('token') ?? ''
  // A new buyer's first link (buyers.server.ts) says "choose", not "new", password.
  const welcome = params.get('welcome') === '1'
  // A request for access's link (access-requests.server.ts) lands in the storefront at once.
  const signIn = params.get('signin') === '1'
  return json({ token, welcome, signIn, state: await checkResetToken(token) })
}

// Passwords are never sent back into the page.
const hideFields = ['password', 'confirm']

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: ResetPasswordSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields }), tokenState: null }, { status: 400 })
  }
  const result = await resetPassword(submission.value)
  if (!result.ok) {
    return json(
      { result: submission.reply({ hideFields }), tokenState: result.code },
      { status: 400 },
    )
  }
  if (formData.get('signin') === '1') {
    const user = await signInWithSpentToken(submission.value.token)
    if (user) {
      const cookie = await createSessionCookie(user.id)
      return redirectDocument(homePathFor(user.role), { headers: { 'Set-Cookie': cookie } })
    }
  }
  return redirect('/auth/login?reset=1')
}

const stateMessage = {
  INVALID: 'reset.invalid',
  EXPIRED: 'reset.expired',
  USED: 'reset.used',
} as const

export default function ResetPassword() {
  const { token, welcome, signIn, state } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useT()
  const [form, fields] = useContractForm(ResetPasswordSchema, {
    id: 'reset-password',
    lastResult: actionData?.result,
  })
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
      <h1 className="text-xl font-bold">{t(welcome ? 'buyers.welcomeTitle' : 'reset.title')}</h1>
      <FormErrors form={form} summary={false} />
      <Form method="post" className="space-y-4" {...formProps(form)}>
        <input type="hidden" name="token" value={token} />
        {signIn ? <input type="hidden" name="signin" value="1" /> : null}
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <Button type="submit" className="w-full" disabled={navigation.state === 'submitting'}>
          {t('reset.submit')}
        </Button>
      </Form>
    </div>
  )
}
