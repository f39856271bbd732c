import { json, redirectDocument } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CallQueue } from '~/components/call-queue'
import { startImpersonation } from '~/domain/identity/impersonation.server'
import { contactFormAction, whatsappInviteAction } from '~/domain/outreach/outreach-actions.server'
import { queueReasonParam } from '~/domain/outreach/queue'
import { callQueue } from '~/domain/outreach/queue.server'
import { requireStaff } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { can } from '~/utils/permissions'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.calls') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, 'calls:work')
  const params = new URL(request.url).searchParams
  const reason = queueReasonParam(params.get('reason'))
  const queue = await callQueue({ reason, page: Number(params.get('page') ?? 1) })
  return json({ queue, reason, canOrderForThem: can(user.role, 'orders:on-behalf') })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, 'calls:work')
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'impersonate') {
    await requireStaff(request, 'orders:on-behalf')
    const started = await startImpersonation(request, String(form.get('userId') ?? ''))
    if (!started.ok) throw new Response('Not found', { status: 404 })
    return redirectDocument('/catalog', { headers: { 'Set-Cookie': started.cookie } })
  }
  const reply =
    intent === 'whatsapp'
      ? await whatsappInviteAction(user, form)
      : await contactFormAction(user, form)
  return json(reply.data, { status: reply.status })
}

export default function CallsPage() {
  const { queue, reason, canOrderForThem } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useT()
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold">{t('title.calls')}</h1>
      <CallQueue
        queue={queue}
        reason={reason}
        reply={reply}
        accountHref={(id) => `/admin/accounts/${id}`}
        canOrderForThem={canOrderForThem}
      />
    </div>
  )
}
