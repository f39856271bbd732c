import type Stripe from 'stripe'
import { isUniqueViolation, prisma, type Tx } from '~/utils/db.server'
import { earnOrder, reverseRefunded } from '~/domain/commission/ledger.server'
import { stripePaymentStatus } from './payment-state'
import { stripeConfig } from './stripe.server'

export type WebhookResponse = { status: number; body: string }

type Outcome = { orderId: number | null; outcome: string }

/**
 * Verifies and applies one Stripe webhook delivery. Each event is applied once: its id is
 * stored in the same transaction as its effects, so a replay (or a concurrent duplicate) finds
 * it and changes nothing. Events may arrive in any order: every effect only moves forward
 * (paid stays paid, refunded amounts only grow) and the status is derived from those facts.
 */
export async function handleStripeWebhook(
  payload: string,
  signature: string | null,
): Promise<WebhookResponse> {
  const stripe = stripeConfig()
  if (!stripe?.webhookSecret) {
    console.error('Stripe webhook received but STRIPE_WEBHOOK_SECRET is not set')
    return { status: 503, body: 'webhooks not configured' }
  }
  let event: Stripe.Event
  try {
    event = stripe.client.webhooks.constructEvent(payload, signature ?? '', stripe.webhookSecret)
  } catch (error) {
    console.warn(`Stripe webhook rejected: ${error instanceof Error ? error.message : error}`)
    return { status: 400, body: 'invalid signature' }
  }
  let hint: string | null
  try {
    hint = await orderHint(stripe, event)
  } catch (error) {
    console.error(`Stripe event ${event.id}: payment intent lookup failed`, error)
    return { status: 500, body: 'lookup failed' }
  }
  try {
    const result = await prisma.$transaction(async (tx) => {
      if (await tx.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) {
        return null
      }
      const outcome = await applyEvent(tx, event, hint)
      await tx.stripeEvent.create({
        data: {
          id: event.id,
          type: event.type,
          orderId: outcome.orderId,
          outcome: outcome.outcome,
        },
      })
      return outcome
    })
    if (result?.outcome === 'unknown_order') {
      console.warn(`Stripe event ${event.id} (${event.type}) names no known order; acknowledged`)
    }
    return { status: 200, body: result ? result.outcome : 'already processed' }
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 200, body: 'already processed' }
    // Anything else is answered 500: Stripe retries the delivery later.
    console.error(`Stripe event ${event.id} (${event.type}) failed`, error)
    return { status: 500, body: 'processing failed' }
  }
}

/**
 * A refund can be told before the payment's own events, when its payment intent is not yet
 * recorded here and the charge carries no order id: ask Stripe for the intent's metadata.
 */
async function orderHint(
  stripe: NonNullable<ReturnType<typeof stripeConfig>>,
  event: Stripe.Event,
): Promise<string | null> {
  if (event.type !== 'charge.refunded') return null
  const charge = event.data.object
  const intentId = idOf(charge.payment_intent)
  if (charge.metadata?.orderId || !intentId) return null
  const known = await prisma.stripePayment.findUnique({
    where: { paymentIntentId: intentId },
    select: { orderId: true },
  })
  if (known) return null
  const intent = await stripe.client.paymentIntents.retrieve(intentId)
  return intent.metadata?.orderId ?? null
}

async function applyEvent(tx: Tx, event: Stripe.Event, hint: string | null): Promise<Outcome> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object
      const order = await findOrder(tx, { metadataOrderId: session.metadata?.orderId })
      if (!order) return { orderId: null, outcome: 'unknown_order' }
      const paymentIntentId = idOf(session.payment_intent)
      // A boleto or PIX session completes unpaid; its async_payment_succeeded event pays it.
      if (session.payment_status !== 'paid') {
        await recordFacts(tx, order, { paymentIntentId })
        return { orderId: order.id, outcome: 'awaiting_payment' }
      }
      if (session.amount_total !== null && session.amount_total !== order.totalCents) {
        console.error(
          `Order ${order.id}: Stripe charged ${session.amount_total}, order total ${order.totalCents}`,
        )
      }
      return { orderId: order.id, outcome: await markPaid(tx, order, paymentIntentId) }
    }
    case 'payment_intent.succeeded': {
      const intent = event.data.object
      const order = await findOrder(tx, {
        metadataOrderId: intent.metadata?.orderId,
        paymentIntentId: intent.id,
      })
      if (!order) return { orderId: null, outcome: 'unknown_order' }
      return { orderId: order.id, outcome: await markPaid(tx, order, intent.id) }
    }
    case 'payment_intent.payment_failed':
    case 'checkout.session.async_payment_failed': {
      const object = event.data.object
      const paymentIntentId = object.object === 'payment_intent' ? object.id : null
      const order = await findOrder(tx, {
        metadataOrderId: object.metadata?.orderId,
        paymentIntentId,
      })
      if (!order) return { orderId: null, outcome: 'unknown_order' }
      const message =
        (object.object === 'payment_intent' ? object.last_payment_error?.message : null) ??
        'payment failed'
      await recordFacts(tx, order, { paymentIntentId, failureMessage: message })
      return { orderId: order.id, outcome: order.payment.paidAt ? 'failure_after_paid' : 'failed' }
    }
    case 'charge.refunded': {
      const charge = event.data.object
      const order = await findOrder(tx, {
        metadataOrderId: charge.metadata?.orderId ?? hint,
        paymentIntentId: idOf(charge.payment_intent),
      })
      if (!order) return { orderId: null, outcome: 'unknown_order' }
      return {
        orderId: order.id,
        outcome: await applyRefundedTotal(tx, order, charge.amount_refunded),
      }
    }
    default:
      return { orderId: null, outcome: 'ignored' }
  }
}

type PaymentOrder = NonNullable<Awaited<ReturnType<typeof findOrder>>>

async function findOrder(
  tx: Tx,
  ref: { metadataOrderId?: string | null; paymentIntentId?: string | null },
) {
  const select = {
    id: true,
    totalCents: true,
    stripePayment: { select: { paidAt: true, refundedCents: true, failureMessage: true } },
  } as const
  let order = null
  if (ref.paymentIntentId) {
    order = await tx.order.findFirst({
      where: { stripePayment: { paymentIntentId: ref.paymentIntentId } },
      select,
    })
  }
  const id = Number(ref.metadataOrderId)
  if (!order && Number.isSafeInteger(id) && id > 0) {
    order = await tx.order.findFirst({ where: { id, paymentMethod: 'STRIPE' }, select })
  }
  if (!order) return null
  const payment = order.stripePayment ?? { paidAt: null, refundedCents: 0, failureMessage: null }
  return { id: order.id, totalCents: order.totalCents, payment }
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null
  return typeof value === 'string' ? value : value.id
}

/** Writes what Stripe told us and the status that follows from it. */
async function recordFacts(
  tx: Tx,
  order: PaymentOrder,
  facts: {
    paymentIntentId?: string | null
    paidAt?: Date
    failureMessage?: string
    refundedCents?: number
  },
) {
  const next = {
    paidAt: order.payment.paidAt ?? facts.paidAt ?? null,
    refundedCents: Math.max(order.payment.refundedCents, facts.refundedCents ?? 0),
    failureMessage: facts.failureMessage ?? order.payment.failureMessage,
  }
  const data = {
    ...next,
    ...(facts.paymentIntentId ? { paymentIntentId: facts.paymentIntentId } : {}),
  }
  await tx.stripePayment.upsert({
    where: { orderId: order.id },
    create: { orderId: order.id, ...data },
    update: data,
  })
  await tx.order.update({
    where: { id: order.id },
    data: { paymentStatus: stripePaymentStatus(order.totalCents, next) },
  })
}

async function markPaid(tx: Tx, order: PaymentOrder, paymentIntentId: string | null) {
  if (order.payment.paidAt) {
    if (paymentIntentId) await recordFacts(tx, order, { paymentIntentId })
    return 'already_paid'
  }
  await recordFacts(tx, order, { paymentIntentId, paidAt: new Date() })
  // Paid: the rep's commission on this order is earned.
  await earnOrder(tx, order.id)
  return 'paid'
}

/**
 * Records the cumulative amount refunded on an order and takes back the refunded share of its
 * commission. Called by the charge.refunded webhook and by the back office's refund.
 */
export async function applyRefundedTotal(
  tx: Tx,
  order: PaymentOrder,
  refundedCents: number,
): Promise<string> {
  if (refundedCents <= order.payment.refundedCents) return 'refund_already_recorded'
  await recordFacts(tx, order, { refundedCents })
  await reverseRefunded(tx, order, refundedCents)
  return refundedCents >= order.totalCents ? 'refunded' : 'partially_refunded'
}

export { findOrder as findStripeOrder }
