import { type AccountStatus } from '@prisma/client'
import { DAY_MS } from '~/utils/dates'

export type StatusThresholds = { atRiskDays: number; inactiveDays: number; lostDays: number }

export const DEFAULT_THRESHOLDS: StatusThresholds = {
  atRiskDays: 90,
  inactiveDays: 180,
  lostDays: 365,
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS)
}

/** Status from the days since the last order of any channel. */
export function statusFromLastOrder(
  lastOrderAt: Date | null,
  now: Date,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): AccountStatus {
  if (!lastOrderAt) return 'NEVER_ORDERED'
  const days = daysBetween(lastOrderAt, now)
  if (days > thresholds.lostDays) return 'LOST'
  if (days > thresholds.inactiveDays) return 'INACTIVE'
  if (days > thresholds.atRiskDays) return 'AT_RISK'
  return 'ACTIVE'
}

/** An INACTIVE or LOST account that orders again is reactivated. */
export function isReactivation(previous: AccountStatus): boolean {
  return previous === 'INACTIVE' || previous === 'LOST'
}
