import crypto from 'node:crypto'
import { createBuyer, createErpOrder, createRep, orderProduct } from '#tests/fixtures/factories'
import { setOrderStatus } from '~/domain/orders/order-admin.server'
import { prisma } from '~/utils/db.server'
import { recordInstalmentPayment } from './instalment-payments.server'
import { repBalances } from './statement.server'

const DAY = 86_400_000

async function manager() {
  return prisma.user.create({
    data: { email: `m-${crypto.randomUUID()}@test.example`, name: 'Gestora', role: 'MANAGER' },
  })
}

async function onPayment(on: boolean) {
  await prisma.appSettings.upsert({
    where: { id: 1 },
    create: { id: 1, commissionOnPayment: on },
    update: { commissionOnPayment: on },
  })
}

/** An order of R$ 1.000,00 on 28/56 for a rep at 5 %: R$ 50,00 of commission. */
async function orderOn2856() {
  const rep = await createRep({ defaultCommissionBps: 500 })
  const { account, user } = await createBuyer({ repId: rep.id, status: 'ACTIVE', terms: ['28/56'] })
  const orderId = await orderProduct({
    accountId: account.id,
    userId: user.id,
    listPriceCents: 100_000,
    checkout: { paymentTermCode: '28/56' },
  })
  return { rep, orderId }
}

const today = () => new Date(Date.now() - 3 * 60 * 60 * 1000)
const day = (date: Date) => new Date(`${date.toISOString().slice(0, 10)}T03:00:00Z`)

afterEach(() => onPayment(false))

describe('commission as the customer pays ("na liquidez")', () => {
  it('earns half at each paid instalment of a 28/56 order, not at invoicing, each once', async () => {
    await onPayment(true)
    const actor = await manager()
    const { rep, orderId } = await orderOn2856()
    const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
    expect(order.totalCents).toBe(100_000)
    expect(await repBalances(rep.id)).toEqual({ PENDING: 5_000, EARNED: 0, PAID: 0 })

    // Invoicing earns nothing now.
    expect(
      await setOrderStatus(actor.id, orderId, { status: 'INVOICED', invoiceNumber: 'NF-9' }),
    ).toMatchObject({ ok: true })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 5_000, EARNED: 0, PAID: 0 })

    const paidOn = day(today())
    expect(await recordInstalmentPayment(actor.id, orderId, { number: 1, paidOn })).toEqual({
      ok: true,
      earnedCents: 2_500,
    })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 2_500, EARNED: 2_500, PAID: 0 })
    // Recording it again changes nothing.
    expect(await recordInstalmentPayment(actor.id, orderId, { number: 1, paidOn })).toEqual({
      ok: false,
      code: 'ALREADY_PAID',
    })
    // Turning the setting off now strands nothing: the order earns as it was invoiced to.
    await onPayment(false)
    expect(await recordInstalmentPayment(actor.id, orderId, { number: 2, paidOn })).toEqual({
      ok: true,
      earnedCents: 2_500,
    })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 5_000, PAID: 0 })
    // Nor does a later step earn it again.
    await setOrderStatus(actor.id, orderId, { status: 'SHIPPED', trackingCode: 'BR1' })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 5_000, PAID: 0 })
    const earns = await prisma.commissionEntry.findMany({
      where: { orderId, event: 'EARN', bucket: 'EARNED' },
      orderBy: { instalment: 'asc' },
      select: { instalment: true, amountCents: true },
    })
    expect(earns).toEqual([
      { instalment: 1, amountCents: 2_500 },
      { instalment: 2, amountCents: 2_500 },
    ])
    expect(
      await prisma.auditLog.count({
        where: { entityId: String(orderId), action: 'order.instalmentPaid' },
      }),
    ).toBe(2)
  })

  it('refuses before invoicing, a third instalment, a day before the order or after today, another kind of order and a cancelled one', async () => {
    await onPayment(true)
    const actor = await manager()
    const { orderId } = await orderOn2856()
    expect(
      await recordInstalmentPayment(actor.id, orderId, { number: 1, paidOn: day(today()) }),
    ).toEqual({ ok: false, code: 'NOT_INVOICED' })
    await setOrderStatus(actor.id, orderId, { status: 'INVOICED', invoiceNumber: 'NF-11' })
    const erp = await createErpOrder(
      (await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).accountId,
      [{ productId: null, sku: 'X', quantity: 1 }],
    )
    expect(
      await recordInstalmentPayment(actor.id, erp.id, { number: 1, paidOn: day(today()) }),
    ).toEqual({ ok: false, code: 'NOT_ON_TERMS' })
    expect(
      await recordInstalmentPayment(actor.id, orderId, { number: 3, paidOn: day(today()) }),
    ).toEqual({ ok: false, code: 'UNKNOWN' })
    expect(
      await recordInstalmentPayment(actor.id, orderId, {
        number: 1,
        paidOn: day(new Date(Date.now() - 3 * DAY)),
      }),
    ).toEqual({ ok: false, code: 'BAD_DATE' })
    expect(
      await recordInstalmentPayment(actor.id, orderId, {
        number: 1,
        paidOn: day(new Date(Date.now() + 2 * DAY)),
      }),
    ).toEqual({ ok: false, code: 'BAD_DATE' })
    expect(
      await recordInstalmentPayment(actor.id, 999_999_999, { number: 1, paidOn: day(today()) }),
    ).toEqual({ ok: false, code: 'NOT_FOUND' })
    expect(await prisma.instalmentPayment.count({ where: { orderId } })).toBe(0)

    // Cancelled after one instalment: the rest is reversed, and nothing more can be paid.
    await recordInstalmentPayment(actor.id, orderId, { number: 1, paidOn: day(today()) })
    await setOrderStatus(actor.id, orderId, { status: 'CANCELLED' })
    expect(
      await recordInstalmentPayment(actor.id, orderId, { number: 2, paidOn: day(today()) }),
    ).toEqual({ ok: false, code: 'CANCELLED' })
    const balance = await prisma.commissionEntry.aggregate({
      where: { orderId },
      _sum: { amountCents: true },
    })
    expect(balance._sum.amountCents).toBe(0)
  })

  it('with the setting off, earns at invoicing and only records payments', async () => {
    const actor = await manager()
    const { rep, orderId } = await orderOn2856()
    await setOrderStatus(actor.id, orderId, { status: 'INVOICED', invoiceNumber: 'NF-10' })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 5_000, PAID: 0 })
    expect(
      await recordInstalmentPayment(actor.id, orderId, { number: 1, paidOn: day(today()) }),
    ).toEqual({ ok: true, earnedCents: 0 })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 5_000, PAID: 0 })
    // Turned on later: an order already earned earns nothing twice.
    await onPayment(true)
    expect(
      await recordInstalmentPayment(actor.id, orderId, { number: 2, paidOn: day(today()) }),
    ).toEqual({ ok: true, earnedCents: 0 })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 5_000, PAID: 0 })
  })
})
