import { PrismaAdapter } from '@lucia-auth/adapter-prisma'
import { type Role } from '@prisma/client'
import { redirect } from '@remix-run/node'
import { Lucia, TimeSpan, type Session, type User } from 'lucia'
import { prisma } from './db.server'
import { secureCookiesEnabled } from './env.server'
import { can, type Permission, type StaffRole } from './permissions'

export const lucia = new Lucia(new PrismaAdapter(prisma.session, prisma.user), {
  sessionExpiresIn: new TimeSpan(30, 'd'),
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
  const result = await lucia.validateSession(sessionId)
  if (result.user && !result.user.active) {
    await lucia.invalidateSession(sessionId)
    return { user: null, session: null }
  }
  return result
}

export async function getUser(request: Request): Promise<User | null> {
  return (await getAuth(request)).user
}

/** Cookie header to send back when Lucia extended the session, or null. */
export async function refreshedSessionCookie(request: Request): Promise<string | null> {
  const { session } = await getAuth(request)
  return session?.fresh ? lucia.createSessionCookie(session.id).serialize() : null
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

export async function createSessionCookie(
  userId: string,
  impersonatorId: string | null = null,
): Promise<string> {
  const session = await lucia.createSession(userId, { impersonatorId })
  return lucia.createSessionCookie(session.id).serialize()
}

export async function destroySession(request: Request): Promise<string> {
  const { session } = await getAuth(request)
  if (session) await lucia.invalidateSession(session.id)
  return lucia.createBlankSessionCookie().serialize()
}

/** The page a user lands on after login, by role. */
export function homePathFor(role: Role): '/catalog' | '/admin' | '/rep' {
  if (role === 'BUYER') return '/catalog'
  if (role === 'REP') return '/rep'
  return '/admin'
}

/** Only same-site paths: "/x" but never "//evil.example" or "https://…". */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/',
): string {
  if (
    typeof to !== 'string' ||
    !to.startsWith('/') ||
    to.startsWith('//') ||
    to.startsWith('/\\')
  ) {
    return fallback
  }
  return to
}
