/**
 * Fixed-window counters kept in memory. Reativa runs as one process per deployment (SQLite);
 * a multi-instance deployment would move this to the database or Redis.
 */
export type RateLimiter = {
  /** Counts one hit and says whether the key is still within its limit. */
  hit(key: string, now?: number): { allowed: boolean; retryAfterSeconds: number }
  /** Says whether the key is over its limit without counting. */
  isBlocked(key: string, now?: number): { blocked: boolean; retryAfterSeconds: number }
  reset(key: string): void
}

export function createRateLimiter({
  limit,
  windowMs,
}: {
  limit: number
  windowMs: number
}): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>()

  function current(key: string, now: number) {
    const window = windows.get(key)
    if (!window || window.resetAt <= now) return undefined
    return window
  }

  function sweep(now: number) {
    if (windows.size < 10_000) return
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key)
  }

  return {
    hit(key, now = Date.now()) {
      sweep(now)
      const window = current(key, now) ?? { count: 0, resetAt: now + windowMs }
      window.count += 1
      windows.set(key, window)
      return {
        allowed: window.count <= limit,
        retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000),
      }
    },
    isBlocked(key, now = Date.now()) {
      const window = current(key, now)
      const blocked = !!window && window.count >= limit
      return { blocked, retryAfterSeconds: window ? Math.ceil((window.resetAt - now) / 1000) : 0 }
    },
    reset(key) {
      windows.delete(key)
    },
  }
}
