import { assert } from 'vitest'
import { createUser } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'
import { authenticate, loginDelayMs } from './login.server'

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

  it('slows down, but never refuses, an email failing from many addresses', async () => {
    await createUser({
      email: 'alvo@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    vi.stubEnv('LOGIN_SLOWDOWN_MAX_MS', '400')
    try {
      for (let i = 0; i < 8; i++)
        expect(
          await authenticateOnAnotherInstance({
            email: 'alvo@loja.example',
            password: 'guess',
            ip: `198.51.100.${i}`,
          }),
        ).toEqual({ ok: false, code: 'INVALID' })
      const started = Date.now()
      expect(
        await authenticateOnAnotherInstance({
          email: 'alvo@loja.example',
          password: 'segredo-123',
          ip: '198.51.100.99',
        }),
      ).toMatchObject({ ok: true })
      // Eight failures already: the longest delay, capped by the setting.
      expect(Date.now() - started).toBeGreaterThanOrEqual(390)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('waits longer with each failure at one email, from nothing to a cap', () => {
    expect([0, 4, 5, 6, 7, 8, 9, 50].map((n) => loginDelayMs(n, 3_000))).toEqual([
      0, 0, 250, 500, 1_000, 2_000, 3_000, 3_000,
    ])
    expect(loginDelayMs(1_000, 3_000)).toBe(3_000)
    expect(loginDelayMs(9, 0)).toBe(0)
  })

  it('refuses a 6th failure from one address at one email when every attempt reaches a different instance', async () => {
    await createUser({
      email: 'espalhado@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    for (let i = 0; i < 5; i++)
      expect(
        await authenticateOnAnotherInstance({
          email: 'espalhado@loja.example',
          password: 'guess',
          ip: '198.51.101.1',
        }),
      ).toEqual({ ok: false, code: 'INVALID' })
    expect(
      await authenticateOnAnotherInstance({
        email: 'espalhado@loja.example',
        password: 'segredo-123',
        ip: '198.51.101.1',
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
        where: { key: 'login-pair-failures:198.51.102.1|contado@loja.example' },
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

  it('lets at most 5 of a burst of parallel guesses from one address at one email reach the password check', async () => {
    await createUser({
      email: 'rajada@loja.example',
      passwordHash: await hashPassword('segredo-123'),
    })
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        authenticate({
          email: 'rajada@loja.example',
          password: `guess-${i}`,
          ip: '203.0.114.1',
        }),
      ),
    )
    expect(results.filter((r) => !r.ok && r.code === 'INVALID')).toHaveLength(5)
    expect(results.filter((r) => !r.ok && r.code === 'RATE_LIMITED')).toHaveLength(7)
  })

  it('clears the failures of the email and address after a successful login', async () => {
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

  it('does not count successful logins against the client address', async () => {
    const office = '203.0.113.50'
    const passwordHash = await hashPassword('segredo-123')
    const staff = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        createUser({ email: `equipe${i}@escritorio.example`, passwordHash }),
      ),
    )
    // 35 logins from one address, as many as an office makes on a busy morning.
    for (let round = 0; round < 7; round++)
      for (const member of staff)
        expect(
          await authenticate({ email: member.email, password: 'segredo-123', ip: office }),
        ).toMatchObject({ ok: true })

    // Nothing of them was counted against the address; a failure from it is.
    await authenticate({ email: 'intruso@x.example', password: 'x', ip: office })
    expect(
      await prisma.rateLimiterFlexible.findUniqueOrThrow({
        where: { key: `login-ip-failures:${office}` },
      }),
    ).toMatchObject({ points: 1 })
  })
})

describe('login limits that a stranger cannot turn against the real user', () => {
  it('lets the manager log in at once from their address after 20 failures for their email from another', async () => {
    await createUser({
      email: 'gerente@fabrica.example',
      role: 'MANAGER',
      passwordHash: await hashPassword('segredo-123'),
    })
    for (let i = 0; i < 20; i++)
      await authenticate({
        email: 'gerente@fabrica.example',
        password: `guess-${i}`,
        ip: '192.0.2.66',
      })
    const started = Date.now()
    expect(
      await authenticate({
        email: 'gerente@fabrica.example',
        password: 'segredo-123',
        ip: '198.51.100.200',
      }),
    ).toMatchObject({ ok: true })
    // At once: a short slowdown (250 ms after 5 failures) and a password hash, never a lockout.
    // The margin leaves room for a busy CI machine.
    expect(Date.now() - started).toBeLessThan(2_500)
  })

  it('never locks an office out for its own logins, even 40 at once from one address', async () => {
    const office = '203.0.113.51'
    const passwordHash = await hashPassword('segredo-123')
    const staff = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        createUser({ email: `colega${i}@escritorio.example`, passwordHash }),
      ),
    )
    const results = await Promise.all(
      staff.map((member) =>
        authenticate({ email: member.email, password: 'segredo-123', ip: office }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(40)
  })

  it('refuses the 6th failure of one email from one address as too many attempts', async () => {
    await createUser({ email: 'par@loja.example', passwordHash: await hashPassword('segredo-123') })
    const attempt = (password: string) =>
      authenticate({ email: 'par@loja.example', password, ip: '198.51.104.1' })
    for (let i = 0; i < 5; i++)
      expect(await attempt('guess')).toEqual({ ok: false, code: 'INVALID' })
    const refused = await attempt('guess')
    assert(!refused.ok && refused.code === 'RATE_LIMITED', 'the sixth attempt is refused')
    expect(refused.retryAfterSeconds).toBeGreaterThan(0)
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60)
    // From that address the right password waits too; from another it does not.
    expect(await attempt('segredo-123')).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(
      await authenticate({
        email: 'par@loja.example',
        password: 'segredo-123',
        ip: '198.51.104.2',
      }),
    ).toMatchObject({ ok: true })
  })

  it('stops one address spraying passwords over many emails at its cap of failures', async () => {
    // The cap is 50 by default (see env.server.test); 10 here keeps the test quick.
    vi.stubEnv('LOGIN_MAX_FAILURES_PER_IP', '10')
    try {
      const results = []
      for (let i = 0; i < 11; i++)
        results.push(
          await authenticateOnAnotherInstance({
            email: `spray${i}@x.example`,
            password: 'x',
            ip: '203.0.113.8',
          }),
        )
      expect(results.slice(0, 10).every((r) => !r.ok && r.code === 'INVALID')).toBe(true)
      expect(results[10]).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
      // Another address is not affected.
      expect(
        await authenticateOnAnotherInstance({
          email: 'spray0@x.example',
          password: 'x',
          ip: '203.0.113.9',
        }),
      ).toEqual({ ok: false, code: 'INVALID' })
    } finally {
      vi.unstubAllEnvs()
    }
  })
  it('lets no more than the cap of a parallel burst of guesses at many emails through from one address', async () => {
    vi.stubEnv('LOGIN_MAX_FAILURES_PER_IP', '10')
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          authenticateOnAnotherInstance({
            email: `rajada${i}@x.example`,
            password: 'x',
            ip: '203.0.113.20',
          }),
        ),
      )
      const checked = results.filter((r) => !r.ok && r.code === 'INVALID').length
      expect(checked).toBeLessThanOrEqual(10)
      expect(results.filter((r) => !r.ok && r.code === 'RATE_LIMITED').length).toBe(30 - checked)
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
