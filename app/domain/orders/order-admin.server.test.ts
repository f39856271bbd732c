import { createRep, createUser, placeOnlineOrder } from '#tests/fixtures/factories'
import { repBalances, repOrders } from '~/domain/commission/statement.server'
import { prisma } from '~/utils/db.server'
import { setOrderStatus } from './order-admin.server'

const manager = () => createUser({ role: 'MANAGER' })
const onlineOrder = (repId: string) => placeOnlineOrder({ repId, listPriceCents: 10_000 })
const buyerOf = async (orderId: number) =>
  (await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { placedBy: true } }))
    .placedBy!
const updates = (to: string) =>
  prisma.outboxMessage.findMany({
    where: { to, kind: 'order-update' },
    orderBy: { createdAt: 'asc' },
    select: { subject: true, text: true, idempotencyKey: true },
  })

describe('order status and commission', () => {
  it('earns commission when the order is invoiced and reverses it when cancelled, audited', async () => {
    const actor = await manager()
    const rep = await createRep()
    const orderId = await onlineOrder(rep.id)
    expect(
      await setOrderStatus(actor.id, orderId, { status: 'INVOICED', invoiceNumber: '4521' }),
    ).toEqual({ ok: true })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 300, PAID: 0 })
    expect(
      await setOrderStatus(actor.id, orderId, { status: 'SHIPPED', trackingCode: 'BR1' }),
    ).toEqual({ ok: true })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 300, PAID: 0 })
    expect(await setOrderStatus(actor.id, orderId, { status: 'PLACED' })).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
      refusal: 'BACKWARD',
    })
    expect(await setOrderStatus(actor.id, orderId, { status: 'DELIVERED' })).toEqual({ ok: true })
    expect(await setOrderStatus(actor.id, orderId, { status: 'CANCELLED' })).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
      refusal: 'CLOSED',
    })
    expect(
      await prisma.auditLog.count({ where: { entity: 'Order', entityId: String(orderId) } }),
    ).toBe(3)
  })

  it('cancels a placed order and takes its pending commission back', async () => {
    const actor = await manager()
    const rep = await createRep()
    const orderId = await onlineOrder(rep.id)
    await setOrderStatus(actor.id, orderId, { status: 'CANCELLED' })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 0, PAID: 0 })
    const { orders } = await repOrders(rep.id, 1)
    expect(orders).toMatchObject([
      { id: orderId, commissionCents: 300, commissionState: 'REVERSED' },
    ])
  })
})

describe('when a move happened', () => {
  it('dates the timeline step and the ledger entries at the moment given (the demo plays its past this way)', async () => {
    const actor = await manager()
    const rep = await createRep()
    const orderId = await onlineOrder(rep.id)
    const invoicedAt = new Date('2026-03-10T14:00:00Z')
    const cancelledAt = new Date('2026-03-11T09:30:00Z')
    await setOrderStatus(actor.id, orderId, { status: 'INVOICED', invoiceNumber: '77' }, invoicedAt)
    await setOrderStatus(actor.id, orderId, { status: 'CANCELLED' }, cancelledAt)
    const events = await prisma.orderStatusEvent.findMany({
      where: { orderId },
      orderBy: { at: 'asc' },
    })
    expect(events.map((e) => [e.status, e.at.toISOString()])).toEqual([
      ['INVOICED', invoicedAt.toISOString()],
      ['CANCELLED', cancelledAt.toISOString()],
    ])
    // The credit is dated when the order was placed.
    const { placedAt } = await prisma.order.findUniqueOrThrow({ where: { id: orderId } })
    const credit = await prisma.commissionEntry.findFirstOrThrow({
      where: { orderId, event: 'CREDIT' },
    })
    expect(credit.createdAt.toISOString()).toBe(placedAt.toISOString())
    const entries = await prisma.commissionEntry.findMany({
      where: { orderId, event: { not: 'CREDIT' } },
    })
    // Sorted here: PostgreSQL orders an enum by its declaration, SQLite by its text.
    const dated = entries.map((e) => [e.event, e.bucket, e.createdAt.toISOString()])
    expect(dated.sort((a, b) => a.join().localeCompare(b.join()))).toEqual([
      ['EARN', 'EARNED', invoicedAt.toISOString()],
      ['EARN', 'PENDING', invoicedAt.toISOString()],
      ['REVERSAL', 'EARNED', cancelledAt.toISOString()],
    ])
  })
})

describe('order tracking', () => {
  it('keeps the invoice number, the tracking code and the timeline, and emails the buyer at each step', async () => {
    const actor = await manager()
    const rep = await createRep()
    const orderId = await onlineOrder(rep.id)
    const buyer = await buyerOf(orderId)
    await setOrderStatus(actor.id, orderId, { status: 'CONFIRMED' })
    await setOrderStatus(actor.id, orderId, { status: 'INVOICED', invoiceNumber: ' NF-4521 ' })
    await setOrderStatus(actor.id, orderId, { status: 'SHIPPED', trackingCode: 'BR123456789' })
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { statusEvents: { orderBy: { at: 'asc' } } },
    })
    expect(order).toMatchObject({
      status: 'SHIPPED',
      invoiceNumber: 'NF-4521',
      trackingCode: 'BR123456789',
    })
    expect(order.statusEvents.map((e) => [e.status, e.actorId])).toEqual([
      ['CONFIRMED', actor.id],
      ['INVOICED', actor.id],
      ['SHIPPED', actor.id],
    ])
    const mails = await updates(buyer.email)
    expect(mails.map((m) => m.subject)).toEqual([
      `Pedido ${orderId} confirmado`,
      `Pedido ${orderId} faturado`,
      `Pedido ${orderId} enviado`,
    ])
    expect(mails[1]!.text).toContain('Nota fiscal: NF-4521')
    expect(mails[2]!.text).toContain('BR123456789')
    expect(mails[2]!.text).toContain('/account/notifications')
    expect(mails.map((m) => m.idempotencyKey)).toEqual(
      ['CONFIRMED', 'INVOICED', 'SHIPPED'].map((s) => `order-update:${orderId}:${s}`),
    )
  })

  it('sends nothing to a buyer who turned order updates off, and still moves the order', async () => {
    const actor = await manager()
    const rep = await createRep()
    const orderId = await onlineOrder(rep.id)
    const buyer = await buyerOf(orderId)
    await prisma.user.update({ where: { id: buyer.id }, data: { orderUpdateEmails: false } })
    expect(
      await setOrderStatus(actor.id, orderId, { status: 'INVOICED', invoiceNumber: '1' }),
    ).toEqual({ ok: true })
    expect(await updates(buyer.email)).toEqual([])
  })

  it('refuses to invoice without a number or ship without a tracking code, and a skipped step, changing nothing', async () => {
    const actor = await manager()
    const rep = await createRep()
    const orderId = await onlineOrder(rep.id)
    const buyer = await buyerOf(orderId)
    expect(
      await setOrderStatus(actor.id, orderId, { status: 'INVOICED', invoiceNumber: ' ' }),
    ).toEqual({ ok: false, code: 'INVOICE_REQUIRED' })
    expect(await setOrderStatus(actor.id, orderId, { status: 'SHIPPED' })).toEqual({
      ok: false,
      code: 'TRACKING_REQUIRED',
    })
    expect(
      await setOrderStatus(actor.id, orderId, { status: 'SHIPPED', trackingCode: 'BR1' }),
    ).toEqual({ ok: false, code: 'NOT_ALLOWED', refusal: 'SKIPS' })
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { statusEvents: true },
    })
    expect(order).toMatchObject({ status: 'PLACED', trackingCode: null, statusEvents: [] })
    expect(await updates(buyer.email)).toEqual([])
    expect(await repBalances(rep.id)).toEqual({ PENDING: 300, EARNED: 0, PAID: 0 })
  })

  it('moves an order once when two people move it at the same time', async () => {
    const rep = await createRep()
    const orderId = await onlineOrder(rep.id)
    const [a, b] = [await manager(), await manager()]
    const results = await Promise.all([
      setOrderStatus(a.id, orderId, { status: 'INVOICED', invoiceNumber: 'A' }),
      setOrderStatus(b.id, orderId, { status: 'INVOICED', invoiceNumber: 'B' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: 'NOT_ALLOWED', refusal: 'SAME' })
    expect(await prisma.orderStatusEvent.count({ where: { orderId } })).toBe(1)
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 300, PAID: 0 })
  })
})
