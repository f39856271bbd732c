import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AuthCard } from '~/components/auth-card'
import {
  FormErrors,
  formProps,
  SelectField,
  TextareaField,
  useContractForm,
} from '~/components/forms'
import { Alert, Button } from '~/components/ui/primitives'
import { verifyUnsubscribe } from '~/domain/campaigns/links.server'
import { isOptedOut, optOut } from '~/domain/campaigns/invitations.server'
import { MAX_NOTE, StopReasonSchema } from '~/domain/outreach/stop-reason-form'
import { StopReasonOptions } from '~/components/stop-reason-options'
import { recordStopReasonByEmail } from '~/domain/outreach/stop-reasons.server'
import { useT } from '~/utils/use-t'
import { pageTitle } from '~/utils/meta'

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'title.unsubscribe') },
  { name: 'robots', content: 'noindex' },
]

async function addressFrom(request: Request) {
  const url = new URL(request.url)
  return verifyUnsubscribe(url.searchParams.get('e'), url.searchParams.get('s'))
}

// Opening the link only asks: mail scanners follow links, and must not unsubscribe anyone.
export async function loader({ request }: LoaderFunctionArgs) {
  const email = await addressFrom(request)
  if (!email) return json({ email: null, done: false }, { status: 400 })
  return json({ email, done: await isOptedOut(email) })
}

// The button, or the mail provider's one-click POST (List-Unsubscribe-Post); then, optionally,
// why the shop stopped buying, on the same signed link.
export async function action({ request }: ActionFunctionArgs) {
  const email = await addressFrom(request)
  if (!email) return json({ ok: false, reason: null }, { status: 400 })
  const form = await request.formData()
  if (form.get('intent') === 'reason') {
    const submission = parseWithZod(form, { schema: StopReasonSchema })
    if (submission.status !== 'success') {
      return json(
        { ok: true, reason: { result: submission.reply(), saved: false } },
        { status: 400 },
      )
    }
    const { reason, comment } = submission.value
    if (reason) await recordStopReasonByEmail(email, { reason, comment: comment || null })
    return json({ ok: true, reason: { result: submission.reply(), saved: true } })
  }
  await optOut(email, 'unsubscribe')
  return json({ ok: true, reason: null })
}

export default function UnsubscribePage() {
  const { email, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  return (
    <AuthCard>
      <div className="space-y-4">
        <h1 className="text-xl font-bold">{t('unsubscribe.title')}</h1>
        {!email ? (
          <Alert tone="error">{t('unsubscribe.invalid')}</Alert>
        ) : done || actionData?.ok ? (
          <>
            <Alert tone="success">{t('unsubscribe.done', { email })}</Alert>
            {actionData?.reason?.saved ? (
              <p className="text-sm" role="status">
                {t('unsubscribe.thanks')}
              </p>
            ) : (
              <WhyForm lastResult={actionData?.reason?.result} />
            )}
          </>
        ) : (
          <Form method="post" className="space-y-3">
            <p className="text-sm">{t('unsubscribe.confirm', { email })}</p>
            <Button type="submit" className="w-full">
              {t('unsubscribe.button')}
            </Button>
          </Form>
        )}
      </div>
    </AuthCard>
  )
}

/** "Why did you stop buying?", optional: one reason from the list and a comment. */
function WhyForm({
  lastResult,
}: {
  lastResult: Parameters<typeof useContractForm>[1]['lastResult']
}) {
  const { t } = useT()
  const navigation = useNavigation()
  const [form, fields] = useContractForm(StopReasonSchema, { id: 'why', lastResult })
  return (
    <Form method="post" className="space-y-3 border-t border-slate-200 pt-3" {...formProps(form)}>
      <input type="hidden" name="intent" value="reason" />
      <p className="text-sm">{t('unsubscribe.why')}</p>
      <FormErrors form={form} />
      <SelectField meta={fields.reason} label={t('unsubscribe.reason')}>
        <StopReasonOptions none={t('unsubscribe.reasonNone')} />
      </SelectField>
      <TextareaField
        meta={fields.comment}
        label={t('unsubscribe.comment')}
        textareaProps={{ rows: 3, maxLength: MAX_NOTE }}
      />
      <Button type="submit" variant="secondary" disabled={navigation.state === 'submitting'}>
        {t('unsubscribe.send')}
      </Button>
    </Form>
  )
}
