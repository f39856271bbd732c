import { type AccountStatus } from '@prisma/client'
import { DEFAULT_THRESHOLDS, statusFromLastOrder, type StatusThresholds } from './status'
import { DAY_MS } from '~/utils/dates'

/**
 * The inactivity engine. Fixed thresholds (days since the last order of any channel) say when
 * an account is AT_RISK, INACTIVE or LOST. Cadence catches what thresholds miss: an account
 * with at least CADENCE_MIN_ORDERS orders is also AT_RISK once its silence exceeds twice its
 * own median interval between orders (a monthly buyer silent for 65 days).
 */
export const CADENCE_MIN_ORDERS = 3
export const CADENCE_FACTOR = 2

export type Classification = {
  status: AccountStatus
  lastOrderAt: Date | null
  firstOrderAt: Date | null
  /** Median days between orders on distinct days; null below CADENCE_MIN_ORDERS orders. */
  medianIntervalDays: number | null
  /** Last order + median interval: when the next order is due. */
  expectedNextOrderAt: Date | null
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Order dates, oldest first, one per calendar day (UTC). */
function distinctDays(orderDates: readonly Date[]): Date[] {
  const seen = new Map<number, Date>()
  for (const date of orderDates) {
    const day = Math.floor(date.getTime() / DAY_MS)
    const kept = seen.get(day)
    if (!kept || date > kept) seen.set(day, date)
  }
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, date]) => date)
}

function cadenceOf(days: Date[]): number | null {
  if (days.length < CADENCE_MIN_ORDERS) return null
  const intervals = days.slice(1).map((date, i) => (date.getTime() - days[i]!.getTime()) / DAY_MS)
  return Math.max(1, Math.round(median(intervals)))
}

export function classifyAccount(
  orderDates: readonly Date[],
  now: Date,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): Classification {
  const days = distinctDays(orderDates.filter((date) => date <= now))
  const last = days.at(-1) ?? null
  const medianIntervalDays = cadenceOf(days)
  let status = statusFromLastOrder(last, now, thresholds)
  if (status === 'ACTIVE' && last && medianIntervalDays !== null) {
    const silentDays = (now.getTime() - last.getTime()) / DAY_MS
    if (silentDays > CADENCE_FACTOR * medianIntervalDays) status = 'AT_RISK'
  }
  return {
    status,
    lastOrderAt: last,
    firstOrderAt: days[0] ?? null,
    medianIntervalDays,
    expectedNextOrderAt:
      last && medianIntervalDays !== null
        ? new Date(last.getTime() + medianIntervalDays * DAY_MS)
        : null,
  }
}

export type StatusPeriod = { status: AccountStatus; from: Date }

/**
 * The account's status over time, rebuilt from its order dates: every order makes it ACTIVE,
 * then cadence and thresholds move it on until the next order. The status history (and the
 * churn computed from it) comes from here, so importing old orders rewrites it consistently.
 */
export function statusTimeline(
  orderDates: readonly Date[],
  until: Date,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): StatusPeriod[] {
  const days = distinctDays(orderDates.filter((date) => date <= until))
  const periods: StatusPeriod[] = []
  const push = (status: AccountStatus, from: Date) => {
    if (periods.at(-1)?.status !== status) periods.push({ status, from })
  }
  days.forEach((orderAt, index) => {
    push('ACTIVE', orderAt)
    const next = days[index + 1] ?? null
    const end = next ?? until
    const median = cadenceOf(days.slice(0, index + 1))
    const at = (daysAfter: number) => new Date(orderAt.getTime() + daysAfter * DAY_MS)
    // Moments after this order when the status would change, if no order comes first.
    const steps: { status: AccountStatus; from: Date }[] = [
      { status: 'AT_RISK', from: at(thresholds.atRiskDays + 1) },
      { status: 'INACTIVE', from: at(thresholds.inactiveDays + 1) },
      { status: 'LOST', from: at(thresholds.lostDays + 1) },
    ]
    if (median !== null) {
      // Same rule as classifyAccount: at risk once the silence exceeds CADENCE_FACTOR × median.
      const cadenceRisk = new Date(orderAt.getTime() + CADENCE_FACTOR * median * DAY_MS + 1)
      if (cadenceRisk < steps[0]!.from) steps[0] = { status: 'AT_RISK', from: cadenceRisk }
    }
    for (const step of steps)
      if (step.from <= end && (!next || step.from < next)) push(step.status, step.from)
  })
  return periods
}

/** Status on a date according to a timeline (NEVER_ORDERED before the first order). */
export function statusAt(timeline: readonly StatusPeriod[], date: Date): AccountStatus {
  let status: AccountStatus = 'NEVER_ORDERED'
  for (const period of timeline) {
    if (period.from > date) break
    status = period.status
  }
  return status
}

/**
 * When the account's status will next change if it places no order: the next step of its
 * timeline after `now`, or null when nothing more can happen (never ordered, or already LOST).
 */
export function nextStatusChangeAt(
  orderDates: readonly Date[],
  now: Date,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): Date | null {
  const past = orderDates.filter((date) => date <= now)
  if (!past.length) return null
  const last = Math.max(...past.map((date) => date.getTime()))
  const horizon = new Date(Math.max(now.getTime(), last) + (thresholds.lostDays + 2) * DAY_MS)
  return statusTimeline(past, horizon, thresholds).find((period) => period.from > now)?.from ?? null
}

/**
 * The expected next order as shown to people: only while it is still ahead. Once it has passed
 * (a lost account's date from a year ago) it is not a next order but lateness, which
 * `daysOverdue` tells.
 */
export function upcomingExpectedOrder(expectedNextOrderAt: Date | null, now: Date): Date | null {
  return expectedNextOrderAt && expectedNextOrderAt > now ? expectedNextOrderAt : null
}

/** Whole days an account is past its expected next order, or null when it is not late. */
export function daysOverdue(expectedNextOrderAt: Date | null, now: Date): number | null {
  if (!expectedNextOrderAt) return null
  const days = Math.floor((now.getTime() - expectedNextOrderAt.getTime()) / DAY_MS)
  return days > 0 ? days : null
}

/** Days after an order during which an account counts as buying now, whatever its cadence. */
export const RECENT_ORDER_DAYS = 30

/**
 * Whether the account is ACTIVE and ordered recently: within RECENT_ORDER_DAYS or within its
 * own cadence, whichever is longer. Such an account is buying; a "we miss you" invitation
 * would be wrong, so invitations to it are refused.
 */
export function orderedRecently(
  account: { status: AccountStatus; lastOrderAt: Date | null; medianIntervalDays: number | null },
  now: Date,
): boolean {
  if (account.status !== 'ACTIVE' || !account.lastOrderAt) return false
  const window = Math.max(RECENT_ORDER_DAYS, account.medianIntervalDays ?? 0) * DAY_MS
  return now.getTime() - account.lastOrderAt.getTime() <= window
}
