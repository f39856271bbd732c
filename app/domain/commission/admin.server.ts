/**
 * The sales team's side of commission: rates per rep and family, the reactivation bonus,
 * balances by rep and payout batches. Order status changes, which move commission, are in
 * orders/order-admin.server.ts.
 */
import { prisma } from '~/utils/db.server'
import { bpsToPercent } from '~/utils/money'
import { audit } from '~/domain/audit/audit.server'
import { listFamilyOptions } from '~/domain/catalog/catalog.server'
import { repRatesSchema } from './commission-forms'
import type { CommissionSettingsInput, RepRatesInput } from './commission-forms'
import { closePayout, payoutPreview } from './ledger.server'
import { type Balances } from './statement.server'

export async function commissionOverview() {
  const [reps, sums, settings, preview, batches] = await Promise.all([
    prisma.rep.findMany({
      orderBy: { code: 'asc' },
      select: {
        id: true,
        code: true,
        name: true,
        defaultCommissionBps: true,
        _count: { select: { familyRates: true } },
      },
    }),
    prisma.commissionEntry.groupBy({ by: ['repId', 'bucket'], _sum: { amountCents: true } }),
    prisma.appSettings.findUnique({ where: { id: 1 } }),
    payoutPreview(),
    prisma.payoutBatch.findMany({ orderBy: { closedAt: 'desc' }, take: 24 }),
  ])
  const balances = new Map<string, Balances>()
  for (const row of sums) {
    const current = balances.get(row.repId) ?? { PENDING: 0, EARNED: 0, PAID: 0 }
    current[row.bucket] = row._sum.amountCents ?? 0
    balances.set(row.repId, current)
  }
  const names = new Map(reps.map((r) => [r.id, `${r.code} · ${r.name}`]))
  return {
    settings: {
      bonusPercent: bpsToPercent(settings?.reactivationBonusBps ?? 200),
      windowDays: settings?.reactivationWindowDays ?? 90,
      onPayment: settings?.commissionOnPayment ?? false,
    },
    reps: reps.map((rep) => ({
      ...rep,
      balances: balances.get(rep.id) ?? { PENDING: 0, EARNED: 0, PAID: 0 },
    })),
    preview: preview.map((p) => ({
      repId: p.repId,
      name: names.get(p.repId) ?? p.repId,
      // Contest prizes and carried balances belong to no order.
      orders: p.items.filter((item) => item.orderId !== null).length,
      totalCents: p.totalCents,
    })),
    batches,
  }
}

/** Saves the reactivation bonus, its window and when commission is earned (audited). */
export async function updateCommissionSettings(actorId: string, input: CommissionSettingsInput) {
  const bps = input.bonusBps
  await prisma.$transaction(async (tx) => {
    const before = await tx.appSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} })
    await tx.appSettings.update({
      where: { id: 1 },
      data: {
        reactivationBonusBps: bps,
        reactivationWindowDays: input.windowDays,
        commissionOnPayment: input.onPayment,
      },
    })
    await audit(tx, {
      actorId,
      action: 'commission.settings',
      entity: 'AppSettings',
      entityId: '1',
      changes: {
        reactivationBonusBps: [before.reactivationBonusBps, bps],
        reactivationWindowDays: [before.reactivationWindowDays, input.windowDays],
        commissionOnPayment: [before.commissionOnPayment, input.onPayment],
      },
    })
  })
  return { ok: true as const }
}

export async function getRepRates(repId: string) {
  const [rep, families] = await Promise.all([
    prisma.rep.findUnique({
      where: { id: repId },
      select: {
        id: true,
        code: true,
        name: true,
        defaultCommissionBps: true,
        familyRates: { select: { familyId: true, bps: true } },
      },
    }),
    listFamilyOptions(),
  ])
  if (!rep) return null
  const rates = new Map(rep.familyRates.map((r) => [r.familyId, r.bps]))
  return {
    rep: { id: rep.id, code: rep.code, name: rep.name },
    defaultPercent: bpsToPercent(rep.defaultCommissionBps),
    families: families.map((f) => ({
      ...f,
      percent: rates.has(f.id) ? bpsToPercent(rates.get(f.id)!) : '',
    })),
  }
}

/** The rates form with the catalog's families, as the server checks it. */
export async function repRatesSchemaForSave() {
  const families = await prisma.productFamily.findMany({ select: { id: true } })
  return repRatesSchema(families.map((family) => family.id))
}

/**
 * Saves a rep's default rate and family overrides (a family left blank uses the default).
 * Applies to orders placed from now on: each order line keeps the rate it was credited at.
 */
export async function updateRepRates(
  actorId: string,
  repId: string,
  input: RepRatesInput,
): Promise<{ ok: true } | { ok: false; code: 'NOT_FOUND' }> {
  const { defaultBps, overrides } = input
  return prisma.$transaction(async (tx) => {
    const rep = await tx.rep.findUnique({
      where: { id: repId },
      select: { defaultCommissionBps: true },
    })
    if (!rep) return { ok: false as const, code: 'NOT_FOUND' as const }
    await tx.rep.update({ where: { id: repId }, data: { defaultCommissionBps: defaultBps } })
    await tx.repFamilyRate.deleteMany({ where: { repId } })
    if (overrides.length) {
      await tx.repFamilyRate.createMany({ data: overrides.map((o) => ({ repId, ...o })) })
    }
    await audit(tx, {
      actorId,
      action: 'commission.rates',
      entity: 'Rep',
      entityId: repId,
      changes: { defaultCommissionBps: [rep.defaultCommissionBps, defaultBps], overrides },
    })
    return { ok: true as const }
  })
}

export async function closePayoutBatch(actorId: string, now = new Date()) {
  const batch = await closePayout(actorId, now)
  if (batch) {
    await audit(prisma, {
      at: now,
      actorId,
      action: 'commission.payout_closed',
      entity: 'PayoutBatch',
      entityId: batch.id,
      changes: { totalCents: batch.totalCents, reps: batch.reps },
    })
  }
  return batch
}

export async function* payoutBatchRows(batchId: string) {
  const entries = await prisma.commissionEntry.findMany({
    where: { payoutBatchId: batchId, bucket: 'PAID' },
    orderBy: [{ repId: 'asc' }, { orderId: 'asc' }],
    select: {
      orderId: true,
      amountCents: true,
      rep: { select: { code: true, name: true } },
      order: { select: { placedAt: true, account: { select: { tradeName: true } } } },
      contest: { select: { name: true } },
    },
  })
  yield* entries
}

// ---------------------------------------------------------------------------------------------
// Order status, and what it does to commission
