import { getAuth, getImpersonation, createSessionCookie, lucia } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { can } from '~/utils/permissions'
import { audit } from '~/domain/audit/audit.server'

/**
 * Telesales act as a buyer to place an order for them. The staff session ends and a buyer
 * session that names the staff member begins; the storefront shows a banner while it lasts,
 * and the start, the stop and every order placed are audited. The buyer session is short and
 * slides while used (IMPERSONATION_TTL_MS in auth.server.ts).
 */
export async function startImpersonation(request: Request, buyerUserId: string) {
  const { user: actor, session } = await getAuth(request)
  if (!actor || !session || !can(actor.role, 'orders:on-behalf'))
    return { ok: false as const, code: 'FORBIDDEN' as const }
  const buyer = await prisma.user.findFirst({
    where: { id: buyerUserId, role: 'BUYER', active: true, accountId: { not: null } },
    select: { id: true, accountId: true },
  })
  if (!buyer) return { ok: false as const, code: 'NOT_FOUND' as const }
  await audit(prisma, {
    actorId: actor.id,
    onBehalfOfUserId: buyer.id,
    action: 'impersonation.start',
    entity: 'Account',
    entityId: buyer.accountId!,
  })
  await lucia.invalidateSession(session.id)
  return { ok: true as const, cookie: await createSessionCookie(buyer.id, actor.id) }
}

/** Back to the staff member's own session, on the account page they came from. */
export async function stopImpersonation(request: Request) {
  const { user, session } = await getAuth(request)
  if (!user || !session?.impersonatorId) return null
  const staff = await prisma.user.findFirst({
    where: { id: session.impersonatorId, active: true },
    select: { id: true },
  })
  await lucia.invalidateSession(session.id)
  await audit(prisma, {
    actorId: session.impersonatorId,
    onBehalfOfUserId: user.id,
    action: 'impersonation.stop',
    entity: 'Account',
    entityId: user.accountId ?? '',
  })
  if (!staff)
    return { cookie: lucia.createBlankSessionCookie().serialize(), redirectTo: '/auth/login' }
  return {
    cookie: await createSessionCookie(staff.id),
    redirectTo: user.accountId ? `/admin/accounts/${user.accountId}` : '/admin',
  }
}

/**
 * What the storefront's banner says while staff act as a buyer: until when the session lasts,
 * in the time zone of the staff member reading it. Null for the buyer's own session.
 */
export async function impersonationBanner(
  request: Request,
): Promise<{ expiresAt: Date; timeZone: string; mayManageBuyers: boolean } | null> {
  const impersonation = await getImpersonation(request)
  if (!impersonation) return null
  const staff = await prisma.user.findUnique({
    where: { id: impersonation.impersonatorId },
    select: { timeZone: true, role: true },
  })
  return {
    expiresAt: impersonation.expiresAt,
    timeZone: staff?.timeZone ?? 'America/Sao_Paulo',
    // The account's buyers are managed by staff who may do so in the back office too.
    mayManageBuyers: !!staff && can(staff.role, 'accounts:edit'),
  }
}
