import { assert } from 'vitest'
import { createUser } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'
import { authenticate } from './login.server'

/**
 * `authenticate` from a freshly evaluated module: its limiters are built anew, as in another
 * instance of the app, and only the database (the same one) is shared.
 */
async function authenticateOnAnotherInstance(input: Parameters<typeof authenticate>[0]) {
  vi.resetModules()
  const fresh = await import('./login.server')
  expect(fresh.authenticate).not.toBe(authenticate)
  return fresh.authenticate(input)
}

describe('login', () => {
  it('accepts the right password whatever the case of the email', async () => {
    const user = await createUser({
      email: 'Maria@Loja.example'.toLowerCase(),
      passwordHash: await hashPassword('segredo-123'),
    })
    const result = await authenticate({
      email: '  MARIA@loja.example ',
      password: 'segredo-123',
      ip: '192.0.2.1',
    })
    expect(result).toEqual({ ok: true, user: { id: user.id, role: 'BUYER' } })
  })

  it('answers the same for a wrong password and an unknown email', async () => {
    await createUser({
      email: 'joao@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    expect(
      await authenticate({ email: 'joao@loja.example', password: 'wrong', ip: '192.0.2.2' }),
    ).toEqual({ ok: false, code: 'INVALID' })
    expect(
      await authenticate({ email: 'ghost@loja.example', password: 'wrong', ip: '192.0.2.2' }),
    ).toEqual({ ok: false, code: 'INVALID' })
  })

  it('locks an email after 5 failures, even with the right password, from any address', async () => {
    await createUser({
      email: 'alvo@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    for (let i = 0; i < 5; i++)
      await authenticate({ email: 'alvo@loja.example', password: 'guess', ip: `198.51.100.${i}` })
    const result = await authenticate({
      email: 'alvo@loja.example',
      password: 'segredo-123',
      ip: '198.51.100.99',
    })
    assert(!result.ok && result.code === 'RATE_LIMITED', 'the sixth attempt is refused')
    expect(result.retryAfterSeconds).toBeGreaterThan(0)
    expect(result.retryAfterSeconds).toBeLessThanOrEqual(15 * 60)
  })

  it('locks an email after 5 failures when every attempt reaches a different instance', async () => {
    await createUser({
      email: 'espalhado@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    for (let i = 0; i < 5; i++)
      expect(
        await authenticateOnAnotherInstance({
          email: 'espalhado@loja.example',
          password: 'guess',
          ip: `198.51.101.${i}`,
        }),
      ).toEqual({ ok: false, code: 'INVALID' })
    expect(
      await authenticateOnAnotherInstance({
        email: 'espalhado@loja.example',
        password: 'segredo-123',
        ip: '198.51.101.99',
      }),
    ).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })

  it('keeps the failure count in the database, not in the process', async () => {
    await createUser({
      email: 'contado@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    for (let i = 0; i < 5; i++)
      await authenticate({ email: 'contado@loja.example', password: 'guess', ip: '198.51.102.1' })
    expect(
      await prisma.rateLimiterFlexible.findUniqueOrThrow({
        where: { key: 'login-email-failures:contado@loja.example' },
      }),
    ).toMatchObject({ points: 5 })

    // Same module, same limiter objects: with the rows gone, nothing remembers the failures.
    await prisma.rateLimiterFlexible.deleteMany({})
    expect(
      await authenticate({
        email: 'contado@loja.example',
        password: 'segredo-123',
        ip: '198.51.102.1',
      }),
    ).toMatchObject({ ok: true })
  })

  it('lets at most 5 of a burst of parallel guesses at one email reach the password check', async () => {
    await createUser({
      email: 'rajada@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        authenticate({
          email: 'rajada@loja.example',
          password: `guess-${i}`,
          ip: `203.0.114.${i}`,
        }),
      ),
    )
    expect(results.filter((r) => !r.ok && r.code === 'INVALID')).toHaveLength(5)
    expect(results.filter((r) => !r.ok && r.code === 'RATE_LIMITED')).toHaveLength(7)
  })

  it('clears the email failures after a successful login', async () => {
    await createUser({
      email: 'esquecido@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    const attempt = (password: string) =>
      authenticate({ email: 'esquecido@loja.example', password, ip: '198.51.103.1' })
    for (let i = 0; i < 4; i++) await attempt('guess')
    expect(await attempt('segredo-123')).toMatchObject({ ok: true })
    for (let i = 0; i < 5; i++)
      expect(await attempt('guess')).toEqual({ ok: false, code: 'INVALID' })
    expect(await attempt('segredo-123')).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })

  it('limits attempts per client address across emails', async () => {
    const results = []
    for (let i = 0; i < 31; i++)
      results.push(
        await authenticate({ email: `n${i}@x.example`, password: 'x', ip: '203.0.113.7' }),
      )
    expect(results.slice(0, 30).every((r) => !r.ok && r.code === 'INVALID')).toBe(true)
    expect(results[30]).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })

  it('does not count successful logins against the client address', async () => {
    const office = '203.0.113.50'
    const passwordHash = await hashPassword('segredo-123')
    const staff = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        createUser({ email: `equipe${i}@escritorio.example`, passwordHash }),
      ),
    )
    // 35 logins from one address, more than the 30 attempts it may make in 15 minutes.
    for (let round = 0; round < 7; round++)
      for (const member of staff)
        expect(
          await authenticate({ email: member.email, password: 'segredo-123', ip: office }),
        ).toMatchObject({ ok: true })

    // Failures from that address still count, up to the limit.
    const failures = []
    for (let i = 0; i < 31; i++)
      failures.push(
        await authenticate({ email: `intruso${i}@x.example`, password: 'x', ip: office }),
      )
    expect(failures.slice(0, 30).every((r) => !r.ok && r.code === 'INVALID')).toBe(true)
    expect(failures[30]).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })
})
