import { type LoaderFunctionArgs } from '@remix-run/node'
import { getMailboxMessage, requireMailboxAccess } from '~/utils/mailbox.server'

/** The stored email HTML, shown in a sandboxed frame (the server relaxes CSP for this path). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireMailboxAccess(request)
  const message = await getMailboxMessage(params.id ?? '')
  return new Response(message.html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}
