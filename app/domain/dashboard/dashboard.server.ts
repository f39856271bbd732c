import { type AccountStatus, type OrderChannel } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import { BUYING, churnByMonth, lastMonths, type Transition } from '../accounts/churn'

export const STATUSES: AccountStatus[] = ['ACTIVE', 'AT_RISK', 'INACTIVE', 'LOST', 'NEVER_ORDERED']
const NOT_BUYING: AccountStatus[] = ['INACTIVE', 'LOST', 'NEVER_ORDERED']
const BUYING_LIST = [...BUYING]

type ChannelTotals = { online: number; offline: number }
const addTo = (totals: ChannelTotals, channel: OrderChannel, cents: number) => {
  if (channel === 'ONLINE') totals.online += cents
  else totals.offline += cents
}

/**
 * Everything the sales team's dashboard shows, for the 12 months up to `now`: the portfolio by
 * status, reactivations, churn per month, and online vs imported revenue per month, rep and state.
 */
export async function getDashboard(now = new Date()) {
  const months = lastMonths(now, 12)
  const since = months[0]!.start
  const monthStart = months.at(-1)!.start

  const [byStatus, reactivatedThisMonth, crossings, revenueByMonth, byRep, reps, byState] =
    await Promise.all([
      prisma.account.groupBy({ by: ['status'], _count: true }),
      prisma.reactivation.count({ where: { reactivatedAt: { gte: monthStart } } }),
      // Only transitions across the buying / not buying line matter for churn.
      prisma.accountStatusChange.findMany({
        where: {
          changedAt: { gte: since },
          OR: [
            { fromStatus: { in: BUYING_LIST }, toStatus: { in: NOT_BUYING } },
            {
              OR: [{ fromStatus: { in: NOT_BUYING } }, { fromStatus: null }],
              toStatus: { in: BUYING_LIST },
            },
          ],
        },
        select: { fromStatus: true, toStatus: true, changedAt: true },
      }),
      Promise.all(
        months.map((month) =>
          prisma.order.groupBy({
            by: ['channel'],
            where: { placedAt: { gte: month.start, lt: month.end }, status: { not: 'CANCELLED' } },
            _sum: { totalCents: true },
          }),
        ),
      ),
      prisma.order.groupBy({
        by: ['repId', 'channel'],
        where: { placedAt: { gte: since }, status: { not: 'CANCELLED' } },
        _sum: { totalCents: true },
      }),
      prisma.rep.findMany({ select: { id: true, code: true, name: true } }),
      prisma.$queryRaw<{ state: string; channel: OrderChannel; total: number | bigint }[]>`
      SELECT a."state" AS state, o."channel" AS channel, SUM(o."totalCents") AS total
      FROM "Order" o JOIN "Account" a ON a."id" = o."accountId"
      WHERE o."placedAt" >= ${since} AND o."status" <> 'CANCELLED'
      GROUP BY a."state", o."channel"`,
    ])

  const counts = new Map(byStatus.map((row) => [row.status, row._count]))
  const totalAccounts = byStatus.reduce((sum, row) => sum + row._count, 0)
  const portfolio = STATUSES.map((status) => {
    const count = counts.get(status) ?? 0
    return {
      status,
      count,
      percent: totalAccounts ? Math.round((count / totalAccounts) * 1000) / 10 : 0,
    }
  })
  const buyingNow = BUYING_LIST.reduce((sum, status) => sum + (counts.get(status) ?? 0), 0)
  const transitions: Transition[] = crossings.map((c) => ({
    from: c.fromStatus,
    to: c.toStatus,
    at: c.changedAt,
  }))
  const churn = churnByMonth({ buyingNow, transitions, months, now })

  const revenue = months.map((month, i) => {
    const totals: ChannelTotals = { online: 0, offline: 0 }
    for (const row of revenueByMonth[i]!) addTo(totals, row.channel, row._sum.totalCents ?? 0)
    return { month: month.label, ...totals }
  })

  const repNames = new Map(reps.map((r) => [r.id, `${r.code} · ${r.name}`]))
  const perRep = new Map<string, ChannelTotals>()
  for (const row of byRep) {
    const key = row.repId ?? ''
    const totals = perRep.get(key) ?? { online: 0, offline: 0 }
    addTo(totals, row.channel, row._sum.totalCents ?? 0)
    perRep.set(key, totals)
  }
  const revenueByRep = [...perRep.entries()]
    .map(([repId, totals]) => ({ rep: repNames.get(repId) ?? '—', ...totals }))
    .sort((a, b) => b.online + b.offline - (a.online + a.offline))

  const perState = new Map<string, ChannelTotals>()
  for (const row of byState) {
    const totals = perState.get(row.state) ?? { online: 0, offline: 0 }
    addTo(totals, row.channel, Number(row.total))
    perState.set(row.state, totals)
  }
  const revenueByState = [...perState.entries()]
    .map(([state, totals]) => ({ state, ...totals }))
    .sort((a, b) => b.online + b.offline - (a.online + a.offline))

  return {
    totalAccounts,
    portfolio,
    reactivatedThisMonth,
    churn,
    revenue,
    revenueByRep,
    revenueByState,
  }
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>
export const DASHBOARD_TABLES = ['portfolio', 'churn', 'revenue', 'reps', 'states'] as const
export type DashboardTable = (typeof DASHBOARD_TABLES)[number]

/** A dashboard table as rows for CSV export (money in reais with a decimal comma). */
export function dashboardTableRows(
  dashboard: Dashboard,
  table: DashboardTable,
): (string | number)[][] {
  const reais = (cents: number) => (cents / 100).toFixed(2).replace('.', ',')
  switch (table) {
    case 'portfolio':
      return [
        ['status', 'contas', '%'],
        ...dashboard.portfolio.map((r) => [r.status, r.count, String(r.percent).replace('.', ',')]),
      ]
    case 'churn':
      return [
        ['mes', 'ativas_no_inicio', 'ficaram_inativas', 'reativadas', 'churn_%'],
        ...dashboard.churn.map((r) => [
          r.month,
          r.activeAtStart,
          r.becameInactive,
          r.reactivated,
          r.churnRate === null ? '' : String(r.churnRate).replace('.', ','),
        ]),
      ]
    case 'revenue':
      return [
        ['mes', 'online_R$', 'importado_R$'],
        ...dashboard.revenue.map((r) => [r.month, reais(r.online), reais(r.offline)]),
      ]
    case 'reps':
      return [
        ['representante', 'online_R$', 'importado_R$'],
        ...dashboard.revenueByRep.map((r) => [r.rep, reais(r.online), reais(r.offline)]),
      ]
    case 'states':
      return [
        ['uf', 'online_R$', 'importado_R$'],
        ...dashboard.revenueByState.map((r) => [r.state, reais(r.online), reais(r.offline)]),
      ]
  }
}
