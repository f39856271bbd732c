/**
 * An empty install and its first administrator. While no ADMIN exists, every page leads to
 * /setup, where whoever holds the one-time code printed in the server log creates the first
 * ADMIN and names the company. Only the code's hash is stored, in AppSettings, so any instance
 * can check a code another printed; a new start-up prints a new code (the old one stops
 * working). Claiming clears the hash in the same transaction that creates the admin, with a
 * conditional update: of two simultaneous claims exactly one changes the row and wins.
 */
import crypto from 'node:crypto'
import { audit } from '~/domain/audit/audit.server'
import { isUniqueViolation, prisma } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'
import { createRateLimiter, type RateLimiter } from '~/utils/rate-limit.server'
import { normalizeEmail } from './login.server'

// Crockford's base32: no I, L, O or U, so a code read from a log is typed back without doubt.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_LENGTH = 12
/** Wrong codes from one address in 15 minutes. The code's 60 bits are the real defence. */
export const SETUP_MAX_FAILURES_PER_IP = 5
const FIFTEEN_MINUTES = 15 * 60

/** A new code such as `7K2M-Q9XD-4HNP`. */
export function createSetupCode(): string {
  const bytes = crypto.randomBytes(CODE_LENGTH)
  const chars = [...bytes].map((byte) => ALPHABET[byte % 32]!)
  return [0, 4, 8].map((start) => chars.slice(start, start + 4).join('')).join('-')
}

/** The code as typed, in any case, with or without its dashes and spaces. */
export function hashSetupCode(code: string): string {
  const normalized = code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
  return crypto.createHash('sha256').update(normalized).digest('hex')
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && crypto.timingSafeEqual(left, right)
}

// Once an ADMIN exists the install never needs setting up again (the last ADMIN cannot be
// removed), so a yes is kept; a no is asked again on the next request.
let adminSeen = false

export async function hasAdmin(): Promise<boolean> {
  if (adminSeen) return true
  adminSeen = (await prisma.user.count({ where: { role: 'ADMIN' } })) > 0
  return adminSeen
}

/** For tests that empty the database between cases. */
export function forgetAdminSeen() {
  adminSeen = false
}

/**
 * At start-up: on an install without an ADMIN, a new code whose hash replaces any earlier one;
 * null once an ADMIN exists.
 */
export async function issueSetupCode(): Promise<string | null> {
  if (await hasAdmin()) return null
  const code = createSetupCode()
  const setupCodeHash = hashSetupCode(code)
  await prisma.appSettings.upsert({
    where: { id: 1 },
    create: { id: 1, setupCodeHash },
    update: { setupCodeHash },
  })
  return code
}

let limiter: RateLimiter | undefined
function failuresPerIp() {
  limiter ??= createRateLimiter({
    prefix: 'setup-code-failures',
    limit: SETUP_MAX_FAILURES_PER_IP,
    windowSeconds: FIFTEEN_MINUTES,
  })
  return limiter
}

export type ClaimResult =
  | { ok: true; user: { id: string; role: 'ADMIN' } }
  | { ok: false; code: 'WRONG_CODE' | 'ALREADY_SET_UP' | 'EMAIL_TAKEN' }
  | { ok: false; code: 'RATE_LIMITED'; retryAfterSeconds: number }

class ClaimRefused extends Error {
  constructor(readonly code: 'ALREADY_SET_UP' | 'EMAIL_TAKEN') {
    super(code)
  }
}

/**
 * Creates the first ADMIN and names the company, if `code` is the one printed last and no
 * ADMIN exists yet. A refusal writes nothing (but the address's count of wrong codes, charged
 * before the code is checked so that a parallel burst cannot pass it).
 */
export async function claimInstall(input: {
  code: string
  companyName: string
  name: string
  email: string
  password: string
  ip: string
  now?: Date
}): Promise<ClaimResult> {
  if (await hasAdmin()) return { ok: false, code: 'ALREADY_SET_UP' }
  const limit = await failuresPerIp().hit(input.ip)
  if (!limit.allowed)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: limit.retryAfterSeconds }
  const settings = await prisma.appSettings.findUnique({
    where: { id: 1 },
    select: { setupCodeHash: true },
  })
  const stored = settings?.setupCodeHash
  // No hash at all: no code was printed yet (or the claim was won meanwhile, which the
  // transaction below would find); either way this code is not the one.
  if (!stored || !sameHash(hashSetupCode(input.code), stored)) {
    return { ok: false, code: 'WRONG_CODE' }
  }
  const passwordHash = await hashPassword(input.password)
  const now = input.now ?? new Date()
  try {
    const user = await prisma.$transaction(async (tx) => {
      // The winner clears the hash; a concurrent claim then matches no row (on PostgreSQL it
      // waits for the winner's row lock and re-reads the row; SQLite runs one at a time).
      const { count } = await tx.appSettings.updateMany({
        where: { id: 1, setupCodeHash: stored },
        data: { setupCodeHash: null, setupCompletedAt: now, companyName: input.companyName },
      })
      if (count !== 1) throw new ClaimRefused('ALREADY_SET_UP')
      if ((await tx.user.count({ where: { role: 'ADMIN' } })) > 0)
        throw new ClaimRefused('ALREADY_SET_UP')
      const created = await tx.user.create({
        data: {
          email: normalizeEmail(input.email),
          name: input.name,
          role: 'ADMIN',
          passwordHash,
        },
        select: { id: true },
      })
      await audit(tx, {
        actorId: created.id,
        action: 'setup.firstAdmin',
        entity: 'User',
        entityId: created.id,
        changes: { companyName: [null, input.companyName], email: [null, input.email] },
      })
      return created
    })
    adminSeen = true
    await failuresPerIp().reset(input.ip)
    return { ok: true, user: { id: user.id, role: 'ADMIN' } }
  } catch (error) {
    if (error instanceof ClaimRefused) return { ok: false, code: error.code }
    if (isUniqueViolation(error)) return { ok: false, code: 'EMAIL_TAKEN' }
    throw error
  }
}
