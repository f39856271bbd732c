import { type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json, redirectDocument } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import { Field, FormErrors, formProps, useContractForm } from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { invitationSchema } from '~/domain/campaigns/invitation-form'
import { invitationFormFor, viewInvitation } from '~/domain/campaigns/invitations.server'
import { acceptInvitationIntoCart } from '~/domain/orders/invitation-landing.server'
import { PASSWORD_LENGTH } from '~/domain/identity/auth-forms'
import { NewPasswordFields } from '~/components/new-password-fields'
import { createSessionCookie } from '~/utils/auth.server'
import { formMessage } from '~/utils/form-schema'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.invitation') },
  // The token is in the URL: keep it out of Referer headers to other sites, and out of search
  // engines. (No referrer at all would make the browser post the form with `Origin: null`,
  // which the cross-site check refuses when JavaScript is off.)
  { name: 'referrer', content: 'same-origin' },
  { name: 'robots', content: 'noindex' },
]

const STATUS = { INVALID: 404, EXPIRED: 410, USED: 410, RATE_LIMITED: 429 } as const

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await viewInvitation(params.token ?? '', String(context.clientIp ?? 'unknown'))
  return json(view, { status: view.state === 'VALID' ? 200 : STATUS[view.state] })
}

// Passwords are never sent back into the page.
const hideFields = ['password', 'confirm']

/** The server's refusals that concern one field, beside it; the others are about the form. */
const FIELD_OF = {
  NAME_REQUIRED: ['name', formMessage('invite.error.NAME_REQUIRED')],
  PASSWORD_TOO_SHORT: ['password', PASSWORD_LENGTH],
  PASSWORD_MISMATCH: ['confirm', formMessage('validation.passwordMatch')],
  WRONG_PASSWORD: ['password', formMessage('invite.error.WRONG_PASSWORD')],
} as const

type Refusal = Extract<Awaited<ReturnType<typeof acceptInvitationIntoCart>>, { ok: false }>['code']
type ReplyErrors = { formErrors?: string[]; fieldErrors?: Record<string, string[]> }

/** The domain's refusal: a spent link shows its page; the others go beside their field. */
function refusal(code: Refusal, reply: (errors: ReplyErrors) => SubmissionResult<string[]>) {
  const refused = code === 'INVALID' || code === 'EXPIRED' || code === 'USED' ? code : null
  const field = code in FIELD_OF ? FIELD_OF[code as keyof typeof FIELD_OF] : null
  const result = reply(
    field
      ? { fieldErrors: { [field[0]]: [field[1]] } }
      : { formErrors: [formMessage(`invite.error.${code}`)] },
  )
  return json({ result, refused }, { status: 400 })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const token = params.token ?? ''
  const ip = String(context.clientIp ?? 'unknown')
  // The form as the page showed it: a name is asked for only when a login is to be made.
  const expected = await invitationFormFor(token)
  if (!expected) {
    // The link cannot be used, or the address logs in elsewhere: the domain says which.
    const refused = await acceptInvitationIntoCart({
      token,
      name: '',
      password: '',
      confirm: '',
      ip,
    })
    if (!refused.ok) {
      return refusal(refused.code, ({ formErrors = [], fieldErrors = {} }) => ({
        status: 'error',
        error: { '': formErrors, ...fieldErrors },
      }))
    }
  }
  const schema = invitationSchema(expected?.mode ?? 'LOG_IN', {
    nameRequired: expected?.nameRequired,
  })
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields }), refused: null }, { status: 400 })
  }
  const result = await acceptInvitationIntoCart({ token, ...submission.value, ip })
  if (!result.ok) {
    return refusal(result.code, (errors) => submission.reply({ hideFields, ...errors }))
  }
  const cookie = await createSessionCookie(result.userId)
  const target = result.couponApplied
    ? `/cart?welcome=${encodeURIComponent(result.couponApplied)}`
    : '/catalog'
  return redirectDocument(target, { headers: { 'Set-Cookie': cookie } })
}

export default function InvitationPage() {
  const view = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const state = actionData?.refused ?? (view.state === 'VALID' ? null : view.state)

  if (state || view.state !== 'VALID') {
    return (
      <AuthCard>
        <div className="space-y-4" data-testid="invite-refused">
          <h1 className="text-xl font-bold">{t(`invite.${state ?? 'INVALID'}.title`)}</h1>
          <Alert tone="error">{t(`invite.${state ?? 'INVALID'}.body`)}</Alert>
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
        {view.mode === 'EMAIL_IN_USE' ? (
          <p className="text-sm">{t('invite.error.EMAIL_IN_USE')}</p>
        ) : (
          <InvitationForm
            mode={view.mode}
            nameRequired={view.nameRequired}
            email={view.email}
            lastResult={actionData?.result}
          />
        )}
      </div>
    </AuthCard>
  )
}

type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>

function InvitationForm({
  mode,
  nameRequired,
  email,
  lastResult,
}: {
  mode: 'SET_PASSWORD' | 'LOG_IN'
  nameRequired: boolean
  email: string
  lastResult: ActionData['result'] | undefined
}) {
  const navigation = useNavigation()
  const { t } = useT()
  const schema = invitationSchema(mode, { nameRequired })
  const [form, fields] = useContractForm(schema, {
    id: `invitation-${mode}`,
    lastResult,
  })
  return (
    <>
      <FormErrors form={form} summary={false} />
      <Form method="post" className="space-y-4" {...formProps(form)}>
        <p className="text-sm text-slate-700">
          {mode === 'LOG_IN'
            ? t('invite.logInIntro', { email })
            : t('invite.setPasswordIntro', { email })}
        </p>
        {mode === 'SET_PASSWORD' ? (
          <>
            <Field
              meta={fields.name}
              label={t('invite.name')}
              inputProps={{ autoComplete: 'name', required: nameRequired }}
            />
            <NewPasswordFields password={fields.password} confirm={fields.confirm} />
          </>
        ) : (
          <Field
            meta={fields.password}
            type="password"
            label={t('login.password')}
            inputProps={{ autoComplete: 'current-password' }}
          />
        )}
        <Button type="submit" className="w-full" disabled={navigation.state !== 'idle'}>
          {mode === 'LOG_IN' ? t('invite.logIn') : t('invite.activate')}
        </Button>
      </Form>
    </>
  )
}
