import { type Tx } from '~/utils/db.server'
import { computeCommission, type CommissionLineInput } from './compute'

export type RepRates = { defaultBps: number; familyBps: Map<string, number> }

async function repRates(tx: Tx, repId: string): Promise<RepRates | null> {
  const rep = await tx.rep.findUnique({
    where: { id: repId },
    select: {
      defaultCommissionBps: true,
      familyRates: { select: { familyId: true, bps: true } },
    },
  })
  if (!rep) return null
  return {
    defaultBps: rep.defaultCommissionBps,
    familyBps: new Map(rep.familyRates.map((rate) => [rate.familyId, rate.bps])),
  }
}

export type BonusSettings = { reactivationBonusBps: number; reactivationWindowDays: number } | null

/**
 * The commission an order credits the account's rep: the rep's rates and the manager's
 * reactivation bonus (`settings`, which checkout reads once for everything it needs), in the
 * order's transaction. `reactivatedAt` is the account's latest reactivation, this order's
 * time when the order itself brings the account back.
 */
export async function commissionForOrder(
  tx: Tx,
  order: {
    repId: string | null
    reactivatedAt: Date | null
    placedAt: Date
    lines: CommissionLineInput[]
  },
  settings: BonusSettings,
  /** The rep's rates when the caller read them already (null: the rep no longer exists). */
  knownRates?: RepRates | null,
) {
  if (!order.repId) return null
  const rates = knownRates === undefined ? await repRates(tx, order.repId) : knownRates
  if (!rates) return null
  return computeCommission(order.lines, rates, {
    bonusBps: settings?.reactivationBonusBps ?? 200,
    windowDays: settings?.reactivationWindowDays ?? 90,
    reactivatedAt: order.reactivatedAt,
    placedAt: order.placedAt,
  })
}
