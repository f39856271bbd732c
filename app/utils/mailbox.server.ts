import { requireUser } from './auth.server'
import { isDevMailboxEnabled } from './email.server'
import { env } from './env.server'

/**
 * The dev mailbox holds password-reset links: outside development only an ADMIN may read it,
 * and it does not exist at all once real email (Resend) is configured.
 */
export async function requireMailboxAccess(request: Request): Promise<void> {
  if (!isDevMailboxEnabled()) throw new Response('Not found', { status: 404 })
  if (env().NODE_ENV === 'development') return
  await requireUser(request, { roles: ['ADMIN'] })
}
