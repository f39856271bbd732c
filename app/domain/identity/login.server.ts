import { type Role } from '@prisma/client'
import { setTimeout as sleep } from 'node:timers/promises'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { decoyPasswordHash, verifyPassword } from '~/utils/password.server'
import { createRateLimiter, type RateLimiter } from '~/utils/rate-limit.server'

const FIFTEEN_MINUTES = 15 * 60
/** Failures at one email, from any addresses, answered without delay. */
const FAILURES_BEFORE_SLOWDOWN = 5
const FIRST_DELAY_MS = 250

// Built once per process; the counts themselves live in the database (see rate-limit.server).
let limiters:
  | { failuresPerPair: RateLimiter; failuresPerIp: RateLimiter; failuresPerEmail: RateLimiter }
  | undefined
function loginLimiters() {
  limiters ??= {
    failuresPerPair: createRateLimiter({
      prefix: 'login-pair-failures',
      limit: env().LOGIN_MAX_FAILURES_PER_EMAIL_AND_IP,
      windowSeconds: FIFTEEN_MINUTES,
    }),
    failuresPerIp: createRateLimiter({
      prefix: 'login-ip-failures',
      limit: env().LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: FIFTEEN_MINUTES,
    }),
    // Never refuses: its count only sets the delay (see loginDelayMs).
    failuresPerEmail: createRateLimiter({
      prefix: 'login-email-failures',
      limit: Number.MAX_SAFE_INTEGER,
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
 * How long to wait before checking a password for an email that already has
 * `earlierFailures` failures in the window, from any addresses: nothing for the first few,
 * then 250 ms doubling with each failure, never more than `maxMs`.
 */
export function loginDelayMs(earlierFailures: number, maxMs: number): number {
  if (earlierFailures < FAILURES_BEFORE_SLOWDOWN || maxMs <= 0) return 0
  const doublings = Math.min(earlierFailures - FAILURES_BEFORE_SLOWDOWN, 20)
  return Math.min(FIRST_DELAY_MS * 2 ** doublings, maxMs)
}

/**
 * Checks email and password. Only failures count, in three ways, none of which a stranger can
 * use to keep the real user out:
 * - per email _and_ address (5 per 15 min): guessing one account's password from one place is
 *   refused; the account's owner, from their own address, is not affected;
 * - per address across emails (50 per 15 min): one place spraying passwords over many accounts
 *   is refused; the successful logins of an office behind one address never count;
 * - per email across addresses: never refused, only slowed (loginDelayMs), so guesses from
 *   many addresses get slower while the right password still gets in.
 *
 * The pair's count is charged before the password is checked (a burst of parallel guesses from
 * one place cannot all pass a check-then-count) and cleared by a success; the email's is
 * charged up front too, so that a parallel burst meets the delay, and given back on success.
 * The address's is charged up front and given back on success too: read-then-count would let
 * a parallel burst of guesses at many emails through at once.
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
  const { failuresPerPair, failuresPerIp, failuresPerEmail } = loginLimiters()
  const normalized = normalizeEmail(email)
  const pair = `${ip}|${normalized}`
  const byPair = await failuresPerPair.hit(pair)
  if (!byPair.allowed)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: byPair.retryAfterSeconds }
  const byIp = await failuresPerIp.hit(ip)
  if (!byIp.allowed) {
    await Promise.all([failuresPerPair.refund(pair), failuresPerIp.refund(ip)])
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: byIp.retryAfterSeconds }
  }
  const byEmail = await failuresPerEmail.hit(normalized)
  const delay = loginDelayMs(byEmail.count - 1, env().LOGIN_SLOWDOWN_MAX_MS)
  if (delay > 0) await sleep(delay)

  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { id: true, role: true, passwordHash: true, active: true },
  })
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password)
  if (!user || !user.active || !user.passwordHash || !valid) return { ok: false, code: 'INVALID' }
  await Promise.all([
    failuresPerPair.reset(pair),
    failuresPerEmail.refund(normalized),
    failuresPerIp.refund(ip),
  ])
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } })
  return { ok: true, user: { id: user.id, role: user.role } }
}
