import { type Role } from '@prisma/client'
import { PasswordResetEmail } from '#emails/password-reset'
import { getBranding } from '~/domain/company/company.server'
import { lucia } from '~/utils/auth.server'
import { prisma, type Tx } from '~/utils/db.server'
import { sendEmail } from '~/utils/email.server'
import { env } from '~/utils/env.server'
import { type Locale } from '~/utils/i18n'
import { translator } from '~/utils/i18n.server'
import { hashPassword } from '~/utils/password.server'
import { createRateLimiter, type RateLimiter } from '~/utils/rate-limit.server'
import { normalizeEmail } from './login.server'
import { createToken, hashToken } from './tokens.server'

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000
const ONE_HOUR = 60 * 60

// Built once per process; the counts themselves live in the database (see rate-limit.server).
let limiters: { perIp: RateLimiter; perEmail: RateLimiter } | undefined
function resetLimiters() {
  limiters ??= {
    perIp: createRateLimiter({
      prefix: 'reset-ip',
      limit: env().RESET_MAX_REQUESTS_PER_IP,
      windowSeconds: ONE_HOUR,
    }),
    perEmail: createRateLimiter({
      prefix: 'reset-email',
      limit: env().RESET_MAX_REQUESTS_PER_EMAIL,
      windowSeconds: ONE_HOUR,
    }),
  }
  return limiters
}

export type ResetRequestResult =
  | { ok: true }
  | { ok: false; code: 'RATE_LIMITED'; retryAfterSeconds: number }

// Links being prepared after their request was answered (see requestPasswordReset).
const pending = new Set<Promise<void>>()

/**
 * A link to choose a password (a reset, or a first password for someone just added): its
 * token, shown once, and the row's id. Earlier unused links of the user stop working.
 */
export async function issuePasswordLink(
  tx: Tx,
  userId: string,
  { now, validForMs }: { now: Date; validForMs: number },
): Promise<{ token: string; tokenId: string }> {
  await tx.passwordResetToken.updateMany({
    where: { userId, usedAt: null },
    data: { usedAt: now },
  })
  const token = createToken()
  const row = await tx.passwordResetToken.create({
    data: { userId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + validForMs) },
    select: { id: true },
  })
  return { token, tokenId: row.id }
}

/** Waits for every link still being prepared in this process (tests; a clean shutdown). */
export async function settlePasswordResets(): Promise<void> {
  while (pending.size) await Promise.all(pending)
}

/**
 * Emails a single-use link to choose a new password. The answer is the same whether or not
 * the email has an account, so the form cannot be used to discover who is a customer; and it
 * comes as soon as the rate limits are counted, before the account is even looked up, so the
 * time it takes cannot tell either (making the token and the email took three times as long as
 * finding nothing). The rest happens after the answer, in this process.
 */
export async function requestPasswordReset({
  email,
  ip,
  locale,
  now = new Date(),
}: {
  email: string
  ip: string
  locale: Locale
  now?: Date
}): Promise<ResetRequestResult> {
  const normalized = normalizeEmail(email)
  const { perIp, perEmail } = resetLimiters()
  const byIp = await perIp.hit(ip)
  if (!byIp.allowed)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: byIp.retryAfterSeconds }
  // Over the per-email limit we still answer "sent", but send nothing more to that inbox.
  if (!(await perEmail.hit(normalized)).allowed) return { ok: true }

  const work = sendResetLink(normalized, locale, now)
    .catch((error: unknown) => console.error('Password reset link not queued:', error))
    .finally(() => pending.delete(work))
  pending.add(work)
  return { ok: true }
}

async function sendResetLink(normalized: string, locale: Locale, now: Date): Promise<void> {
  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { id: true, name: true, active: true },
  })
  if (!user?.active) return

  const { token } = await prisma.$transaction((tx) =>
    issuePasswordLink(tx, user.id, { now, validForMs: RESET_TOKEN_TTL_MS }),
  )
  const resetUrl = new URL(
    `/auth/reset-password?${new URLSearchParams({ token })}`,
    env().APP_URL,
  ).toString()
  const brand = await getBranding()
  await sendEmail({
    kind: 'password-reset',
    to: normalized,
    subject: translator(locale)('email.reset.subject', { app: brand.companyName }),
    react: PasswordResetEmail({ brand, locale, name: user.name, resetUrl }),
  })
}

export type TokenState = 'VALID' | 'INVALID' | 'EXPIRED' | 'USED'

export async function checkResetToken(token: string, now = new Date()): Promise<TokenState> {
  if (!token) return 'INVALID'
  const record = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, usedAt: true },
  })
  if (!record) return 'INVALID'
  if (record.usedAt) return 'USED'
  if (record.expiresAt <= now) return 'EXPIRED'
  return 'VALID'
}

/**
 * Sets the new password and burns the token in one transaction; the conditional update makes
 * two racing submissions of the same link succeed at most once. All sessions are signed out.
 */
export async function resetPassword({
  token,
  password,
  now = new Date(),
}: {
  token: string
  password: string
  now?: Date
}): Promise<{ ok: true } | { ok: false; code: Exclude<TokenState, 'VALID'> }> {
  const state = await checkResetToken(token, now)
  if (state !== 'VALID') return { ok: false, code: state }
  const passwordHash = await hashPassword(password)
  const tokenHash = hashToken(token)
  const userId = await prisma.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    })
    if (claimed.count !== 1) return null
    const record = await tx.passwordResetToken.findUniqueOrThrow({
      where: { tokenHash },
      select: { userId: true },
    })
    await tx.user.update({ where: { id: record.userId }, data: { passwordHash } })
    return record.userId
  })
  if (!userId) return { ok: false, code: 'USED' }
  await lucia.invalidateUserSessions(userId)
  return { ok: true }
}

/**
 * The user whose link `token` just set the password, counted as logged in now: a link that asks
 * for it (`signin`, a request for access) lands in the portal at once. Only for a token that
 * `resetPassword` has just accepted; null for any other.
 */
export async function signInWithSpentToken(
  token: string,
  now = new Date(),
): Promise<{ id: string; role: Role } | null> {
  const record = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, user: { select: { id: true, role: true, active: true } } },
  })
  // Spent within the last minute, by the submission that is asking.
  if (!record?.usedAt || now.getTime() - record.usedAt.getTime() > 60_000) return null
  if (!record.user.active) return null
  await prisma.user.update({ where: { id: record.user.id }, data: { lastLoginAt: now } })
  return { id: record.user.id, role: record.user.role }
}
