import crypto from 'node:crypto'
import { createBuyer, orderProduct } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { churnByMonth, lastMonths, type Transition } from '~/domain/accounts/churn'
import { syncAccounts } from '~/domain/accounts/reclassify.server'
import { getDashboard } from './dashboard.server'
import { rebuildRevenueSummary } from '~/domain/accounts/revenue-summary.server'

describe('dashboard', () => {
  it('counts revenue by month, channel and state as orders arrive, matching a rebuild from the orders', async () => {
    const now = new Date()
    const { account, user } = await createBuyer({ terms: ['28'] })
    await orderProduct({
      accountId: account.id,
      userId: user.id,
      listPriceCents: 10_000,
      quantity: 3,
      checkout: { paymentTermCode: '28', now },
    })

    const before = await getDashboard(now)
    const thisMonth = before.revenue.at(-1)!
    expect(thisMonth.online).toBeGreaterThanOrEqual(30_000)
    expect(before.revenueByState.find((r) => r.state === 'SP')!.online).toBeGreaterThanOrEqual(
      30_000,
    )

    await rebuildRevenueSummary()
    const after = await getDashboard(now)
    expect(after.revenue).toEqual(before.revenue)
    expect(after.revenueByState).toEqual(before.revenueByState)
    expect(after.revenueByRep).toEqual(before.revenueByRep)
  })

  it('computes churn from the SQL aggregate exactly as from the raw transitions', async () => {
    const now = new Date()
    // Accounts whose histories cross the buying line in different months of the window.
    const DAY = 86_400_000
    const prefix = crypto.randomUUID().slice(0, 8)
    const schedules = [[20], [100], [200, 420], [300, 330, 360], [150, 500], [40, 260]]
    await prisma.account.createMany({
      data: schedules.map((_, i) => ({
        id: `${prefix}-${i}`,
        cnpj: `${prefix.replace(/\D/g, '').padEnd(6, '7').slice(0, 6)}${String(i).padStart(8, '0')}`,
        legalName: 'L',
        tradeName: 'L',
        city: 'Natal',
        state: 'RN',
      })),
    })
    await prisma.order.createMany({
      data: schedules.flatMap((ages, i) =>
        ages.map((age, k) => ({
          accountId: `${prefix}-${i}`,
          channel: 'OFFLINE' as const,
          paymentMethod: 'ERP' as const,
          externalRef: `${prefix}-${i}-${k}`,
          subtotalCents: 1,
          totalCents: 1,
          placedAt: new Date(now.getTime() - age * DAY),
        })),
      ),
    })
    await syncAccounts(prisma, {
      accountIds: schedules.map((_, i) => `${prefix}-${i}`),
      now,
      rebuild: true,
    })
    expect(await prisma.accountStatusChange.count()).toBeGreaterThan(15)
    const dashboard = await getDashboard(now)
    const rows = await prisma.accountStatusChange.findMany({
      select: { fromStatus: true, toStatus: true, changedAt: true },
    })
    const transitions: Transition[] = rows.map((r) => ({
      from: r.fromStatus,
      to: r.toStatus,
      at: r.changedAt,
    }))
    const buyingNow = await prisma.account.count({
      where: { status: { in: ['ACTIVE', 'AT_RISK'] } },
    })
    expect(dashboard.churn).toEqual(
      churnByMonth({ buyingNow, transitions, months: lastMonths(now, 12), now }),
    )
    expect(dashboard.portfolio.reduce((sum, row) => sum + row.count, 0)).toBe(
      dashboard.totalAccounts,
    )
  })
})
