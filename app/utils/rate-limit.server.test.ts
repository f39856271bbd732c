import { type Prisma } from '@prisma/client'
import { prisma } from './db.server'
import { createRateLimiter, type RateLimitStore } from './rate-limit.server'

function activeTimers() {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length
}

/** A store where another instance creates the key just before our first write to it. */
function storeLosingTheFirstRace(): RateLimitStore {
  const model = prisma.rateLimiterFlexible
  let raced = false
  async function upsert(args: Prisma.RateLimiterFlexibleUpsertArgs) {
    if (raced) return model.upsert(args)
    raced = true
    await model.create({ data: args.create })
    throw Object.assign(new Error('Unique constraint failed on the fields: (`key`)'), {
      code: 'P2002',
    })
  }
  return {
    rateLimiterFlexible: new Proxy(model, {
      get: (target, property) => (property === 'upsert' ? upsert : Reflect.get(target, property)),
    }),
  }
}

describe('rate limiter', () => {
  it('allows the limit within a window and refuses the next with the time left', async () => {
    const limiter = createRateLimiter({ prefix: 'test-window', limit: 2, windowSeconds: 60 })
    expect((await limiter.hit('k')).allowed).toBe(true)
    expect((await limiter.hit('k')).allowed).toBe(true)
    const refused = await limiter.hit('k')
    expect(refused.allowed).toBe(false)
    expect(refused.retryAfterSeconds).toBeGreaterThan(0)
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
    expect((await limiter.hit('other')).allowed).toBe(true)
  })

  it('starts a new window once the old one has expired', async () => {
    const limiter = createRateLimiter({ prefix: 'test-expiry', limit: 1, windowSeconds: 60 })
    await limiter.hit('k')
    expect((await limiter.hit('k')).allowed).toBe(false)
    await prisma.rateLimiterFlexible.update({
      where: { key: 'test-expiry:k' },
      data: { expire: new Date(Date.now() - 1000) },
    })
    expect((await limiter.hit('k')).allowed).toBe(true)
  })

  it('keeps the count in the database, shared by limiters built separately', async () => {
    const first = createRateLimiter({ prefix: 'test-shared', limit: 2, windowSeconds: 60 })
    const second = createRateLimiter({ prefix: 'test-shared', limit: 2, windowSeconds: 60 })
    await first.hit('k')
    await second.hit('k')
    expect((await first.hit('k')).allowed).toBe(false)
    expect(
      await prisma.rateLimiterFlexible.findUniqueOrThrow({ where: { key: 'test-shared:k' } }),
    ).toMatchObject({ points: 3 })
  })

  it('keeps limiters with different prefixes apart', async () => {
    const login = createRateLimiter({ prefix: 'test-a', limit: 1, windowSeconds: 60 })
    const reset = createRateLimiter({ prefix: 'test-b', limit: 1, windowSeconds: 60 })
    await login.hit('same-key')
    expect((await reset.hit('same-key')).allowed).toBe(true)
    expect((await login.hit('same-key')).allowed).toBe(false)
  })

  it('gives back a refunded hit, and forgets a reset key', async () => {
    const limiter = createRateLimiter({ prefix: 'test-refund', limit: 1, windowSeconds: 60 })
    await limiter.hit('k')
    await limiter.refund('k')
    expect((await limiter.hit('k')).allowed).toBe(true)
    expect((await limiter.hit('k')).allowed).toBe(false)
    await limiter.reset('k')
    expect((await limiter.hit('k')).allowed).toBe(true)
  })

  it('counts both hits when another instance creates the key first (unique-constraint race)', async () => {
    const limiter = createRateLimiter({
      prefix: 'test-race',
      limit: 1,
      windowSeconds: 60,
      db: storeLosingTheFirstRace(),
    })
    expect(await limiter.hit('k')).toMatchObject({ allowed: false })
    expect(
      await prisma.rateLimiterFlexible.findUniqueOrThrow({ where: { key: 'test-race:k' } }),
    ).toMatchObject({ points: 2 })
  })

  it('fails the request rather than count in memory when the database fails', async () => {
    const model = prisma.rateLimiterFlexible
    const broken: RateLimitStore = {
      rateLimiterFlexible: new Proxy(model, {
        get: (target, property) =>
          property === 'deleteMany' || property === 'upsert'
            ? () => Promise.reject(new Error('database is down'))
            : Reflect.get(target, property),
      }),
    }
    const limiter = createRateLimiter({
      prefix: 'test-down',
      limit: 5,
      windowSeconds: 60,
      db: broken,
    })
    await expect(limiter.hit('k')).rejects.toThrow('database is down')
  })

  it('does not keep the process alive with its cleanup timer', () => {
    const before = activeTimers()
    createRateLimiter({ prefix: 'test-timer', limit: 1, windowSeconds: 60 })
    expect(activeTimers()).toBe(before)
  })
})
