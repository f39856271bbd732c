import { type LoaderFunctionArgs } from '@remix-run/node'
import { prisma } from '~/utils/db.server'
import { requireMailboxAccess } from '~/utils/mailbox.server'

/** The stored email HTML, shown in a sandboxed frame (the server relaxes CSP for this path). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireMailboxAccess(request)
  const message = await prisma.mailboxMessage.findUnique({
    where: { id: params.id ?? '' },
    select: { html: true },
  })
  if (!message) throw new Response('Not found', { status: 404 })
  return new Response(message.html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}
