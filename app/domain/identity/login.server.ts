import { type Role } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { decoyPasswordHash, verifyPassword } from '~/utils/password.server'
import { createRateLimiter, type RateLimiter } from '~/utils/rate-limit.server'

const FIFTEEN_MINUTES = 15 * 60 * 1000

let limiters: { perIp: RateLimiter; failuresPerEmail: RateLimiter } | undefined
function loginLimiters() {
  limiters ??= {
    perIp: createRateLimiter({ limit: env().LOGIN_MAX_ATTEMPTS_PER_IP, windowMs: FIFTEEN_MINUTES }),
    failuresPerEmail: createRateLimiter({
      limit: env().LOGIN_MAX_FAILURES_PER_EMAIL,
      windowMs: FIFTEEN_MINUTES,
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
 * Checks email and password. Every attempt counts against the client address; failures also
 * count against the email, so one address cannot hammer one account and many addresses
 * cannot either.
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
  const byIp = perIp.hit(ip)
  if (!byIp.allowed)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: byIp.retryAfterSeconds }
  const byEmail = failuresPerEmail.isBlocked(normalized)
  if (byEmail.blocked)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: byEmail.retryAfterSeconds }

  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { id: true, role: true, passwordHash: true, active: true },
  })
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password)
  if (!user || !user.active || !user.passwordHash || !valid) {
    failuresPerEmail.hit(normalized)
    return { ok: false, code: 'INVALID' }
  }
  failuresPerEmail.reset(normalized)
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } })
  return { ok: true, user: { id: user.id, role: user.role } }
}
