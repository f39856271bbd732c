import crypto from 'node:crypto'
import { createBuyer, createErpOrder, createRep, orderProduct } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import {
  closeContest,
  contestDetail,
  createContest,
  deleteContest,
  repContests,
} from './contests.server'
import { closePayout, payoutPreview } from './ledger.server'
import { repBalances } from './statement.server'

const DAY = 86_400_000

async function manager() {
  return prisma.user.create({
    data: { email: `m-${crypto.randomUUID()}@test.example`, name: 'Gestora', role: 'MANAGER' },
  })
}

/** An account of `repId` that last ordered `silentFor` days ago comes back with an online order. */
async function reactivate(repId: string, silentFor: number) {
  const lapsed = await createBuyer({
    repId,
    status: 'INACTIVE',
    lastOrderAt: new Date(Date.now() - silentFor * DAY),
  })
  await createErpOrder(lapsed.account.id, [{ productId: null, sku: 'OLD', quantity: 1 }], {
    daysAgo: silentFor,
  })
  return orderProduct({
    accountId: lapsed.account.id,
    userId: lapsed.user.id,
    listPriceCents: 9_000,
  })
}

function contestInput(repIds: string[], days: { from: number; to: number }) {
  return {
    name: `Desafio ${crypto.randomUUID().slice(0, 6)}`,
    startsAt: new Date(Date.now() + days.from * DAY),
    endsAt: new Date(Date.now() + days.to * DAY),
    repIds,
    rule: {
      prizePerAccountCents: 5_000,
      minSilentDays: 300,
      topCount: 1,
      topBonusCents: 30_000,
    },
  }
}

describe('a reactivation contest', () => {
  it('ranks the reps taking part, counts accounts silent long enough, and posts the prizes once at close', async () => {
    const actor = await manager()
    const [ana, bruno, outsider] = await Promise.all([createRep(), createRep(), createRep()])
    const created = await createContest(
      actor.id,
      contestInput([ana.id, bruno.id], { from: -1, to: 60 }),
    )
    expect(created.ok).toBe(true)
    if (!created.ok) return

    await reactivate(ana.id, 400)
    await reactivate(ana.id, 500)
    // Inactive (silent 200 days), but not the contest's more than 300: it earns nothing.
    await reactivate(ana.id, 200)
    await reactivate(bruno.id, 400)
    // Not taking part.
    await reactivate(outsider.id, 400)

    // All three of Ana's are reactivations (inactive after 180 days); the rule filters one out.
    expect(await prisma.reactivation.count({ where: { account: { repId: ana.id } } })).toBe(3)
    const running = (await contestDetail(created.id))!
    expect(running.contest.phase).toBe('RUNNING')
    expect(
      running.standing.map((row) => [row.repId, row.position, row.reactivations, row.totalCents]),
    ).toEqual([
      [ana.id, 1, 2, 2 * 5_000 + 30_000],
      [bruno.id, 2, 1, 5_000],
    ])
    // The rep area shows the same standing, and the rep's own row.
    const mine = (await repContests(bruno.id)).find((c) => c.contest.id === created.id)!
    expect(mine.mine).toMatchObject({ position: 2, totalCents: 5_000 })
    expect(mine.standing).toHaveLength(2)
    expect(await repContests(outsider.id)).not.toContainEqual(
      expect.objectContaining({ contest: expect.objectContaining({ id: created.id }) }),
    )

    // Still running: closed only when the manager says they mean it.
    expect(await closeContest(actor.id, created.id)).toEqual({
      ok: false,
      code: 'EARLY_NOT_CONFIRMED',
    })
    const closed = await closeContest(actor.id, created.id, { early: true })
    expect(closed).toEqual({ ok: true, postedCents: 45_000, reps: 2 })
    expect(await closeContest(actor.id, created.id, { early: true })).toEqual({
      ok: false,
      code: 'ALREADY_CLOSED',
    })
    const entries = await prisma.commissionEntry.findMany({
      where: { contestId: created.id },
      orderBy: { amountCents: 'asc' },
      select: { repId: true, event: true, bucket: true, amountCents: true, orderId: true },
    })
    expect(entries).toEqual([
      {
        repId: bruno.id,
        event: 'CONTEST_PRIZE',
        bucket: 'EARNED',
        amountCents: 5_000,
        orderId: null,
      },
      {
        repId: ana.id,
        event: 'CONTEST_PRIZE',
        bucket: 'EARNED',
        amountCents: 10_000,
        orderId: null,
      },
      {
        repId: ana.id,
        event: 'CONTEST_PRIZE',
        bucket: 'EARNED',
        amountCents: 30_000,
        orderId: null,
      },
    ])
    expect(
      await prisma.auditLog.count({ where: { entityId: created.id, action: 'contests.close' } }),
    ).toBe(1)

    // After the close, a reactivation no longer moves the standing it posted, nor does a
    // cancelled order: the page keeps showing what was paid.
    await reactivate(bruno.id, 500)
    const brunoOrder = await prisma.reactivation.findFirstOrThrow({
      where: { account: { repId: bruno.id } },
      orderBy: { reactivatedAt: 'asc' },
    })
    await prisma.order.update({
      where: { id: brunoOrder.orderId! },
      data: { status: 'CANCELLED' },
    })
    const after = (await contestDetail(created.id))!
    expect(after.contest.phase).toBe('CLOSED')
    expect(after.standing.find((row) => row.repId === bruno.id)?.reactivations).toBe(1)
    expect(after.posted).toEqual({ cents: 45_000, entries: 3 })

    // The next payout pays the prizes, as it pays earned commission.
    const preview = await payoutPreview()
    expect(preview.find((rep) => rep.repId === ana.id)?.items).toEqual([
      { orderId: null, contestId: created.id, cents: 40_000 },
    ])
    await closePayout(actor.id)
    expect(await repBalances(ana.id)).toMatchObject({ EARNED: 0, PAID: 40_000 })
    expect(await repBalances(bruno.id)).toMatchObject({ EARNED: 0, PAID: 5_000 })
    // The payout's lines say which contest they pay.
    expect(
      await prisma.commissionEntry.count({
        where: { repId: ana.id, event: 'PAYOUT', contestId: created.id },
      }),
    ).toBe(2)
    // A deleted contest would lose its prizes: a closed one stays.
    expect(await deleteContest(actor.id, created.id)).toEqual({ ok: false, code: 'CLOSED' })
  })

  it('posts once when two closes race', async () => {
    const actor = await manager()
    const rep = await createRep()
    const created = await createContest(actor.id, contestInput([rep.id], { from: -1, to: 30 }))
    if (!created.ok) throw new Error(created.code)
    await reactivate(rep.id, 400)
    // Twice the same account: it counts once.
    const again = await createBuyer({ repId: rep.id, status: 'INACTIVE' })
    await createErpOrder(again.account.id, [{ productId: null, sku: 'OLD', quantity: 1 }], {
      daysAgo: 400,
    })
    await orderProduct({
      accountId: again.account.id,
      userId: again.user.id,
      listPriceCents: 1_000,
    })
    await prisma.reactivation.create({
      data: {
        accountId: again.account.id,
        reactivatedAt: new Date(),
        channel: 'OFFLINE',
        previousStatus: 'INACTIVE',
      },
    })
    expect((await contestDetail(created.id))!.standing[0]!.reactivations).toBe(2)
    const results = await Promise.all([
      closeContest(actor.id, created.id, { early: true }),
      closeContest(actor.id, created.id, { early: true }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await prisma.commissionEntry.count({ where: { contestId: created.id } })).toBe(2)
    expect(
      (
        await prisma.commissionEntry.aggregate({
          where: { contestId: created.id },
          _sum: { amountCents: true },
        })
      )._sum.amountCents,
    ).toBe(2 * 5_000 + 30_000)
  })

  it('cannot close before it starts, takes only active reps, and deletes while not closed', async () => {
    const actor = await manager()
    const rep = await createRep()
    const retired = await createRep()
    await prisma.rep.update({ where: { id: retired.id }, data: { active: false } })
    expect(
      await createContest(actor.id, contestInput([rep.id, retired.id], { from: 1, to: 30 })),
    ).toEqual({ ok: false, code: 'UNKNOWN_REP' })
    const later = await createContest(actor.id, contestInput([rep.id], { from: 1, to: 30 }))
    if (!later.ok) throw new Error(later.code)
    expect(await closeContest(actor.id, later.id, { early: true })).toEqual({
      ok: false,
      code: 'NOT_STARTED',
    })
    expect(await closeContest(actor.id, 'no-such-contest')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await deleteContest(actor.id, later.id)).toEqual({ ok: true })
    expect(await prisma.contest.count({ where: { id: later.id } })).toBe(0)
    expect(await deleteContest(actor.id, later.id)).toEqual({ ok: false, code: 'NOT_FOUND' })
  })
})
