import { type Prisma } from '@prisma/client'
import { normalizeEmail } from '~/domain/identity/login.server'
import { MIN_PASSWORD_LENGTH } from '~/domain/identity/password-policy'
import { hashToken } from '~/domain/identity/tokens.server'
import { chunks } from '~/utils/chunks'
import { prisma } from '~/utils/db.server'
import { hashPassword, verifyPassword } from '~/utils/password.server'
import { createRateLimiter, type RateLimiter } from '~/utils/rate-limit.server'

let limiter: RateLimiter | undefined
/** Invitation links and their forms, per client address: guessing tokens is hopeless, this keeps it so. */
function inviteLimiter() {
  limiter ??= createRateLimiter({ prefix: 'invite-ip', limit: 30, windowSeconds: 15 * 60 })
  return limiter
}

const invitationInclude = {
  account: { select: { tradeName: true } },
  offer: { select: { name: true, code: true, description: true, paused: true } },
} satisfies Prisma.InvitationInclude

type LoadedInvitation = Prisma.InvitationGetPayload<{ include: typeof invitationInclude }>

export type InvitationView =
  | { state: 'INVALID' | 'EXPIRED' | 'USED' | 'RATE_LIMITED' }
  | {
      state: 'VALID'
      mode: 'SET_PASSWORD' | 'LOG_IN' | 'EMAIL_IN_USE'
      /** No login for the address yet: one is made under the name the buyer types. */
      nameRequired: boolean
      email: string
      accountName: string
      offer: { name: string; code: string | null; description: string } | null
    }

async function findByToken(token: string): Promise<LoadedInvitation | null> {
  // A well-formed token is "<uuid>.<43 base64url chars>"; anything else is not worth a query.
  if (!/^[0-9a-f-]{36}\.[\w-]{43}$/.test(token)) return null
  return prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: invitationInclude,
  })
}

async function userFor(email: string) {
  return prisma.user.findUnique({
    where: { email },
    select: { id: true, role: true, accountId: true, passwordHash: true, active: true },
  })
}

type UserRow = Awaited<ReturnType<typeof userFor>>

function modeFor(
  invitation: LoadedInvitation,
  user: UserRow,
): 'SET_PASSWORD' | 'LOG_IN' | 'EMAIL_IN_USE' {
  if (!user) return 'SET_PASSWORD'
  // The address already logs in somewhere else (staff, another shop): never take it over.
  if (user.role !== 'BUYER' || user.accountId !== invitation.accountId || !user.active)
    return 'EMAIL_IN_USE'
  return user.passwordHash ? 'LOG_IN' : 'SET_PASSWORD'
}

function stateOf(invitation: LoadedInvitation | null, now: Date) {
  if (!invitation) return 'INVALID' as const
  if (invitation.activatedAt) return 'USED' as const
  if (invitation.expiresAt <= now) return 'EXPIRED' as const
  return 'VALID' as const
}

/** What the invitation page shows; the first visit counts as the click in the funnel. */
export async function viewInvitation(
  token: string,
  ip: string,
  now = new Date(),
): Promise<InvitationView> {
  if (!(await inviteLimiter().hit(ip)).allowed) return { state: 'RATE_LIMITED' }
  const invitation = await findByToken(token)
  const state = stateOf(invitation, now)
  if (state !== 'VALID' || !invitation) return { state: state === 'VALID' ? 'INVALID' : state }
  if (!invitation.clickedAt) {
    await prisma.invitation.updateMany({
      where: { id: invitation.id, clickedAt: null },
      data: { clickedAt: now },
    })
  }
  const offer = invitation.offer && !invitation.offer.paused ? invitation.offer : null
  const user = await userFor(invitation.email)
  return {
    state: 'VALID',
    mode: modeFor(invitation, user),
    nameRequired: !user,
    email: invitation.email,
    accountName: invitation.account.tradeName,
    offer: offer ? { name: offer.name, code: offer.code, description: offer.description } : null,
  }
}

/**
 * What the landing form asks for, so the server checks the form as the page showed it (no
 * click counted, no rate limit hit): null when the link cannot be used.
 */
export async function invitationFormFor(
  token: string,
  now = new Date(),
): Promise<{ mode: 'SET_PASSWORD' | 'LOG_IN'; nameRequired: boolean } | null> {
  const invitation = await findByToken(token)
  if (stateOf(invitation, now) !== 'VALID' || !invitation) return null
  const user = await userFor(invitation.email)
  const mode = modeFor(invitation, user)
  return mode === 'EMAIL_IN_USE' ? null : { mode, nameRequired: !user }
}

export type AcceptResult =
  | { ok: true; userId: string; accountId: string; offerCode: string | null }
  | {
      ok: false
      code:
        | 'INVALID'
        | 'EXPIRED'
        | 'USED'
        | 'RATE_LIMITED'
        | 'EMAIL_IN_USE'
        | 'WRONG_PASSWORD'
        | 'PASSWORD_TOO_SHORT'
        | 'PASSWORD_MISMATCH'
        | 'NAME_REQUIRED'
    }

/**
 * Uses an invitation: sets the buyer's password (creating the login if the shop had none) or
 * checks the one they have, marks the link used (once: a conditional update), and puts the
 * campaign's coupon in the cart. The route then opens a session.
 */
export async function acceptInvitation(
  input: { token: string; name: string; password: string; confirm: string; ip: string },
  now = new Date(),
): Promise<AcceptResult> {
  if (!(await inviteLimiter().hit(input.ip)).allowed) return { ok: false, code: 'RATE_LIMITED' }
  const invitation = await findByToken(input.token)
  const state = stateOf(invitation, now)
  if (state !== 'VALID' || !invitation)
    return { ok: false, code: state as 'INVALID' | 'EXPIRED' | 'USED' }
  const email = normalizeEmail(invitation.email)
  const user = await userFor(email)
  const mode = modeFor(invitation, user)
  if (mode === 'EMAIL_IN_USE') return { ok: false, code: 'EMAIL_IN_USE' }

  let passwordHash: string | null = null
  if (mode === 'LOG_IN') {
    if (!(await verifyPassword(user!.passwordHash!, input.password)))
      return { ok: false, code: 'WRONG_PASSWORD' }
  } else {
    if (!user && input.name.trim().length < 2) return { ok: false, code: 'NAME_REQUIRED' }
    if (input.password.length < MIN_PASSWORD_LENGTH)
      return { ok: false, code: 'PASSWORD_TOO_SHORT' }
    if (input.password !== input.confirm) return { ok: false, code: 'PASSWORD_MISMATCH' }
    passwordHash = await hashPassword(input.password)
  }

  const userId = await prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, activatedAt: null, expiresAt: { gt: now } },
      data: { activatedAt: now },
    })
    if (count !== 1) return null
    await tx.invitation.updateMany({
      where: { id: invitation.id, clickedAt: null },
      data: { clickedAt: now },
    })
    if (user) {
      await tx.user.update({
        where: { id: user.id },
        data: { lastLoginAt: now, ...(passwordHash ? { passwordHash } : {}) },
      })
      return user.id
    }
    const created = await tx.user.create({
      data: {
        email,
        name: input.name.trim().slice(0, 120),
        role: 'BUYER',
        accountId: invitation.accountId,
        passwordHash,
        locale: invitation.locale,
        lastLoginAt: now,
        createdAt: now,
      },
    })
    return created.id
  })
  if (!userId) return { ok: false, code: 'USED' }

  // The offer lands in the cart through orders/invitation-landing.server.ts.
  const offerCode = invitation.offer && !invitation.offer.paused ? invitation.offer.code : null
  return { ok: true, userId, accountId: invitation.accountId, offerCode }
}

/** Records an opt-out (LGPD): every later campaign and queued invitation skips the address. */
export async function optOut(
  email: string,
  reason: 'unsubscribe' | 'complaint',
  now = new Date(),
): Promise<void> {
  const normalized = normalizeEmail(email)
  await prisma.emailOptOut.upsert({
    where: { email: normalized },
    create: { email: normalized, reason, createdAt: now },
    update: {},
  })
}

export async function isOptedOut(email: string): Promise<boolean> {
  return !!(await prisma.emailOptOut.findUnique({ where: { email: normalizeEmail(email) } }))
}

/** The addresses among `emails` that opted out, with why (unsubscribe or complaint). */
export async function optOutsFor(emails: Iterable<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const part of chunks([...new Set(emails)], 500)) {
    const rows = await prisma.emailOptOut.findMany({ where: { email: { in: part } } })
    for (const row of rows) found.set(row.email, row.reason)
  }
  return found
}
