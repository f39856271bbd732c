import { createRateLimiter } from './rate-limit.server'

describe('rate limiter', () => {
  it('allows the limit within a window, refuses the next, and forgets after the window', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000 })
    expect(limiter.hit('k', 0).allowed).toBe(true)
    expect(limiter.hit('k', 10).allowed).toBe(true)
    expect(limiter.hit('k', 20)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(limiter.isBlocked('k', 30).blocked).toBe(true)
    expect(limiter.hit('other', 20).allowed).toBe(true)
    expect(limiter.hit('k', 1001).allowed).toBe(true)
  })

  it('can be reset for a key', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000 })
    limiter.hit('k', 0)
    limiter.reset('k')
    expect(limiter.isBlocked('k', 1).blocked).toBe(false)
  })
})
