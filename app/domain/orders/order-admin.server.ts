/**
 * The back office's side of an order: its page, and the status changes along
 * PLACED → CONFIRMED → INVOICED → SHIPPED → DELIVERED (or CANCELLED), which move the rep's
 * commission in the ledger.
 */
import { type OrderStatus } from '@prisma/client'
import { prisma } from '~/utils/db.server'
import { wake } from '~/utils/wake.server'
import { audit } from '~/domain/audit/audit.server'
import { earnOrder, reverseOrder } from '~/domain/commission/ledger.server'
import { orderHeaderSelect, orderLineSelect } from './order-history.server'
import { orderUpdateEmail, queueRenderedEmail } from './order-notifications.server'
import { transitionRefusal, type TransitionRefusal } from './order-tracking'

export type StatusChangeResult =
  | { ok: true }
  | { ok: false; code: 'NOT_FOUND' }
  | { ok: false; code: 'NOT_ALLOWED'; refusal: TransitionRefusal }
  | { ok: false; code: 'INVOICE_REQUIRED' | 'TRACKING_REQUIRED' }

/**
 * Moves an order one step along its way (order-tracking.ts says which moves exist), with the
 * invoice number when invoicing and the tracking code when shipping. In one transaction: the
 * status (only if it is still the one read, so two people moving the same order make one
 * move), the timeline's row, the commission (invoicing earns it, cancelling reverses it, also
 * after payout), the audit row, and the buyer's email in the outbox unless they turned order
 * updates off. A refused move changes nothing and says why.
 */
export async function setOrderStatus(
  actorId: string,
  orderId: number,
  change: { status: OrderStatus; invoiceNumber?: string | null; trackingCode?: string | null },
  now = new Date(),
): Promise<StatusChangeResult> {
  const { status } = change
  const invoiceNumber = change.invoiceNumber?.trim() || null
  const trackingCode = change.trackingCode?.trim() || null
  if (status === 'INVOICED' && !invoiceNumber) return { ok: false, code: 'INVOICE_REQUIRED' }
  if (status === 'SHIPPED' && !trackingCode) return { ok: false, code: 'TRACKING_REQUIRED' }
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: {
      status: true,
      invoiceNumber: true,
      trackingCode: true,
      placedBy: {
        select: { email: true, name: true, locale: true, active: true, orderUpdateEmails: true },
      },
    },
  })
  if (!order) return { ok: false, code: 'NOT_FOUND' }
  const refusal = transitionRefusal(order.status, status)
  if (refusal) return { ok: false, code: 'NOT_ALLOWED', refusal }
  const data = {
    status,
    ...(status === 'INVOICED' ? { invoiceNumber } : {}),
    ...(status === 'SHIPPED' ? { trackingCode } : {}),
  }
  // Rendered before the transaction, so the write lock is not held while React renders.
  const email = await orderUpdateEmail(orderId, order.placedBy, {
    status,
    invoiceNumber: data.invoiceNumber ?? order.invoiceNumber,
    trackingCode: data.trackingCode ?? order.trackingCode,
  })
  const moved = await prisma.$transaction(async (tx) => {
    const updated = await tx.order.updateMany({
      where: { id: orderId, status: order.status },
      data,
    })
    if (updated.count === 0) return false
    await tx.orderStatusEvent.create({ data: { orderId, status, actorId, at: now } })
    if (status === 'CANCELLED') await reverseOrder(tx, orderId, now)
    else if (status !== 'CONFIRMED') await earnOrder(tx, orderId, now)
    await audit(tx, {
      at: now,
      actorId,
      action: 'order.status',
      entity: 'Order',
      entityId: String(orderId),
      changes: {
        status: [order.status, status],
        ...(status === 'INVOICED' ? { invoiceNumber: [order.invoiceNumber, invoiceNumber] } : {}),
        ...(status === 'SHIPPED' ? { trackingCode: [order.trackingCode, trackingCode] } : {}),
      },
    })
    if (email) await queueRenderedEmail(tx, email)
    return true
  })
  if (!moved) {
    // Someone else moved it meanwhile: judged again against where it is now.
    const current = await prisma.order.findUnique({
      where: { id: orderId },
      select: { status: true },
    })
    if (!current) return { ok: false, code: 'NOT_FOUND' }
    return {
      ok: false,
      code: 'NOT_ALLOWED',
      refusal: transitionRefusal(current.status, status) ?? 'SAME',
    }
  }
  wake('outbox')
  return { ok: true }
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
