import { type AccountStatus } from '@prisma/client'

/** Accounts still buying: the denominator of churn. */
export const BUYING: ReadonlySet<AccountStatus> = new Set(['ACTIVE', 'AT_RISK'])
const GONE: ReadonlySet<AccountStatus> = new Set(['INACTIVE', 'LOST'])

/** A status change, or `count` identical ones in the same month (pre-aggregated in SQL). */
export type Transition = { from: AccountStatus | null; to: AccountStatus; at: Date; count?: number }
export type Month = { label: string; start: Date; end: Date }
export type MonthChurn = {
  month: string
  activeAtStart: number
  becameInactive: number
  reactivated: number
  /** becameInactive / activeAtStart × 100, null when nobody was active. */
  churnRate: number | null
}

/** The last `count` calendar months (UTC) up to the one containing `now`, oldest first. */
export function lastMonths(now: Date, count: number): Month[] {
  const months: Month[] = []
  for (let i = count - 1; i >= 0; i--) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
    months.push({ label: start.toISOString().slice(0, 7), start, end })
  }
  return months
}

const isBuying = (status: AccountStatus | null) => status !== null && BUYING.has(status)

/**
 * Churn per month = accounts that became inactive in the month / accounts active at its start
 * × 100, and reactivations (INACTIVE or LOST → ACTIVE) per month.
 *
 * Only transitions that cross the line between buying and not buying are needed: walking back
 * from today's number of buying accounts, each month's start is its end minus the accounts
 * that started buying during the month plus those that stopped.
 */
export function churnByMonth({
  buyingNow,
  transitions,
  months,
  now,
}: {
  buyingNow: number
  transitions: readonly Transition[]
  months: readonly Month[]
  now: Date
}): MonthChurn[] {
  const results: MonthChurn[] = []
  let buyingAtEnd = buyingNow
  let windowEnd = now
  for (let i = months.length - 1; i >= 0; i--) {
    const month = months[i]!
    let entered = 0
    let left = 0
    let becameInactive = 0
    let reactivated = 0
    for (const t of transitions) {
      if (t.at < month.start || t.at >= month.end) continue
      const wasBuying = isBuying(t.from)
      const nowBuying = isBuying(t.to)
      const n = t.count ?? 1
      if (t.at < windowEnd) {
        if (!wasBuying && nowBuying) entered += n
        if (wasBuying && !nowBuying) left += n
      }
      if (wasBuying && t.to === 'INACTIVE') becameInactive += n
      if (t.from !== null && GONE.has(t.from) && t.to === 'ACTIVE') reactivated += n
    }
    const activeAtStart = buyingAtEnd - entered + left
    results.unshift({
      month: month.label,
      activeAtStart,
      becameInactive,
      reactivated,
      churnRate:
        activeAtStart > 0 ? Math.round((becameInactive / activeAtStart) * 10_000) / 100 : null,
    })
    buyingAtEnd = activeAtStart
    windowEnd = month.start
  }
  return results
}

/** Reactivation rate = reactivated / invited × 100. */
export function reactivationRate(reactivated: number, invited: number): number | null {
  return invited > 0 ? Math.round((reactivated / invited) * 10_000) / 100 : null
}
