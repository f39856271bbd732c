import crypto from 'node:crypto'
import { prisma } from './db.server'
import { env } from './env.server'

let cached: Promise<Buffer> | undefined

/**
 * The key for links the server signs (invitations, unsubscribe). APP_SECRET when set, which
 * production should do; otherwise a random key generated once and kept in the settings row,
 * so links keep working across restarts of a deployment that never configured one.
 */
export function signingKey(): Promise<Buffer> {
  cached ??= (async () => {
    const configured = env().APP_SECRET
    if (configured) return Buffer.from(configured, 'utf8')
    const generated = crypto.randomBytes(32).toString('base64url')
    await prisma.appSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} })
    // Only the first writer's key is kept, so concurrent first calls agree.
    await prisma.appSettings.updateMany({
      where: { id: 1, signingSecret: null },
      data: { signingSecret: generated },
    })
    const row = await prisma.appSettings.findUniqueOrThrow({ where: { id: 1 } })
    return Buffer.from(row.signingSecret!, 'utf8')
  })().catch((error: unknown) => {
    cached = undefined
    throw error
  })
  return cached
}

/** HMAC-SHA256 of `purpose:value`, URL-safe. The purpose keeps one kind of link from passing as another. */
export function sign(key: Buffer, purpose: string, value: string): string {
  return crypto.createHmac('sha256', key).update(`${purpose}:${value}`).digest('base64url')
}

export function signaturesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && crypto.timingSafeEqual(left, right)
}

/** For tests: forget the key so a changed APP_SECRET or database is read again. */
export function resetSigningKeyForTests() {
  cached = undefined
}
