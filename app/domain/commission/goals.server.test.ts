import crypto from 'node:crypto'
import { parseWithZod } from '@conform-to/zod'
import {
  createBuyer,
  createErpOrder,
  createRep,
  orderProduct,
  placeOnlineOrder,
} from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { monthOf, monthParam, progressPercent, rank, RepGoalSchema, shiftMonth } from './goals'
import { goalBoard, monthActuals, repGoalProgress, setRepGoals } from './goals.server'

const DAY = 86_400_000
const month = monthOf(new Date())

async function manager() {
  return prisma.user.create({
    data: { email: `m-${crypto.randomUUID()}@test.example`, name: 'Gestora', role: 'MANAGER' },
  })
}

function parse(values: Record<string, string>) {
  const form = new FormData()
  for (const [key, value] of Object.entries(values)) form.set(key, value)
  return parseWithZod(form, { schema: RepGoalSchema })
}

describe('the goals form', () => {
  it('reads counts and reais as typed, empty as not set, and refuses the rest beside the field', () => {
    const ok = parse({
      month: '2026-11',
      repId: '',
      reactivations: '5',
      onlineRevenue: '12.500,00',
    })
    expect(ok.status).toBe('success')
    if (ok.status === 'success')
      expect(ok.value).toEqual({
        month: '2026-11',
        repId: null,
        goals: { reactivations: 5, activeAccounts: null, onlineRevenueCents: 1_250_000 },
      })
    const bad = parse({
      month: '2026-13',
      reactivations: '-1',
      activeAccounts: '2,5',
      onlineRevenue: 'muito',
    })
    expect(bad.status).toBe('error')
    expect(Object.keys((bad.status === 'error' && bad.error) || {}).sort()).toEqual([
      'activeAccounts',
      'month',
      'onlineRevenue',
      'reactivations',
    ])
  })

  it('needs at least one goal', () => {
    const none = parse({ month: '2026-11', repId: '' })
    expect(none.status).toBe('error')
    expect((none.status === 'error' && none.error?.['']) || []).toEqual([
      expect.stringContaining('goals.form.nothingGiven'),
    ])
  })

  it('takes a revenue goal up to R$ 20 million, which fits the database on both engines', () => {
    expect(parse({ month: '2026-11', onlineRevenue: '20.000.000,00' }).status).toBe('success')
    expect(parse({ month: '2026-11', onlineRevenue: '20.000.000,01' }).status).toBe('error')
    expect(parse({ month: '2026-11', onlineRevenue: '99999999999999' }).status).toBe('error')
  })

  it('knows months and shares of a goal', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(monthParam('2026-02')).toBe('2026-02')
    expect(monthParam("2026-02' OR 1=1", new Date('2026-05-10T12:00:00Z'))).toBe('2026-05')
    expect(progressPercent(3, 4)).toBe(75)
    expect(progressPercent(5, 4)).toBe(125)
    expect(progressPercent(0, 0)).toBe(100)
    expect(progressPercent(3, null)).toBeNull()
    const row = (actual: number, goal: number | null) => ({
      goals: { reactivations: goal, activeAccounts: null, onlineRevenueCents: null },
      actual: { reactivations: actual, activeAccounts: 0, onlineRevenueCents: 0 },
    })
    const [a, b, c] = [row(1, 2), row(3, 3), row(9, null)]
    expect(rank([c, a, b], 'reactivations')).toEqual([b, a, c])
  })
})

describe("a rep's month", () => {
  it('counts reactivations, accounts that ordered by either channel and online revenue, this month only', async () => {
    const rep = await createRep()
    const other = await createRep()
    // An inactive account comes back online: a reactivation, an active account, revenue.
    const lapsed = await createBuyer({
      repId: rep.id,
      status: 'INACTIVE',
      lastOrderAt: new Date(Date.now() - 200 * DAY),
    })
    await createErpOrder(lapsed.account.id, [{ productId: null, sku: 'OLD', quantity: 1 }], {
      daysAgo: 200,
    })
    await orderProduct({
      accountId: lapsed.account.id,
      userId: lapsed.user.id,
      listPriceCents: 5_000,
    })
    // An active account orders twice: one account, both totals.
    const regular = await createBuyer({ repId: rep.id, status: 'ACTIVE' })
    await orderProduct({
      accountId: regular.account.id,
      userId: regular.user.id,
      listPriceCents: 2_000,
    })
    const cancelled = await orderProduct({
      accountId: regular.account.id,
      userId: regular.user.id,
      listPriceCents: 40_000,
    })
    await prisma.order.update({ where: { id: cancelled }, data: { status: 'CANCELLED' } })
    // An ERP order counts the account, not the online revenue.
    const erpOnly = await createBuyer({ repId: rep.id, status: 'ACTIVE' })
    const erp = await createErpOrder(erpOnly.account.id, [
      { productId: null, sku: 'X', quantity: 1 },
    ])
    await prisma.order.update({
      where: { id: erp.id },
      data: { repId: rep.id, totalCents: 99_999 },
    })
    // Last month's order and another rep's order do not count.
    const old = await placeOnlineOrder({ repId: rep.id, listPriceCents: 7_000 })
    await prisma.order.update({
      where: { id: old },
      data: { placedAt: new Date(Date.now() - 40 * DAY) },
    })
    await placeOnlineOrder({ repId: other.id, listPriceCents: 3_000 })

    const reactivations = await prisma.reactivation.count({
      where: { accountId: lapsed.account.id },
    })
    expect(reactivations).toBe(1)
    const online = await prisma.order.aggregate({
      where: {
        repId: rep.id,
        channel: 'ONLINE',
        status: { not: 'CANCELLED' },
        placedAt: { gte: new Date(`${month}-01T00:00:00Z`) },
      },
      _sum: { totalCents: true },
    })
    const mine = (await monthActuals(month, rep.id)).get(rep.id)
    expect(mine).toEqual({
      reactivations: 1,
      activeAccounts: 3,
      onlineRevenueCents: online._sum.totalCents,
    })
    expect(mine!.onlineRevenueCents).toBeGreaterThan(0)
    expect((await monthActuals(month)).get(rep.id)).toEqual(mine)
    // The order moved back is counted in its own month, alone.
    const then = monthOf(new Date(Date.now() - 40 * DAY))
    const oldTotal = (await prisma.order.findUniqueOrThrow({ where: { id: old } })).totalCents
    expect((await monthActuals(then, rep.id)).get(rep.id)).toEqual({
      reactivations: 0,
      activeAccounts: 1,
      onlineRevenueCents: oldTotal,
    })
    expect((await monthActuals(shiftMonth(then, -1), rep.id)).get(rep.id)).toBeUndefined()
  })
})

describe('reactivations counted for a rep', () => {
  it('go to the rep of the reactivating order, and not at all once that order is cancelled', async () => {
    const rep = await createRep()
    const other = await createRep()
    const lapsed = await createBuyer({ repId: rep.id, status: 'INACTIVE' })
    await createErpOrder(lapsed.account.id, [{ productId: null, sku: 'OLD', quantity: 1 }], {
      daysAgo: 200,
    })
    const orderId = await orderProduct({
      accountId: lapsed.account.id,
      userId: lapsed.user.id,
      listPriceCents: 5_000,
    })
    // The account moves to another rep afterwards: the reactivation stays with the order's rep.
    await prisma.account.update({ where: { id: lapsed.account.id }, data: { repId: other.id } })
    const actuals = await monthActuals(month)
    expect(actuals.get(rep.id)?.reactivations).toBe(1)
    expect(actuals.get(other.id)?.reactivations ?? 0).toBe(0)
    await prisma.order.update({ where: { id: orderId }, data: { status: 'CANCELLED' } })
    expect((await monthActuals(month, rep.id)).get(rep.id)?.reactivations ?? 0).toBe(0)
  })
})

describe('setting goals', () => {
  it('sets one rep or every active rep, audited, leaving a goal left empty as it was', async () => {
    const actor = await manager()
    const rep = await createRep()
    const inactive = await createRep()
    await prisma.rep.update({ where: { id: inactive.id }, data: { active: false } })
    const everyone = await setRepGoals(actor.id, {
      month,
      repId: null,
      goals: { reactivations: 4, activeAccounts: 10, onlineRevenueCents: null },
    })
    expect(everyone).toMatchObject({ ok: true })
    expect(await prisma.repGoal.count({ where: { repId: inactive.id } })).toBe(0)
    expect((await repGoalProgress(rep.id, month)).goals).toEqual({
      reactivations: 4,
      activeAccounts: 10,
      onlineRevenueCents: null,
    })

    await setRepGoals(actor.id, {
      month,
      repId: rep.id,
      goals: { reactivations: 2, activeAccounts: null, onlineRevenueCents: 500_000 },
    })
    const row = (await goalBoard(month)).find((r) => r.repId === rep.id)!
    // Left empty, the active-accounts goal stays at everyone's 10.
    expect(row.goals).toEqual({ reactivations: 2, activeAccounts: 10, onlineRevenueCents: 500_000 })
    const audits = await prisma.auditLog.findMany({
      where: { entity: 'RepGoal', entityId: `${rep.id}:${month}` },
      orderBy: { createdAt: 'asc' },
    })
    expect(audits.map((a) => a.action)).toEqual(['goals.set', 'goals.set'])
    expect(JSON.parse(audits[1]!.changes)).toMatchObject({ reactivations: [4, 2] })

    expect(
      await setRepGoals(actor.id, {
        month,
        repId: 'no-such-rep',
        goals: { reactivations: 1, activeAccounts: null, onlineRevenueCents: null },
      }),
    ).toEqual({ ok: false, code: 'UNKNOWN_REP' })

    // A goal left empty stays as it was: setting one goal for everyone keeps the others.
    await setRepGoals(actor.id, {
      month,
      repId: null,
      goals: { reactivations: null, activeAccounts: 7, onlineRevenueCents: null },
    })
    expect((await repGoalProgress(rep.id, month)).goals).toEqual({
      reactivations: 2,
      activeAccounts: 7,
      onlineRevenueCents: 500_000,
    })
  })
})
