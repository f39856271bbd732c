import { type Role } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { decoyPasswordHash, verifyPassword } from '~/utils/password.server'
import { createRateLimiter, type RateLimiter } from '~/utils/rate-limit.server'

const FIFTEEN_MINUTES = 15 * 60

// Built once per process; the counts themselves live in the database (see rate-limit.server).
let limiters: { perIp: RateLimiter; failuresPerEmail: RateLimiter } | undefined
function loginLimiters() {
  limiters ??= {
    perIp: createRateLimiter({
      prefix: 'login-ip',
      limit: env().LOGIN_MAX_ATTEMPTS_PER_IP,
      windowSeconds: FIFTEEN_MINUTES,
    }),
    failuresPerEmail: createRateLimiter({
      prefix: 'login-email-failures',
      limit: env().LOGIN_MAX_FAILURES_PER_EMAIL,
      windowSeconds: FIFTEEN_MINUTES,
    }),
  }
  return limiters
}

export type LoginResult =
  | { ok: true; user: { id: string; role: Role } }
  | { ok: false; code: 'INVALID' }
  | { ok: false; code: 'RATE_LIMITED'; retryAfterSeconds: number }

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * Checks email and password. Failures count against the client address and against the
 * email, so one address cannot hammer one account and many addresses cannot either.
 *
 * Both counters are charged before the password is checked and, for a success, given back
 * afterwards (the address's point refunded, the email's failures cleared). Counting up front
 * is what stops a burst of parallel guesses: a check-then-count would let every request of the
 * burst pass the check before the first failure is recorded. Refunding on success keeps an
 * office whose staff all log in from one address from being locked out by its own logins.
 */
export async function authenticate({
  email,
  password,
  ip,
}: {
  email: string
  password: string
  ip: string
}): Promise<LoginResult> {
  const { perIp, failuresPerEmail } = loginLimiters()
  const normalized = normalizeEmail(email)
  const byIp = await perIp.hit(ip)
  if (!byIp.allowed)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: byIp.retryAfterSeconds }
  const byEmail = await failuresPerEmail.hit(normalized)
  if (!byEmail.allowed)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: byEmail.retryAfterSeconds }

  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { id: true, role: true, passwordHash: true, active: true },
  })
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password)
  if (!user || !user.active || !user.passwordHash || !valid) return { ok: false, code: 'INVALID' }
  await Promise.all([failuresPerEmail.reset(normalized), perIp.refund(ip)])
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } })
  return { ok: true, user: { id: user.id, role: user.role } }
}
