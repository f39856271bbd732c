import { type User } from '@prisma/client'
import { requireUser } from './auth.server'

/** A representative acting for themselves: every rep query is scoped by this repId. */
export async function requireRep(request: Request): Promise<User & { repId: string }> {
  const user = await requireUser(request, { roles: ['REP'] })
  if (!user.repId) throw new Response('Forbidden', { status: 403 })
  return user as User & { repId: string }
}
