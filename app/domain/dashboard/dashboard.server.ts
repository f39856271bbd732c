import { Prisma, type AccountStatus, type OrderChannel } from '@prisma/client'
import { centsToDecimalText } from '~/utils/money'
import { prisma } from '~/utils/db.server'
import { BUYING, churnByMonth, lastMonths, type Transition } from '~/domain/accounts/churn'

export const STATUSES: AccountStatus[] = ['ACTIVE', 'AT_RISK', 'INACTIVE', 'LOST', 'NEVER_ORDERED']
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
  const firstMonth = months[0]!.label
  const monthStart = months.at(-1)!.start
  // Month buckets in portable SQL (no date functions): one CASE branch per month.
  const bucket = Prisma.join(
    months.map(
      (m, i) => Prisma.sql`WHEN "changedAt" >= ${m.start} AND "changedAt" < ${m.end} THEN ${i}`,
    ),
    ' ',
  )

  const [byStatus, reactivatedThisMonth, crossings, byMonth, byRep, reps, byState] =
    await Promise.all([
      prisma.account.groupBy({ by: ['status'], _count: true }),
      prisma.reactivation.count({ where: { reactivatedAt: { gte: monthStart } } }),
      prisma.$queryRaw<
        {
          m: number | bigint
          fromStatus: AccountStatus | null
          toStatus: AccountStatus
          n: number | bigint
        }[]
      >`
      SELECT CASE ${bucket} END AS m, "fromStatus", "toStatus", COUNT(*) AS n
      FROM "AccountStatusChange"
      WHERE "changedAt" >= ${since} AND "changedAt" < ${now}
      GROUP BY 1, 2, 3`,
      prisma.revenueSummary.groupBy({
        by: ['month', 'channel'],
        where: { month: { gte: firstMonth } },
        _sum: { totalCents: true },
      }),
      prisma.revenueSummary.groupBy({
        by: ['repId', 'channel'],
        where: { month: { gte: firstMonth } },
        _sum: { totalCents: true },
      }),
      prisma.rep.findMany({ select: { id: true, code: true, name: true } }),
      prisma.revenueSummary.groupBy({
        by: ['state', 'channel'],
        where: { month: { gte: firstMonth } },
        _sum: { totalCents: true },
      }),
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
  const transitions: Transition[] = crossings
    .filter((row) => row.m !== null)
    .map((row) => ({
      from: row.fromStatus,
      to: row.toStatus,
      at: months[Number(row.m)]!.start,
      count: Number(row.n),
    }))
  const churn = churnByMonth({ buyingNow, transitions, months, now })

  const revenue = months.map((month) => {
    const totals: ChannelTotals = { online: 0, offline: 0 }
    for (const row of byMonth)
      if (row.month === month.label) addTo(totals, row.channel, row._sum.totalCents ?? 0)
    return { month: month.label, ...totals }
  })

  const repNames = new Map(reps.map((r) => [r.id, `${r.code} · ${r.name}`]))
  const perRep = new Map<string, ChannelTotals>()
  for (const row of byRep) {
    const totals = perRep.get(row.repId) ?? { online: 0, offline: 0 }
    addTo(totals, row.channel, row._sum.totalCents ?? 0)
    perRep.set(row.repId, totals)
  }
  const revenueByRep = [...perRep.entries()]
    .map(([repId, totals]) => ({ rep: repNames.get(repId) ?? '—', ...totals }))
    .sort((a, b) => b.online + b.offline - (a.online + a.offline))

  const perState = new Map<string, ChannelTotals>()
  for (const row of byState) {
    const totals = perState.get(row.state) ?? { online: 0, offline: 0 }
    addTo(totals, row.channel, row._sum.totalCents ?? 0)
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
        ...dashboard.revenue.map((r) => [
          r.month,
          centsToDecimalText(r.online),
          centsToDecimalText(r.offline),
        ]),
      ]
    case 'reps':
      return [
        ['representante', 'online_R$', 'importado_R$'],
        ...dashboard.revenueByRep.map((r) => [
          r.rep,
          centsToDecimalText(r.online),
          centsToDecimalText(r.offline),
        ]),
      ]
    case 'states':
      return [
        ['uf', 'online_R$', 'importado_R$'],
        ...dashboard.revenueByState.map((r) => [
          r.state,
          centsToDecimalText(r.online),
          centsToDecimalText(r.offline),
        ]),
      ]
  }
}
