/**
 * The back office's side of an order: its page, and the status changes along
 * PLACED → CONFIRMED → INVOICED → SHIPPED → DELIVERED (or CANCELLED), which move the rep's
 * commission in the ledger.
 */
import { type OrderStatus } from '@prisma/client'
import { z } from 'zod'
import { prisma } from '~/utils/db.server'
import { audit } from '~/domain/audit/audit.server'
import { earnOrder, reverseOrder } from '~/domain/commission/ledger.server'
import { orderHeaderSelect, orderLineSelect } from './order-history.server'

const NEXT: Record<OrderStatus, OrderStatus[]> = {
  PLACED: ['CONFIRMED', 'INVOICED', 'CANCELLED'],
  CONFIRMED: ['INVOICED', 'CANCELLED'],
  INVOICED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
}

export function nextStatuses(status: OrderStatus): OrderStatus[] {
  return NEXT[status]
}

/** The statuses the back office may set (an order is PLACED only by being placed). */
export const SETTABLE_STATUSES = [
  'CONFIRMED',
  'INVOICED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
] as const
export const OrderStatusChange = z.object({ status: z.enum(SETTABLE_STATUSES) })

/**
 * Moves an order along its statuses. Invoicing earns the commission; cancelling reverses it
 * (also after payout). Audited; a transition that is not allowed changes nothing.
 */
export async function setOrderStatus(actorId: string, orderId: number, status: OrderStatus) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId }, select: { status: true } })
    if (!order) return { ok: false as const, code: 'NOT_FOUND' as const }
    if (!NEXT[order.status].includes(status)) {
      return { ok: false as const, code: 'NOT_ALLOWED' as const }
    }
    await tx.order.update({ where: { id: orderId }, data: { status } })
    if (status === 'CANCELLED') await reverseOrder(tx, orderId)
    else if (status !== 'CONFIRMED') await earnOrder(tx, orderId)
    await audit(tx, {
      actorId,
      action: 'order.status',
      entity: 'Order',
      entityId: String(orderId),
      changes: { status: [order.status, status] },
    })
    return { ok: true as const }
  })
}

export async function getAdminOrder(orderId: number) {
  return prisma.order.findUnique({
    where: { id: orderId },
    select: {
      ...orderHeaderSelect,
      stripePayment: {
        select: { paidAt: true, refundedCents: true, failureMessage: true, paymentIntentId: true },
      },
      refunds: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, createdAt: true, amountCents: true, status: true, reason: true },
      },
      account: { select: { id: true, tradeName: true } },
      rep: { select: { code: true, name: true } },
      placedBy: { select: { name: true } },
      lines: { orderBy: { sku: 'asc' }, select: { ...orderLineSelect, commissionBps: true } },
      commissionEntries: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, createdAt: true, event: true, bucket: true, amountCents: true },
      },
    },
  })
}
