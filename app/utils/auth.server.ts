import { PrismaAdapter } from '@lucia-auth/adapter-prisma'
import { type Role } from '@prisma/client'
import { redirect } from '@remix-run/node'
import { generateIdFromEntropySize, Lucia, TimeSpan, type Session, type User } from 'lucia'
import { prisma } from './db.server'
import { secureCookiesEnabled } from './env.server'
import { can, type Permission, type StaffRole } from './permissions'

const adapter = new PrismaAdapter(prisma.session, prisma.user)

function createLucia(sessionExpiresIn: TimeSpan) {
  return new Lucia(adapter, {
    sessionExpiresIn,
    sessionCookie: {
      name: 'reativa_session',
      attributes: { secure: secureCookiesEnabled(), sameSite: 'lax', path: '/' },
    },
    getSessionAttributes: (attributes) => ({ impersonatorId: attributes.impersonatorId }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      role: attributes.role,
      accountId: attributes.accountId,
      repId: attributes.repId,
      isAccountAdmin: attributes.isAccountAdmin,
      locale: attributes.locale,
      timeZone: attributes.timeZone,
      active: attributes.active,
    }),
  })
}

export const lucia = createLucia(new TimeSpan(30, 'd'))

/**
 * Staff acting as a buyer ("acessar como cliente") get a session of one hour that slides while
 * it is used: each request pushes its end to an hour from then, written at most once a minute.
 * Its id starts with IMPERSONATION_PREFIX, so the request knows which rule applies before the
 * database is read; this Lucia only validates those (its own renewal, at half the hour, never
 * comes first: the minute rule below always renews earlier).
 */
const IMPERSONATION_PREFIX = 'imp_'
export const IMPERSONATION_TTL_MS = 60 * 60 * 1000
const IMPERSONATION_RENEW_AFTER_MS = 60 * 1000
const impersonationLucia = createLucia(new TimeSpan(IMPERSONATION_TTL_MS / 1000, 's'))

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia
    DatabaseSessionAttributes: { impersonatorId: string | null }
    DatabaseUserAttributes: {
      email: string
      name: string
      role: Role
      accountId: string | null
      repId: string | null
      isAccountAdmin: boolean
      locale: string
      timeZone: string
      active: boolean
    }
  }
}

export type AuthUser = User
type Auth = { user: User; session: Session } | { user: null; session: null }

// Loaders of one request share the Request object: validate the session once.
const cache = new WeakMap<Request, Promise<Auth>>()

export function getAuth(request: Request): Promise<Auth> {
  let pending = cache.get(request)
  if (!pending) {
    pending = validate(request)
    cache.set(request, pending)
  }
  return pending
}

async function validate(request: Request): Promise<Auth> {
  const sessionId = lucia.readSessionCookie(request.headers.get('Cookie') ?? '')
  if (!sessionId) return { user: null, session: null }
  const impersonating = sessionId.startsWith(IMPERSONATION_PREFIX)
  const result = await (impersonating ? impersonationLucia : lucia).validateSession(sessionId)
  // An impersonation session must carry the prefix (one made before it did is not honoured).
  const wrongKind = result.session && !!result.session.impersonatorId !== impersonating
  if ((result.user && !result.user.active) || wrongKind) {
    await lucia.invalidateSession(sessionId)
    return { user: null, session: null }
  }
  if (result.session && impersonating) {
    const renewed = new Date(Date.now() + IMPERSONATION_TTL_MS)
    if (renewed.getTime() - result.session.expiresAt.getTime() >= IMPERSONATION_RENEW_AFTER_MS) {
      // updateMany: a session ended by a parallel request is no error here.
      await prisma.session.updateMany({ where: { id: sessionId }, data: { expiresAt: renewed } })
      result.session.expiresAt = renewed
      result.session.fresh = true
    }
  }
  return result
}

export async function getUser(request: Request): Promise<User | null> {
  return (await getAuth(request)).user
}

/** Cookie header to send back when Lucia extended the session, or null. */
export async function refreshedSessionCookie(request: Request): Promise<string | null> {
  const { session } = await getAuth(request)
  if (!session?.fresh) return null
  return (session.impersonatorId ? impersonationLucia : lucia)
    .createSessionCookie(session.id)
    .serialize()
}

/** A buyer acting for their own retailer account. */
export type BuyerUser = User & { role: 'BUYER'; accountId: string }
/** A representative acting for themselves: every rep query is scoped by this repId. */
export type RepUser = User & { role: 'REP'; repId: string }
/** Someone of the industry's team in the back office. */
export type StaffUser = User & { role: StaffRole }

const forbidden = () => new Response('Forbidden', { status: 403 })

/**
 * The signed-in user, or a redirect to the login page that comes back here. With `role` or
 * `permission`, anyone else gets 403. The named guards below say who the route is for.
 */
export async function requireUser(
  request: Request,
  { role, permission }: { role?: Role; permission?: Permission } = {},
): Promise<User> {
  const user = await getUser(request)
  if (!user) {
    const url = new URL(request.url)
    const redirectTo = `${url.pathname}${url.search}`
    throw redirect(`/auth/login?${new URLSearchParams({ redirectTo })}`)
  }
  if (role && user.role !== role) throw forbidden()
  if (permission && !can(user.role, permission)) throw forbidden()
  return user
}

export async function requireBuyer(request: Request): Promise<BuyerUser> {
  const user = await requireUser(request, { role: 'BUYER' })
  if (!user.accountId) throw forbidden()
  return user as BuyerUser
}

/**
 * A buyer who is their account's admin: manages the account's buyers from the storefront. Staff
 * acting as that buyer may do so only if they may manage buyers in the back office too: the
 * telesales team orders on a buyer's behalf but does not hand out logins.
 */
export async function requireAccountAdmin(request: Request): Promise<BuyerUser> {
  const user = await requireBuyer(request)
  if (!user.isAccountAdmin) throw forbidden()
  const impersonatorId = await getImpersonatorId(request)
  if (impersonatorId) {
    const staff = await prisma.user.findUnique({
      where: { id: impersonatorId },
      select: { role: true },
    })
    if (!staff || !can(staff.role, 'accounts:edit')) throw forbidden()
  }
  return user
}

export async function requireRep(request: Request): Promise<RepUser> {
  const user = await requireUser(request, { role: 'REP' })
  if (!user.repId) throw forbidden()
  return user as RepUser
}

/** Back-office staff with `permission` (default: entering the back office at all). */
export async function requireStaff(
  request: Request,
  permission: Permission = 'backoffice:enter',
): Promise<StaffUser> {
  const user = await requireUser(request, { permission: 'backoffice:enter' })
  if (!can(user.role, permission)) throw forbidden()
  return user as StaffUser
}

/** Who is really acting when staff use a buyer's session ("acessar como cliente"), else null. */
export async function getImpersonatorId(request: Request): Promise<string | null> {
  return (await getAuth(request)).session?.impersonatorId ?? null
}

/** The staff member acting as this buyer and until when the session lasts, or null. */
export async function getImpersonation(
  request: Request,
): Promise<{ impersonatorId: string; expiresAt: Date } | null> {
  const { session } = await getAuth(request)
  return session?.impersonatorId
    ? { impersonatorId: session.impersonatorId, expiresAt: session.expiresAt }
    : null
}

/** A new session for `userId`; with `impersonatorId`, the short one of staff acting as a buyer. */
export async function createSessionCookie(
  userId: string,
  impersonatorId: string | null = null,
): Promise<string> {
  const auth = impersonatorId ? impersonationLucia : lucia
  const session = await auth.createSession(
    userId,
    { impersonatorId },
    impersonatorId
      ? { sessionId: `${IMPERSONATION_PREFIX}${generateIdFromEntropySize(25)}` }
      : undefined,
  )
  return auth.createSessionCookie(session.id).serialize()
}

export async function destroySession(request: Request): Promise<string> {
  const { session } = await getAuth(request)
  if (session) await lucia.invalidateSession(session.id)
  return lucia.createBlankSessionCookie().serialize()
}

export { homePathFor } from './home-path'
