import { requireUser } from './auth.server'
import { prisma } from './db.server'
import { isDevMailboxEnabled } from './email.server'
import { env } from './env.server'

/**
 * The dev mailbox holds password-reset links: outside development only an ADMIN may read it,
 * and it does not exist at all once real email (Resend) is configured.
 */
export async function requireMailboxAccess(request: Request): Promise<void> {
  if (!isDevMailboxEnabled()) throw new Response('Not found', { status: 404 })
  if (env().NODE_ENV === 'development') return
  await requireUser(request, { permission: 'mailbox:view' })
}

/** The 50 newest messages, optionally to one address. */
export function listMailbox(to: string | undefined) {
  return prisma.mailboxMessage.findMany({
    where: to ? { to } : {},
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, to: true, subject: true, createdAt: true },
  })
}

export async function getMailboxMessage(id: string) {
  const message = await prisma.mailboxMessage.findUnique({ where: { id } })
  if (!message) throw new Response('Not found', { status: 404 })
  return message
}
