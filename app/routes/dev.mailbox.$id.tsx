import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getMailboxMessage, requireMailboxAccess } from '~/utils/mailbox.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireMailboxAccess(request)
  const { id, from, to, subject, text } = await getMailboxMessage(params.id ?? '')
  const message = { id, from, to, subject, text }
  return json({ message })
}

export default function MailboxMessage() {
  const { message } = useLoaderData<typeof loader>()
  return (
    <section
      aria-label={message.subject}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 className="text-lg font-semibold" data-testid="mail-subject">
        {message.subject}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm text-slate-600">
        <dt>From</dt>
        <dd data-testid="mail-from">{message.from}</dd>
        <dt>To</dt>
        <dd>{message.to}</dd>
      </dl>
      <iframe
        title={message.subject}
        src={`/dev/mailbox/${message.id}/html`}
        sandbox=""
        className="h-[32rem] w-full rounded border border-slate-200"
      />
      <details>
        <summary className="cursor-pointer text-sm">text/plain</summary>
        <pre className="whitespace-pre-wrap text-xs" data-testid="mail-text">
          {message.text}
        </pre>
      </details>
    </section>
  )
}
