import crypto from 'node:crypto'
import {
  checkoutAsShown,
  createBuyer,
  createFamily,
  createProduct,
  createRep,
  putInCart,
} from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { closePayout, earnOrder, reverseOrder } from './ledger.server'
import { repBalances } from './statement.server'

async function manager() {
  return prisma.user.create({
    data: { email: `m-${crypto.randomUUID()}@test.example`, name: 'Gestora', role: 'MANAGER' },
  })
}

/** An online order of R$ 1.000,00 (R$ 600 of paint, R$ 400 of cement) for a rep at 3 %. */
async function orderFor(
  rep: { id: string },
  options: Parameters<typeof createBuyer>[0] = {},
  paintFamilyId?: string,
) {
  const { account, user } = await createBuyer({ repId: rep.id, status: 'ACTIVE', ...options })
  const paint = await createProduct({ listPriceCents: 6_000, familyId: paintFamilyId })
  const cement = await createProduct({ listPriceCents: 4_000 })
  await putInCart(account.id, [
    { productId: paint.id, quantity: 10 },
    { productId: cement.id, quantity: 10 },
  ])
  const input = {
    accountId: account.id,
    userId: user.id,
    idempotencyKey: crypto.randomUUID(),
    paymentTermCode: '28',
  }
  const result = await checkoutAsShown(input)
  if (!result.ok) throw new Error(result.code)
  return { orderId: result.orderId, input, account }
}

describe('the commission ledger', () => {
  it('credits an online order once as PENDING, at the rep rate with family overrides', async () => {
    const rep = await createRep({ defaultCommissionBps: 300 })
    const paints = await createFamily()
    await prisma.repFamilyRate.create({ data: { repId: rep.id, familyId: paints.id, bps: 500 } })
    const { orderId, input } = await orderFor(rep, {}, paints.id)
    // 5 % of 600,00 + 3 % of 400,00 = 30,00 + 12,00.
    expect(await repBalances(rep.id)).toEqual({ PENDING: 4_200, EARNED: 0, PAID: 0 })
    const lines = await prisma.orderLine.findMany({
      where: { orderId },
      orderBy: { totalCents: 'desc' },
    })
    expect(lines.map((l) => l.commissionBps)).toEqual([500, 300])

    // A retried checkout returns the same order and credits nothing more.
    expect(await checkoutAsShown(input)).toMatchObject({ ok: true, orderId, created: false })
    expect(await prisma.commissionEntry.count({ where: { orderId } })).toBe(1)
  })

  it('adds the reactivation bonus to the order that brings an inactive account back', async () => {
    const rep = await createRep({ defaultCommissionBps: 300 })
    await prisma.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, reactivationBonusBps: 200, reactivationWindowDays: 90 },
      update: { reactivationBonusBps: 200, reactivationWindowDays: 90 },
    })
    await orderFor(rep, { status: 'INACTIVE', lastOrderAt: new Date('2025-01-10T00:00:00Z') })
    // (3 % + 2 %) of 1.000,00.
    expect((await repBalances(rep.id)).PENDING).toBe(5_000)
  })

  it('moves commission PENDING → EARNED → PAID, each once, however often the events replay', async () => {
    const rep = await createRep()
    const { orderId } = await orderFor(rep)
    const actor = await manager()
    for (let i = 0; i < 10; i++) await prisma.$transaction((tx) => earnOrder(tx, orderId))
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 3_000, PAID: 0 })

    const batch = await closePayout(actor.id)
    expect(batch).toMatchObject({ totalCents: expect.any(Number) })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 0, PAID: 3_000 })
    for (let i = 0; i < 3; i++) await prisma.$transaction((tx) => earnOrder(tx, orderId))
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 0, PAID: 3_000 })
  })

  it('reverses a cancelled pending order, and then earns nothing for it', async () => {
    const rep = await createRep()
    const { orderId } = await orderFor(rep)
    for (let i = 0; i < 5; i++) await prisma.$transaction((tx) => reverseOrder(tx, orderId))
    await prisma.$transaction((tx) => earnOrder(tx, orderId))
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 0, PAID: 0 })
    expect(await prisma.commissionEntry.count({ where: { orderId, event: 'REVERSAL' } })).toBe(1)
  })

  it('carries a cancellation after payout into the next batch', async () => {
    const rep = await createRep()
    const actor = await manager()
    const first = await orderFor(rep)
    await prisma.$transaction((tx) => earnOrder(tx, first.orderId))
    await closePayout(actor.id)
    expect((await repBalances(rep.id)).PAID).toBe(3_000)

    // The first order is refunded after it was paid out; a second order is earned.
    await prisma.$transaction((tx) => reverseOrder(tx, first.orderId))
    await prisma.$transaction((tx) => reverseOrder(tx, first.orderId))
    expect((await repBalances(rep.id)).EARNED).toBe(-3_000)
    const second = await orderFor(rep)
    await prisma.$transaction((tx) => earnOrder(tx, second.orderId))
    expect((await repBalances(rep.id)).EARNED).toBe(0)

    // A third order is earned; the next batch pays it, less the refunded one.
    const third = await orderFor(rep)
    await prisma.$transaction((tx) => earnOrder(tx, third.orderId))
    const batch = await closePayout(actor.id)
    const mine = await prisma.commissionEntry.aggregate({
      where: { repId: rep.id, payoutBatchId: batch!.id, bucket: 'PAID' },
      _sum: { amountCents: true },
    })
    // 30,00 + 30,00 earned − 30,00 refunded = 30,00 in this batch.
    expect(mine._sum.amountCents).toBe(3_000)
    // Three orders of 30,00 paid, one refunded: 60,00 paid in all.
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 0, PAID: 6_000 })
  })

  it('never pays a rep whose refunds outweigh what they earned; the debt carries', async () => {
    const rep = await createRep()
    const actor = await manager()
    const { orderId } = await orderFor(rep)
    await prisma.$transaction((tx) => earnOrder(tx, orderId))
    await closePayout(actor.id)
    await prisma.$transaction((tx) => reverseOrder(tx, orderId))
    const batch = await closePayout(actor.id)
    const paidToRep = batch
      ? await prisma.commissionEntry.count({ where: { repId: rep.id, payoutBatchId: batch.id } })
      : 0
    expect(paidToRep).toBe(0)
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: -3_000, PAID: 3_000 })
  })
})
