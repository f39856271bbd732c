import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible'
import { isUniqueViolation, prisma, type Db } from './db.server'

export type RateLimitResult = {
  allowed: boolean
  retryAfterSeconds: number
  /** Hits counted in the key's current window, this one included. */
  count: number
}

/**
 * Fixed-window counters shared by every instance: each key's count is a row of
 * RateLimiterFlexible, kept by rate-limiter-flexible's Prisma store. The object holds no count
 * itself, so two limiters built with the same prefix, in one process or in two, count together.
 */
export type RateLimiter = {
  /** Counts one hit; allowed while the key's window holds no more than `limit` hits. */
  hit(key: string): Promise<RateLimitResult>
  /** Whether one more hit would be allowed, without counting one. */
  peek(key: string): Promise<RateLimitResult>
  /** Takes back one hit counted by `hit`, for an attempt that turned out not to count. */
  refund(key: string): Promise<void>
  /** Forgets the key's window. */
  reset(key: string): Promise<void>
}

export type RateLimitStore = Pick<Db, 'rateLimiterFlexible'>

/**
 * Prisma turns the store's upsert into one INSERT … ON CONFLICT on SQLite and PostgreSQL, so
 * two first hits on a new key do not collide. Prisma falls back to a read then a write when a
 * query does not qualify for that, and the loser of the race then gets P2002: the row exists
 * by then, so one more try counts the hit instead of failing the request.
 */
async function retryOnceOnUniqueViolation<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return operation()
  }
}

function retryAfterSeconds(res: RateLimiterRes) {
  return Math.ceil(Math.max(res.msBeforeNext, 0) / 1000)
}

export function createRateLimiter({
  prefix,
  limit,
  windowSeconds,
  db = prisma,
}: {
  /** Keeps this limiter's keys apart from every other limiter's in the shared table. */
  prefix: string
  limit: number
  windowSeconds: number
  db?: RateLimitStore
}): RateLimiter {
  const limiter = new RateLimiterPrisma({
    storeClient: db,
    // The store reads `storeClient[tableName]`: the client's model property, not the table.
    tableName: 'rateLimiterFlexible',
    keyPrefix: prefix,
    points: limit,
    duration: windowSeconds,
    // Deliberately no `insuranceLimiter` and no `inMemoryBlockOnConsumed`: both keep counts in
    // this process, which would make the limits per instance again. If the database fails, so
    // does the request. The store's sweep of expired rows runs on an unref'd timer, so it never
    // keeps a script or a test run alive.
  })
  return {
    async hit(key) {
      try {
        const res = await retryOnceOnUniqueViolation(() => limiter.consume(key))
        return {
          allowed: true,
          retryAfterSeconds: retryAfterSeconds(res),
          count: res.consumedPoints,
        }
      } catch (error) {
        // The library rejects with its result object when the key is over the limit.
        if (!(error instanceof RateLimiterRes)) throw error
        return {
          allowed: false,
          retryAfterSeconds: Math.max(retryAfterSeconds(error), 1),
          count: error.consumedPoints,
        }
      }
    },
    async peek(key) {
      const res = await limiter.get(key)
      // No row, or one whose window has ended (the store reads those as none).
      if (!res) return { allowed: true, retryAfterSeconds: 0, count: 0 }
      const allowed = res.consumedPoints < limit
      return {
        allowed,
        retryAfterSeconds: allowed ? retryAfterSeconds(res) : Math.max(retryAfterSeconds(res), 1),
        count: res.consumedPoints,
      }
    },
    async refund(key) {
      await retryOnceOnUniqueViolation(() => limiter.reward(key))
    },
    async reset(key) {
      await limiter.delete(key)
    },
  }
}
