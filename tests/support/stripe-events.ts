/**
 * Webhook events as Stripe sends them, signed with the SDK's own test-header helper, so the
 * app's signature check runs exactly as in production.
 */
import crypto from 'node:crypto'
import Stripe from 'stripe'

const sdk = new Stripe('sk_test_signing_only')

export function stripeEvent(type: string, object: Record<string, unknown>, id?: string) {
  return {
    id: id ?? `evt_test_${crypto.randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  }
}

export function checkoutCompleted(input: {
  sessionId: string
  orderId: number | string
  amountTotal: number
  paymentIntentId: string
  paymentStatus?: 'paid' | 'unpaid'
}) {
  return stripeEvent('checkout.session.completed', {
    id: input.sessionId,
    object: 'checkout.session',
    amount_total: input.amountTotal,
    currency: 'brl',
    metadata: { orderId: String(input.orderId) },
    client_reference_id: String(input.orderId),
    mode: 'payment',
    payment_intent: input.paymentIntentId,
    payment_status: input.paymentStatus ?? 'paid',
    status: 'complete',
  })
}

export function chargeRefunded(input: {
  chargeId: string
  paymentIntentId: string
  amount: number
  amountRefunded: number
}) {
  return stripeEvent('charge.refunded', {
    id: input.chargeId,
    object: 'charge',
    amount: input.amount,
    amount_refunded: input.amountRefunded,
    refunded: input.amountRefunded >= input.amount,
    payment_intent: input.paymentIntentId,
    metadata: {},
  })
}

export function paymentFailed(input: {
  paymentIntentId: string
  orderId: number
  message: string
}) {
  return stripeEvent('payment_intent.payment_failed', {
    id: input.paymentIntentId,
    object: 'payment_intent',
    metadata: { orderId: String(input.orderId) },
    last_payment_error: { message: input.message },
    status: 'requires_payment_method',
  })
}

/** The body and Stripe-Signature header of a delivery of `event`. */
export function signed(event: object, secret: string) {
  const payload = JSON.stringify(event)
  return { payload, signature: sdk.webhooks.generateTestHeaderString({ payload, secret }) }
}
