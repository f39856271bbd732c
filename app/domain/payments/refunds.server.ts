import { prisma } from '~/utils/db.server'
import { audit } from '~/domain/audit/audit.server'
import { refundableCents, type StripePaymentFacts } from './payment-state'
import { stripeConfig, stripeEnabled } from './stripe.server'
import { applyRefundedTotal, findStripeOrder } from './webhook.server'

/** What the back office may still refund of an order, and whether it can now (Stripe set up). */
export function refundState(order: {
  totalCents: number
  stripePayment: StripePaymentFacts | null
}) {
  const refundable = order.stripePayment
    ? refundableCents(order.totalCents, order.stripePayment)
    : 0
  return { refundable, canRefund: refundable > 0 && stripeEnabled() }
}

export type RefundResult =
  | { ok: true; refundId: string; status: string }
  | {
      ok: false
      code: 'NOT_FOUND' | 'NOT_PAID' | 'AMOUNT_INVALID' | 'UNAVAILABLE' | 'STRIPE_ERROR'
      maxCents?: number
      message?: string
    }

/**
 * Refunds all or part of an order paid with Stripe. The request key (rendered into the form)
 * is Stripe's idempotency key, so a double submit or a retry refunds once. The refunded total is
 * then read back from Stripe's charge, the same cumulative figure charge.refunded webhooks carry,
 * so whichever arrives first the order and the commission reversal end the same.
 */
export async function refundOrder(input: {
  actorId: string
  orderId: number
  /** Null when the amount typed could not be read: refused with the refundable maximum. */
  amountCents: number | null
  requestKey: string
  reason?: string
}): Promise<RefundResult> {
  const stripe = stripeConfig()
  if (!stripe) return { ok: false, code: 'UNAVAILABLE' }
  const replay = await prisma.refund.findUnique({ where: { requestKey: input.requestKey } })
  if (replay) {
    if (replay.orderId !== input.orderId) return { ok: false, code: 'NOT_FOUND' }
    return { ok: true, refundId: replay.stripeRefundId, status: replay.status }
  }
  const order = await prisma.order.findFirst({
    where: { id: input.orderId, paymentMethod: 'STRIPE' },
    select: { id: true, totalCents: true, stripePayment: true },
  })
  const payment = order?.stripePayment
  if (!order || !payment) return { ok: false, code: 'NOT_FOUND' }
  if (!payment.paidAt || !payment.paymentIntentId) return { ok: false, code: 'NOT_PAID' }
  const maxCents = refundableCents(order.totalCents, payment)
  const amountCents = input.amountCents
  if (
    amountCents === null ||
    !Number.isInteger(amountCents) ||
    amountCents <= 0 ||
    amountCents > maxCents
  ) {
    return { ok: false, code: 'AMOUNT_INVALID', maxCents }
  }

  let refund
  let refundedTotal: number | null = null
  try {
    refund = await stripe.client.refunds.create(
      {
        payment_intent: payment.paymentIntentId,
        amount: amountCents,
        reason: 'requested_by_customer',
        metadata: { orderId: String(order.id) },
      },
      { idempotencyKey: `reativa-refund-${input.requestKey}` },
    )
    const chargeId = typeof refund.charge === 'string' ? refund.charge : refund.charge?.id
    if (chargeId && refund.status === 'succeeded') {
      refundedTotal = (await stripe.client.charges.retrieve(chargeId)).amount_refunded
    }
  } catch (error) {
    if (!refund) {
      console.error(`Order ${order.id}: Stripe refund failed`, error)
      const message = error instanceof Error ? error.message : undefined
      return { ok: false, code: 'STRIPE_ERROR', message }
    }
    // The refund exists; its amount reaches the order with the charge.refunded webhook.
    console.warn(`Order ${order.id}: refund ${refund.id} made, charge not read back`, error)
  }

  const created = refund
  await prisma.$transaction(async (tx) => {
    await tx.refund.upsert({
      where: { stripeRefundId: created.id },
      create: {
        orderId: order.id,
        requestKey: input.requestKey,
        stripeRefundId: created.id,
        amountCents: created.amount,
        status: created.status ?? 'pending',
        reason: input.reason ?? '',
        createdById: input.actorId,
      },
      update: { status: created.status ?? 'pending' },
    })
    if (refundedTotal !== null) {
      const current = await findStripeOrder(tx, { metadataOrderId: String(order.id) })
      if (current) await applyRefundedTotal(tx, current, refundedTotal)
    }
    await audit(tx, {
      actorId: input.actorId,
      action: 'order.refund',
      entity: 'Order',
      entityId: String(order.id),
      changes: {
        amountCents: created.amount,
        stripeRefundId: created.id,
        reason: input.reason ?? '',
      },
    })
  })
  return { ok: true, refundId: created.id, status: created.status ?? 'pending' }
}
