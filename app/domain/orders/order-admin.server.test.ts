import { createRep, createUser, placeOnlineOrder } from '#tests/fixtures/factories'
import { repBalances, repOrders } from '~/domain/commission/statement.server'
import { prisma } from '~/utils/db.server'
import { setOrderStatus } from './order-admin.server'

const manager = () => createUser({ role: 'MANAGER' })
const onlineOrder = (repId: string) => placeOnlineOrder({ repId, listPriceCents: 10_000 })

describe('order status and commission', () => {
  it('earns commission when the order is invoiced and reverses it when cancelled, audited', async () => {
    const actor = await manager()
    const rep = await createRep()
    const orderId = await onlineOrder(rep.id)
    expect(await setOrderStatus(actor.id, orderId, 'INVOICED')).toEqual({ ok: true })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 300, PAID: 0 })
    expect(await setOrderStatus(actor.id, orderId, 'SHIPPED')).toEqual({ ok: true })
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 300, PAID: 0 })
    expect(await setOrderStatus(actor.id, orderId, 'PLACED')).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
    })
    expect(await setOrderStatus(actor.id, orderId, 'DELIVERED')).toEqual({ ok: true })
    expect(await setOrderStatus(actor.id, orderId, 'CANCELLED')).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
    })
    expect(
      await prisma.auditLog.count({ where: { entity: 'Order', entityId: String(orderId) } }),
    ).toBe(3)
  })

  it('cancels a placed order and takes its pending commission back', async () => {
    const actor = await manager()
    const rep = await createRep()
    const orderId = await onlineOrder(rep.id)
    await setOrderStatus(actor.id, orderId, 'CANCELLED')
    expect(await repBalances(rep.id)).toEqual({ PENDING: 0, EARNED: 0, PAID: 0 })
    const { orders } = await repOrders(rep.id, 1)
    expect(orders).toMatchObject([
      { id: orderId, commissionCents: 300, commissionState: 'REVERSED' },
    ])
  })
})
