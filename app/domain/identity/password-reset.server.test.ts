import { createUser, deliverQueuedEmail } from '#tests/fixtures/factories'
import { lucia } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { hashPassword, verifyPassword } from '~/utils/password.server'
import {
  checkResetToken,
  requestPasswordReset,
  resetPassword,
  RESET_TOKEN_TTL_MS,
  settlePasswordResets,
} from './password-reset.server'

async function tokenFromMailbox(email: string): Promise<string> {
  await settlePasswordResets()
  await deliverQueuedEmail()
  const mail = await prisma.mailboxMessage.findFirstOrThrow({
    where: { to: email },
    orderBy: { createdAt: 'desc' },
  })
  const match = /token=([\w-]+)/.exec(mail.text)
  if (!match) throw new Error('no reset link in the email')
  return match[1]!
}

describe('password reset', () => {
  it('emails a link whose token is stored only as a hash, and sets the new password once', async () => {
    const user = await createUser({ passwordHash: await hashPassword('old-password') })
    expect(
      await requestPasswordReset({
        email: user.email.toUpperCase(),
        ip: '10.0.0.1',
        locale: 'pt-BR',
      }),
    ).toEqual({ ok: true })
    const token = await tokenFromMailbox(user.email)
    const stored = await prisma.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } })
    expect(stored.tokenHash).not.toContain(token)
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/)

    expect(await resetPassword({ token, password: 'new-password-1' })).toEqual({ ok: true })
    const updated = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(await verifyPassword(updated.passwordHash!, 'new-password-1')).toBe(true)
    expect(updated.passwordHash).toMatch(/^\$argon2id\$/)

    expect(await resetPassword({ token, password: 'another-password' })).toEqual({
      ok: false,
      code: 'USED',
    })
    const unchanged = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(await verifyPassword(unchanged.passwordHash!, 'new-password-1')).toBe(true)
  })

  it('refuses an expired link and an invented one', async () => {
    const user = await createUser()
    const sentAt = new Date('2026-11-20T10:00:00Z')
    await requestPasswordReset({ email: user.email, ip: '10.0.0.2', locale: 'en', now: sentAt })
    const token = await tokenFromMailbox(user.email)
    const later = new Date(sentAt.getTime() + RESET_TOKEN_TTL_MS + 1000)
    expect(await checkResetToken(token, later)).toBe('EXPIRED')
    expect(await resetPassword({ token, password: 'new-password-1', now: later })).toEqual({
      ok: false,
      code: 'EXPIRED',
    })
    expect(await checkResetToken('made-up-token')).toBe('INVALID')
  })

  it('replaces an earlier link when a new one is requested', async () => {
    const user = await createUser()
    await requestPasswordReset({ email: user.email, ip: '10.0.0.3', locale: 'pt-BR' })
    const first = await tokenFromMailbox(user.email)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await requestPasswordReset({ email: user.email, ip: '10.0.0.3', locale: 'pt-BR' })
    const second = await tokenFromMailbox(user.email)
    expect(second).not.toBe(first)
    expect(await checkResetToken(first)).toBe('USED')
    expect(await checkResetToken(second)).toBe('VALID')
  })

  it('signs the user out everywhere after a reset', async () => {
    const user = await createUser()
    await lucia.createSession(user.id, { impersonatorId: null })
    await requestPasswordReset({ email: user.email, ip: '10.0.0.4', locale: 'pt-BR' })
    await resetPassword({ token: await tokenFromMailbox(user.email), password: 'new-password-1' })
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  })

  it('answers the same for an unknown email and sends nothing', async () => {
    await deliverQueuedEmail()
    const before = await prisma.mailboxMessage.count()
    expect(
      await requestPasswordReset({
        email: 'nobody@nowhere.example',
        ip: '10.0.0.5',
        locale: 'pt-BR',
      }),
    ).toEqual({ ok: true })
    await settlePasswordResets()
    await deliverQueuedEmail()
    expect(await prisma.mailboxMessage.count()).toBe(before)
  })

  it('stops mailing one inbox after the per-email limit, and blocks a flooding address', async () => {
    const user = await createUser()
    for (let i = 0; i < 5; i++)
      await requestPasswordReset({ email: user.email, ip: `10.1.0.${i}`, locale: 'pt-BR' })
    await settlePasswordResets()
    await deliverQueuedEmail()
    expect(await prisma.mailboxMessage.count({ where: { to: user.email } })).toBe(3)

    const results = []
    for (let i = 0; i < 12; i++)
      results.push(
        await requestPasswordReset({
          email: `x${i}@flood.example`,
          ip: '10.9.9.9',
          locale: 'pt-BR',
        }),
      )
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true)
    expect(results[10]).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })

  it('takes as long to answer for an unknown email as for one with an account', async () => {
    const rounds = 30
    const users = []
    for (let i = 0; i < rounds; i++) users.push(await createUser())
    const timed = async (email: string, ip: string) => {
      const started = performance.now()
      expect(await requestPasswordReset({ email, ip, locale: 'pt-BR' })).toEqual({ ok: true })
      const elapsed = performance.now() - started
      // The link made after the answer does not weigh on the next request measured.
      await settlePasswordResets()
      return elapsed
    }
    const known: number[] = []
    const unknown: number[] = []
    // Interleaved, so that whatever else the machine does weighs on both alike.
    for (let i = 0; i < rounds; i++) {
      known.push(await timed(users[i]!.email, `10.2.${i}.1`))
      unknown.push(await timed(`ninguem${i}@nowhere.example`, `10.2.${i}.2`))
    }
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    const ratio = median(known) / median(unknown)
    // And the links did go out, after the answers.
    await deliverQueuedEmail()
    expect(
      await prisma.mailboxMessage.count({ where: { to: { in: users.map((u) => u.email) } } }),
    ).toBe(rounds)
    expect(ratio, `known ${median(known)} ms, unknown ${median(unknown)} ms`).toBeGreaterThan(0.5)
    expect(ratio, `known ${median(known)} ms, unknown ${median(unknown)} ms`).toBeLessThan(2)
  }, 60_000)
})
