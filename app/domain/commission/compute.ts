/**
 * How much commission an order credits its rep. Pure: the caller gives the order's lines (net
 * of discounts, without freight and taxes, which the portal does not charge), the rep's rates
 * and whether the order falls in the account's reactivation window.
 */
import { percentOf } from '~/domain/pricing/prices'
import { DAY_MS } from '~/utils/dates'

export type CommissionRates = {
  /** The rep's default rate, in basis points (300 = 3 %). */
  defaultBps: number
  /** Overrides by product family id; a line takes the rate of its nearest family that has one. */
  familyBps: ReadonlyMap<string, number>
}

export type CommissionLineInput = {
  /** The line's family first, then its ancestors. */
  familyIds: readonly string[]
  /** What the buyer pays for the line: after discounts; 0 for a bonus item. */
  netCents: number
}

export type ReactivationBonus = {
  bonusBps: number
  windowDays: number
  /** When the account was last reactivated, if ever. */
  reactivatedAt: Date | null
  placedAt: Date
}

/** Whether an order placed at `placedAt` earns the reactivation bonus. */
export function inReactivationWindow(bonus: ReactivationBonus): boolean {
  if (!bonus.reactivatedAt || bonus.bonusBps <= 0) return false
  const elapsed = bonus.placedAt.getTime() - bonus.reactivatedAt.getTime()
  return elapsed >= 0 && elapsed <= bonus.windowDays * DAY_MS
}

export function lineRateBps(rates: CommissionRates, familyIds: readonly string[]): number {
  for (const familyId of familyIds) {
    const bps = rates.familyBps.get(familyId)
    if (bps !== undefined) return bps
  }
  return rates.defaultBps
}

export type CommissionResult = {
  lines: { bps: number; cents: number }[]
  /** The commissionable value: the sum of the lines' net amounts. */
  baseCents: number
  totalCents: number
  bonusApplied: boolean
}

/** Each line's rate (family override or default, plus the bonus) and cents, rounded half up. */
export function computeCommission(
  lines: readonly CommissionLineInput[],
  rates: CommissionRates,
  bonus: ReactivationBonus,
): CommissionResult {
  const bonusApplied = inReactivationWindow(bonus)
  const extra = bonusApplied ? bonus.bonusBps : 0
  const priced = lines.map((line) => {
    const bps = lineRateBps(rates, line.familyIds) + extra
    return { bps, cents: percentOf(Math.max(0, line.netCents), bps) }
  })
  return {
    lines: priced,
    baseCents: lines.reduce((sum, line) => sum + Math.max(0, line.netCents), 0),
    totalCents: priced.reduce((sum, line) => sum + line.cents, 0),
    bonusApplied,
  }
}
