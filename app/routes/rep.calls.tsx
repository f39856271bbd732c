import { json } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CallQueue } from '~/components/call-queue'
import { contactFormAction, whatsappInviteAction } from '~/domain/outreach/outreach-actions.server'
import { queueReasonParam } from '~/domain/outreach/queue'
import { callQueue } from '~/domain/outreach/queue.server'
import { requireRep } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { useT } from '~/utils/use-t'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'title.repCalls') }]

/** The call queue of the rep's own accounts: the same reasons as the telesales team's. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRep(request)
  const params = new URL(request.url).searchParams
  const reason = queueReasonParam(params.get('reason'))
  const queue = await callQueue({
    repId: user.repId,
    reason,
    page: Number(params.get('page') ?? 1),
  })
  return json({ queue, reason })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRep(request)
  const form = await request.formData()
  // Another rep's account answers 404, as on the rep's account pages.
  const reply =
    form.get('intent') === 'whatsapp'
      ? await whatsappInviteAction(user, form)
      : await contactFormAction(user, form)
  return json(reply.data, { status: reply.status })
}

export default function RepCallsPage() {
  const { queue, reason } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useT()
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title.repCalls')}</h1>
      <CallQueue
        queue={queue}
        reason={reason}
        reply={reply}
        accountHref={(id) => `/rep/accounts/${id}`}
        canOrderForThem={false}
      />
    </div>
  )
}
