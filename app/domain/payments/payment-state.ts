import { type PaymentStatus } from '@prisma/client'

export type StripePaymentFacts = {
  paidAt: Date | string | null
  refundedCents: number
  failureMessage: string | null
}

/**
 * An order's payment status from what Stripe has told us so far. Derived rather than set by each
 * event, so events applied in any order end in the same status: a refund that arrives before the
 * payment's own event still reads as refunded, and a failure after a success does not undo it.
 */
export function stripePaymentStatus(totalCents: number, facts: StripePaymentFacts): PaymentStatus {
  if (facts.refundedCents > 0) {
    return facts.refundedCents >= totalCents ? 'REFUNDED' : 'PARTIALLY_REFUNDED'
  }
  if (facts.paidAt) return 'PAID'
  return facts.failureMessage ? 'FAILED' : 'PENDING'
}

export type PayNowRefusal = 'NOT_STRIPE' | 'CANCELLED' | 'ALREADY_PAID'

/**
 * Why an order cannot be paid online now, or null when it can: the rule behind both the order
 * page's "pay now" panel and the server that opens Checkout.
 */
export function payNowRefusal(order: {
  paymentMethod: string
  status: string
  stripePayment: { paidAt: Date | string | null } | null
}): PayNowRefusal | null {
  if (order.paymentMethod !== 'STRIPE') return 'NOT_STRIPE'
  if (order.status === 'CANCELLED') return 'CANCELLED'
  if (order.stripePayment?.paidAt) return 'ALREADY_PAID'
  return null
}

/** What can still be refunded on an order paid with Stripe. */
/** Whether the order page offers "pay now": a Stripe order not paid, not cancelled. */
export function canPayNow(order: Parameters<typeof payNowRefusal>[0]): boolean {
  return order.stripePayment !== null && payNowRefusal(order) === null
}

export function refundableCents(totalCents: number, facts: StripePaymentFacts): number {
  if (!facts.paidAt) return 0
  return Math.max(totalCents - facts.refundedCents, 0)
}

/** Payment methods the back office can offer at Stripe Checkout (those Stripe supports in BRL). */
export const STRIPE_METHODS = ['card', 'boleto', 'pix'] as const
export type StripeMethod = (typeof STRIPE_METHODS)[number]

export function parseStripeMethods(value: string): StripeMethod[] {
  const chosen = value.split(',').map((item) => item.trim())
  const methods = STRIPE_METHODS.filter((method) => chosen.includes(method))
  return methods.length ? methods : ['card']
}

/** Stripe's refund statuses, as stored on Refund.status. */
export const REFUND_STATUSES = [
  'pending',
  'requires_action',
  'succeeded',
  'failed',
  'canceled',
] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

export function isRefundStatus(value: string): value is RefundStatus {
  return (REFUND_STATUSES as readonly string[]).includes(value)
}
