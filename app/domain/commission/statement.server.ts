/**
 * What a rep sees of their work: their accounts, those accounts' online orders with the
 * commission each one credited, and their statement. Every query is scoped by repId, so a rep
 * never reads another rep's data.
 */
import { Prisma, type CommissionBucket } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import { pageWindow } from '~/utils/paging'
import { utcMonth } from '~/utils/sql.server'

export const REP_PAGE_SIZE = 25

export type CommissionState = 'PENDING' | 'PARTLY_EARNED' | 'EARNED' | 'PAID' | 'REVERSED'

/** Balance per bucket, in cents. */
export type Balances = Record<CommissionBucket, number>
const EMPTY: Balances = { PENDING: 0, EARNED: 0, PAID: 0 }

export async function repBalances(repId: string): Promise<Balances> {
  const rows = await prisma.commissionEntry.groupBy({
    by: ['bucket'],
    where: { repId },
    _sum: { amountCents: true },
  })
  return rows.reduce((acc, row) => ({ ...acc, [row.bucket]: row._sum.amountCents ?? 0 }), {
    ...EMPTY,
  })
}

/** Commission credited per month (credits and contest prizes less reversals), newest first, UTC months. */
export async function repCommissionByMonth(repId: string, months = 12) {
  const rows = await prisma.$queryRaw<{ month: string; cents: bigint | number | null }[]>(
    Prisma.sql`
      SELECT ${utcMonth('"createdAt"')} AS month, SUM("amountCents") AS cents
      FROM "CommissionEntry"
      WHERE "repId" = ${repId} AND "event" IN ('CREDIT', 'REVERSAL', 'CONTEST_PRIZE')
      GROUP BY 1
      ORDER BY month DESC
      LIMIT ${months}`,
  )
  return rows.map((row) => ({ month: row.month, cents: Number(row.cents ?? 0) }))
}

/** The rep's commission at a glance: balances, by month, and what this month credited. */
export async function repCommissionSummary(repId: string, now = new Date()) {
  const [balances, byMonth] = await Promise.all([repBalances(repId), repCommissionByMonth(repId)])
  const thisMonth = now.toISOString().slice(0, 7)
  return {
    balances,
    byMonth,
    thisMonthCents: byMonth.find((m) => m.month === thisMonth)?.cents ?? 0,
  }
}

export async function repAccounts(repId: string, requestedPage: number) {
  const where = { repId }
  const total = await prisma.account.count({ where })
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, REP_PAGE_SIZE)
  const accounts = await prisma.account.findMany({
    where,
    // Reactivated first, most recent first: what the portal brought back.
    orderBy: [{ reactivatedAt: { sort: 'desc', nulls: 'last' } }, { tradeName: 'asc' }],
    skip,
    take,
    select: {
      id: true,
      tradeName: true,
      city: true,
      state: true,
      status: true,
      lastOrderAt: true,
      reactivatedAt: true,
      email: true,
      emailBouncedAt: true,
      invitations: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } },
      _count: { select: { orders: { where: { channel: 'ONLINE' } } } },
    },
  })
  return { accounts, total, page, pageCount }
}

function stateOf(entries: { event: string; bucket: CommissionBucket; amountCents: number }[]) {
  if (entries.some((e) => e.event === 'REVERSAL')) return 'REVERSED' as const
  const sum = (bucket: CommissionBucket) =>
    entries.filter((e) => e.bucket === bucket).reduce((s, e) => s + e.amountCents, 0)
  // Earned per paid instalment: some earned (or paid), some still waiting for the customer.
  if (sum('PENDING') > 0 && (sum('PAID') > 0 || sum('EARNED') > 0)) return 'PARTLY_EARNED' as const
  if (sum('PAID') > 0) return 'PAID' as const
  if (sum('EARNED') > 0) return 'EARNED' as const
  return 'PENDING' as const
}

/** The online orders credited to the rep, each with its commission and where it stands. */
export async function repOrders(repId: string, requestedPage: number) {
  const where = { repId, channel: 'ONLINE' as const }
  const total = await prisma.order.count({ where })
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, REP_PAGE_SIZE)
  const orders = await prisma.order.findMany({
    where,
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    skip,
    take,
    select: {
      id: true,
      placedAt: true,
      status: true,
      totalCents: true,
      account: { select: { tradeName: true, reactivatedAt: true } },
      commissionEntries: {
        where: { repId },
        select: { event: true, bucket: true, amountCents: true },
      },
    },
  })
  return {
    orders: orders.map(({ commissionEntries, ...order }) => ({
      ...order,
      commissionCents: commissionEntries
        .filter((e) => e.event === 'CREDIT')
        .reduce((s, e) => s + e.amountCents, 0),
      commissionState: commissionEntries.length ? stateOf(commissionEntries) : null,
    })),
    total,
    page,
    pageCount,
  }
}

/** Every ledger entry of the rep, oldest first, for the CSV statement. */
export async function* repStatement(repId: string) {
  let cursor: string | undefined
  for (;;) {
    const batch = await prisma.commissionEntry.findMany({
      where: { repId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 500,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: {
        id: true,
        createdAt: true,
        orderId: true,
        instalment: true,
        payoutBatchId: true,
        event: true,
        bucket: true,
        amountCents: true,
        order: { select: { totalCents: true, account: { select: { tradeName: true } } } },
        contest: { select: { name: true } },
      },
    })
    yield* batch
    if (batch.length < 500) return
    cursor = batch[batch.length - 1]!.id
  }
}

/** The rep's name and code, for the rep area's header. */
export function repHeader(repId: string) {
  return prisma.rep.findUniqueOrThrow({ where: { id: repId }, select: { code: true, name: true } })
}
